/**
 * The hands-free state machine on hand-made track points: its clock is the points' sensor time,
 * so each threshold is checked just below and at its value.
 */
import { describe, expect, it } from 'vitest';
import { HANDS_FREE_THRESHOLDS, HandsFreeMachine, type HandsFreeChange, type HandsFreePoint } from '../../../electron/app/hands-free-machine';

const DT = 0.02;
type Kind = 'rolling' | 'rest' | 'still' | 'slow' | 'gap' | 'breathing';

/** Feeds `seconds` of one kind of point from `from`; returns the changes with their times and the next time. */
function feed(m: HandsFreeMachine, from: number, seconds: number, kind: Kind): { changes: [number, HandsFreeChange][]; t: number } {
  const changes: [number, HandsFreeChange][] = [];
  const n = Math.round(seconds / DT);
  let t = from;
  for (let i = 0; i < n; i++) {
    t = from + i * DT;
    const p: HandsFreePoint = {
      t,
      speedInPerS: kind === 'rolling' || kind === 'gap' ? 0.8 : kind === 'slow' ? 0.2 : kind === 'breathing' ? 0.05 : 0,
      atRest: kind === 'rest',
      gapBridged: kind === 'gap',
    };
    const c = m.push(p);
    if (c) changes.push([Number(t.toFixed(2)), c]);
  }
  return { changes, t: from + n * DT };
}

describe('HandsFreeMachine', () => {
  it('is armed until the roller has rolled for startAfterS, then started', () => {
    const m = new HandsFreeMachine();
    expect(m.phase).toBe('armed');
    let r = feed(m, 0, 3, 'rest');
    expect(r.changes).toEqual([]);
    r = feed(m, r.t, 1, 'rolling');
    expect(r.changes).toEqual([[3 + HANDS_FREE_THRESHOLDS.startAfterS, 'started']]);
    expect(m.phase).toBe('rolling');
  });

  it('does not start on a short jolt, on slow wobble (breathing) or on points bridged through a gap', () => {
    const m = new HandsFreeMachine();
    let r = feed(m, 0, HANDS_FREE_THRESHOLDS.startAfterS - 0.1, 'rolling');
    r = feed(m, r.t, 1, 'still');
    r = feed(m, r.t, 5, 'slow');
    r = feed(m, r.t, 3, 'gap');
    expect(m.phase).toBe('armed');
    expect(r.changes).toEqual([]);
  });

  it('pauses after pauseAfterStillS of rest, not on a turnaround, and resumes when rolling again', () => {
    const m = new HandsFreeMachine();
    let r = feed(m, 0, 2, 'rolling');
    // A turnaround: the rest detector sees rest briefly, shorter than the pause threshold.
    r = feed(m, r.t, HANDS_FREE_THRESHOLDS.pauseAfterStillS - 0.1, 'rest');
    expect(r.changes).toEqual([]);
    r = feed(m, r.t, 1, 'rolling');
    const restFrom = r.t;
    r = feed(m, r.t, 3, 'rest');
    expect(r.changes).toEqual([[Number((restFrom + HANDS_FREE_THRESHOLDS.pauseAfterStillS).toFixed(2)), 'paused']]);
    expect(m.phase).toBe('paused');
    const rollFrom = r.t;
    r = feed(m, r.t, 1, 'rolling');
    expect(r.changes).toEqual([[Number((rollFrom + HANDS_FREE_THRESHOLDS.startAfterS).toFixed(2)), 'resumed']]);
    expect(m.phase).toBe('rolling');
  });

  it('counts active time only while rolling: not armed, not paused, not across a long step', () => {
    const m = new HandsFreeMachine();
    let r = feed(m, 0, 4, 'rest'); // armed
    r = feed(m, r.t, 10, 'rolling'); // started after 0.5 s: 9.5 s rolling
    r = feed(m, r.t, 6, 'rest'); // 2 s still counted before the pause (the roller might only be turning round)
    expect(m.phase).toBe('paused');
    const beforeGap = m.activeS;
    expect(beforeGap).toBeCloseTo(9.5 + HANDS_FREE_THRESHOLDS.pauseAfterStillS, 1);
    r = feed(m, r.t, 2, 'rolling'); // resumed after 0.5 s
    const afterResume = m.activeS;
    expect(afterResume - beforeGap).toBeCloseTo(1.5, 1);
    // A step of 5 s (samples stopped) adds nothing.
    m.push({ t: r.t + 5, speedInPerS: 0.8, atRest: false, gapBridged: false });
    expect(m.activeS).toBeCloseTo(afterResume, 6);
  });

  it('also pauses when the speed stays at or below stillMaxInPerS (lying on it and breathing) without the rest detector', () => {
    const m = new HandsFreeMachine();
    let r = feed(m, 0, 2, 'rolling');
    r = feed(m, r.t, HANDS_FREE_THRESHOLDS.pauseAfterStillS - 0.1, 'breathing');
    expect(m.phase).toBe('rolling');
    r = feed(m, r.t, 0.2, 'breathing');
    expect(m.phase).toBe('paused');
    // Slow work on one spot (above stillMaxInPerS, below rollingMinInPerS) neither pauses nor resumes.
    const slow = new HandsFreeMachine();
    r = feed(slow, 0, 2, 'rolling');
    feed(slow, r.t, 10, 'slow');
    expect(slow.phase).toBe('rolling');
  });

  it('does nothing once stopped', () => {
    const m = new HandsFreeMachine();
    feed(m, 0, 1, 'rolling');
    m.stop();
    const r = feed(m, 1, 5, 'rest');
    expect(r.changes).toEqual([]);
    expect(m.phase).toBe('stopped');
  });

  it('takes its own thresholds', () => {
    const m = new HandsFreeMachine({ startAfterS: 1, pauseAfterStillS: 5 });
    let r = feed(m, 0, 0.9, 'rolling');
    expect(m.phase).toBe('armed');
    r = feed(m, r.t, 0.5, 'rolling');
    expect(m.phase).toBe('rolling');
    r = feed(m, r.t, 4.5, 'rest');
    expect(m.phase).toBe('rolling');
    feed(m, r.t, 1, 'rest');
    expect(m.phase).toBe('paused');
  });
});
