import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoachEventMessage } from '../../../../renderer/bridge/contract';
import type { AudioCues } from '../../../../renderer/features/live/audio-cues';
import { createWarningStore } from '../../../../renderer/features/live/warning-store';

const ev = (kind: CoachEventMessage['kind']): CoachEventMessage => ({ t: 1, kind, positionCm: 0, detail: '' });

describe('warning store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    let now = 0;
    const played: string[] = [];
    const cues: AudioCues = { unlock() {}, hush() {}, play: (kind) => played.push(kind) };
    const store = createWarningStore({
      cues,
      now: () => now,
      context: () => ({ speedLimitText: '1.0 in/s', dwellNudgeS: 15, dwellLimitS: 30, dailyBudgetMin: 10, sounds: true, speech: false }),
    });
    const advance = (ms: number) => {
      now += ms;
      vi.advanceTimersByTime(ms);
    };
    return { store, played, advance };
  }

  it('shows a warning, plays its cue, and clears it after its time', () => {
    const { store, played, advance } = setup();
    store.offer(ev('too-fast'));
    expect(store.active.get()?.event.kind).toBe('too-fast');
    expect(played).toEqual(['too-fast']);
    advance(3990);
    expect(store.active.get()).not.toBeNull();
    advance(20);
    expect(store.active.get()).toBeNull();
  });

  it('does not let a lesser warning interrupt an urgent one (nor sound it)', () => {
    const { store, played, advance } = setup();
    store.offer(ev('neck'));
    advance(1000);
    store.offer(ev('dwell-nudge'));
    expect(store.active.get()?.event.kind).toBe('neck');
    expect(played).toEqual(['neck']);
    advance(6100);
    expect(store.active.get()).toBeNull();
  });

  it('clears at once on request', () => {
    const { store } = setup();
    store.offer(ev('lumbar'));
    store.clear();
    expect(store.active.get()).toBeNull();
  });
});
