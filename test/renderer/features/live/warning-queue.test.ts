import { describe, expect, it } from 'vitest';
import type { CoachEventMessage } from '../../../../renderer/bridge/contract';
import { expireWarning, offerWarning } from '../../../../renderer/features/live/warning-queue';

const ev = (kind: CoachEventMessage['kind']): CoachEventMessage => ({ t: 1, kind, positionCm: 0, detail: '' });

describe('warning queue', () => {
  it('shows a warning until its time is up', () => {
    const a = offerWarning(null, ev('too-fast'), 2, 4000, 1000);
    expect(a.shown).toBe(true);
    expect(a.active).toMatchObject({ id: 1, shownAtMs: 1000, clearAtMs: 5000 });
    expect(expireWarning(a.active, 4999)).toBe(a.active);
    expect(expireWarning(a.active, 5000)).toBeNull();
  });
  it('lets a newer warning of the same or higher priority replace it, with a new id', () => {
    const a = offerWarning(null, ev('too-fast'), 2, 4000, 0).active;
    const b = offerWarning(a, ev('dwell-limit'), 2, 7000, 100);
    expect(b.shown).toBe(true);
    expect(b.active).toMatchObject({ id: 2, event: { kind: 'dwell-limit' } });
    const c = offerWarning(b.active, ev('lumbar'), 3, 7000, 200);
    expect(c.active.event.kind).toBe('lumbar');
  });
  it('keeps a more urgent warning showing, until it expires', () => {
    const a = offerWarning(null, ev('lumbar'), 3, 7000, 0).active;
    const b = offerWarning(a, ev('too-fast'), 2, 4000, 100);
    expect(b.shown).toBe(false);
    expect(b.active).toBe(a);
    const c = offerWarning(a, ev('too-fast'), 2, 4000, 7000);
    expect(c.shown).toBe(true);
    expect(c.active.event.kind).toBe('too-fast');
  });
});
