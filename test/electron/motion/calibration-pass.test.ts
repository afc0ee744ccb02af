import { describe, it, expect } from 'vitest';
import { CalibrationPass, type CalibrationStep, type CalibrationVerdict } from '../../../electron/motion/calibration-pass';
import { profile, timesBetween, trackPoint, type Segment } from './synthetic-roller';

const HZ = 50;

/** Feeds a profile's positions (plus an optional jitter) as track points; returns the verdict and the steps seen. */
function pass(segments: readonly Segment[], jitter: (t: number) => number = () => 0): { verdict: CalibrationVerdict; steps: CalibrationStep[]; cal: CalibrationPass } {
  const prof = profile(segments);
  const cal = new CalibrationPass();
  const steps: CalibrationStep[] = [];
  for (const t of timesBetween(0, prof.durationS, HZ)) {
    const step = cal.push(trackPoint(t, prof.p(t) + jitter(t)));
    if (steps[steps.length - 1] !== step) steps.push(step);
  }
  return { verdict: cal.verdict(), steps, cal };
}

/** The steps in the order first reached (a hold that broke off goes back a step, then on again). */
function phases(steps: readonly string[]): string[] {
  return steps.filter((s, i) => steps.indexOf(s) === i);
}

const clean: Segment[] = [{ holdS: 1 }, { toCm: 21, durationS: 7 }, { holdS: 3.5 }, { toCm: -14, durationS: 10 }, { holdS: 3.5 }];

describe('CalibrationPass: the personal spine map from one guided pass', () => {
  it('a clean pass (still, up to +21 cm, hold 3.5 s, down to −14 cm, hold 3.5 s) gives N ≈ 21 and L ≈ 14', () => {
    const { verdict, steps } = pass(clean);
    expect(phases(steps)).toEqual(['roll-up', 'hold-top', 'roll-down', 'hold-bottom', 'done']);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    // The hold means (they may include the last, slow millimetres of the stroke).
    expect(verdict.neckAboveCm).toBeGreaterThan(20.6);
    expect(verdict.neckAboveCm).toBeLessThanOrEqual(21);
    expect(verdict.lumbarBelowCm).toBeGreaterThan(13.6);
    expect(verdict.lumbarBelowCm).toBeLessThanOrEqual(14);
    expect(verdict.message).toContain(verdict.neckAboveCm.toFixed(1));
    expect(verdict.message).toContain(verdict.lumbarBelowCm.toFixed(1));
  });

  it('uses the mean of the hold: jitter within the hold window averages out', () => {
    const { verdict } = pass(clean, (t) => 0.6 * Math.sin(9 * t));
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.neckAboveCm).toBeCloseTo(21, 0);
    expect(verdict.lumbarBelowCm).toBeCloseTo(14, 0);
  });

  it('counts the hold down for the UI (heldS) and steps on after 3 s', () => {
    const prof = profile(clean);
    const cal = new CalibrationPass();
    let maxHeldInHoldTop = 0;
    for (const t of timesBetween(0, prof.durationS, HZ)) {
      cal.push(trackPoint(t, prof.p(t)));
      if (cal.step === 'hold-top') maxHeldInHoldTop = Math.max(maxHeldInHoldTop, cal.heldS);
    }
    expect(maxHeldInHoldTop).toBeGreaterThan(2.9);
    expect(maxHeldInHoldTop).toBeLessThan(3);
    expect(cal.step).toBe('done');
  });

  it('a hold too short at the top → hold-too-short, telling the user to hold at the neck', () => {
    // Brisk strokes so that the slow ends of the strokes do not add up to a 3 s hold (1.5 cm window).
    const { verdict, steps } = pass([{ holdS: 1 }, { toCm: 21, durationS: 3 }, { holdS: 0.8 }, { toCm: -14, durationS: 4 }, { holdS: 3.5 }, { toCm: 0, durationS: 2 }]);
    expect(phases(steps)).toEqual(['roll-up', 'hold-top']);
    expect(steps.at(-1)).toBe('roll-up'); // the short hold ended: roll on up, then hold
    expect(verdict).toMatchObject({ ok: false, problem: 'hold-too-short' });
    expect(verdict.message).toMatch(/neck/);
    expect(verdict.message).toMatch(/3 s/);
  });

  // calibration-pass.ts tracks `longestShortHoldS` over every hold of the pass — the initial rest
  // at the start spot, holds on the way down — clamped to holdS, so here the message reports the
  // 5 s lie-still at the start as "the longest hold was 3.0 s" while asking for a 3 s hold at the
  // neck, where the user held ~2 s. See the report.
  it('the "longest hold" in the message is the hold at the neck, not the rest at the start spot', () => {
    const { verdict } = pass([{ holdS: 5 }, { toCm: 21, durationS: 3 }, { holdS: 0.8 }, { toCm: -14, durationS: 4 }, { holdS: 1 }, { toCm: 0, durationS: 2 }]);
    expect(verdict).toMatchObject({ ok: false, problem: 'hold-too-short' });
    const held = Number(/longest hold was ([\d.]+) s/.exec(verdict.message)?.[1]);
    expect(held).toBeGreaterThan(1.5);
    expect(held).toBeLessThan(3);
  });

  it('a hold too short at the bottom → hold-too-short, telling the user to hold at the ribcage', () => {
    const { verdict, steps } = pass([{ holdS: 1 }, { toCm: 21, durationS: 7 }, { holdS: 3.5 }, { toCm: -14, durationS: 4 }, { holdS: 0.8 }, { toCm: 0, durationS: 2 }]);
    expect(phases(steps)).toEqual(['roll-up', 'hold-top', 'roll-down', 'hold-bottom']);
    expect(verdict).toMatchObject({ ok: false, problem: 'hold-too-short' });
    expect(verdict.message).toMatch(/ribcage/);
  });

  it('never went up → not-far-enough-up, with how far it went', () => {
    const { verdict, steps } = pass([{ holdS: 1 }, { toCm: 3, durationS: 3 }, { holdS: 4 }, { toCm: -14, durationS: 8 }, { holdS: 4 }]);
    expect(steps).toEqual(['roll-up']);
    expect(verdict).toMatchObject({ ok: false, problem: 'not-far-enough-up' });
    expect(verdict.message).toContain('3.0 cm');
  });

  it('went up but never down → not-far-enough-down', () => {
    const { verdict } = pass([{ holdS: 1 }, { toCm: 21, durationS: 7 }, { holdS: 3.5 }, { toCm: 0, durationS: 7 }, { holdS: 3.5 }]);
    expect(verdict).toMatchObject({ ok: false, problem: 'not-far-enough-down' });
  });

  it('implausible values are rejected: neck too close, too far; ribcage too close, too far', () => {
    const cases: [Segment[], string][] = [
      [[{ holdS: 1 }, { toCm: 6, durationS: 4 }, { holdS: 3.5 }, { toCm: -14, durationS: 8 }, { holdS: 3.5 }], 'not-far-enough-up'],
      [[{ holdS: 1 }, { toCm: 45, durationS: 12 }, { holdS: 3.5 }, { toCm: -14, durationS: 14 }, { holdS: 3.5 }], 'too-far-up'],
      [[{ holdS: 1 }, { toCm: 21, durationS: 7 }, { holdS: 3.5 }, { toCm: -4, durationS: 8 }, { holdS: 3.5 }], 'not-far-enough-down'],
      [[{ holdS: 1 }, { toCm: 21, durationS: 7 }, { holdS: 3.5 }, { toCm: -40, durationS: 16 }, { holdS: 3.5 }], 'too-far-down'],
    ];
    for (const [segs, problem] of cases) {
      const { verdict } = pass(segs);
      expect(verdict, problem).toMatchObject({ ok: false, problem });
      expect(verdict.message.length).toBeGreaterThan(10);
    }
  });

  it('an empty pass → not-far-enough-up', () => {
    expect(new CalibrationPass().verdict()).toMatchObject({ ok: false, problem: 'not-far-enough-up' });
  });
});
