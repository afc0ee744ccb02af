/**
 * The session figures: from the whole track at the end (sessionFiguresOf) and point by point
 * while the session runs (SessionFiguresAccumulator, bounded memory) — the same numbers; and
 * the time-budget rule counts exactly the rolling time the figures show.
 */
import { describe, expect, it } from 'vitest';
import { MotionEngine } from '../../../electron/motion/motion-engine';
import { motionSettings } from '../../../electron/motion/motion-settings';
import type { CoachEvent } from '../../../electron/motion/motion-types';
import { MAX_ROLLING_STEP_S, RollingClock } from '../../../electron/motion/rolling-clock';
import { SessionFiguresAccumulator, sessionFiguresOf } from '../../../electron/motion/session-figures';
import { SessionFiguresSchema } from '../../../electron/motion/session-figures-schema';
import { TrackColumns, FLAG_AT_REST, FLAG_GAP_BRIDGED } from '../../../electron/motion/track-columns';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';

const settings = motionSettings({ rollerDiameterIn: 6, neckAboveCm: 21, lumbarBelowCm: 14 });

describe('rolling clock', () => {
  it('counts steps not at rest, not after a gap without data, and at most MAX_ROLLING_STEP_S long', () => {
    const c = new RollingClock();
    expect(c.push(0, false, false)).toBe(0); // the first point has no step
    expect(c.push(0.5, false, false)).toBe(0.5);
    expect(c.push(1, true, false)).toBe(0); // at rest
    expect(c.push(1.25, false, true)).toBe(0); // held through a gap
    expect(c.push(1.25 + MAX_ROLLING_STEP_S + 0.01, false, false)).toBe(0); // too long a step
    expect(c.push(2.5, false, false)).toBeCloseTo(0.24, 12);
    expect(c.push(2.5, false, false)).toBe(0); // time that does not advance
    expect(c.totalS).toBeCloseTo(0.74, 12);
  });
});

describe('session figures', () => {
  it('add up a hand-made track: rolling time, within the limit, distance, zones, extremes, excursions, warnings', () => {
    const track = new TrackColumns();
    // t, position, speed, zone, flags
    const points: [number, number, number, 'upper-back' | 'neck' | 'lumbar', number][] = [
      [0, 0, 0, 'upper-back', FLAG_AT_REST],
      [0.5, 0, 0, 'upper-back', FLAG_AT_REST],
      [1, 2.54, 0.5, 'upper-back', 0],
      [1.5, 25, 2, 'neck', 0],
      [2, -20, 1.5, 'lumbar', 0],
      [2.5, -17, 0.5, 'lumbar', FLAG_GAP_BRIDGED],
    ];
    for (const [t, p, v, z, flags] of points) track.push(t, p, v, z, flags, 1, 0, 0, 0);
    const events: CoachEvent[] = [
      { t: 1.5, kind: 'neck', positionCm: 25, detail: '' },
      { t: 2, kind: 'too-fast', positionCm: -20, detail: '' },
      { t: 2, kind: 'lumbar', positionCm: -20, detail: '' },
      { t: 2.5, kind: 'time-budget', positionCm: -17, detail: '' },
    ];
    const f = sessionFiguresOf(track, events, settings);
    expect(SessionFiguresSchema.parse(f)).toEqual(f);
    expect(f.durationS).toBe(2.5);
    expect(f.rollingS).toBe(1.5); // not the two at-rest steps, not the step onto the bridged point
    expect(f.withinLimitShare).toBeCloseTo(1 / 3, 12);
    expect(f.distanceCm).toBeCloseTo(2.54 + 22.46 + 45 + 3, 12);
    expect(f.zoneTimeS).toEqual({ neck: 0.5, 'upper-back': 1, 'mid-back': 0, lumbar: 1 });
    expect(f.maxSpeedInPerS).toBe(2);
    expect(f.topCm).toBe(25);
    expect(f.bottomCm).toBe(-20);
    expect(f.eventCounts).toMatchObject({ neck: 1, 'too-fast': 1, lumbar: 1, 'time-budget': 1 });
    expect(f.warnings).toBe(3); // the time-budget reminder is not a warning
    expect(f.excursions.neck).toEqual({ count: 1, deepestCm: 4 });
    expect(f.excursions.lumbar).toEqual({ count: 1, deepestCm: 6 });
    expect(f.longestDwellS).toBe(1); // 0 → 2.54 cm fits the 2 in window
  });

  it('accumulated live from the track points equal the figures of the whole track, exactly; the budget rule counts the same rolling time', () => {
    const sim = simulate(builtInScenario('ten-minute-mixed'), { seed: 3, truthRateHz: 0 });
    // Drop-outs: a short gap (bridged) and a long one (held points), so every rule of the clock is used.
    const samples = sim.samples.filter((s) => !(s.tS > 100 && s.tS < 100.3) && !(s.tS > 200 && s.tS < 205));
    const columns = new TrackColumns();
    const live = new SessionFiguresAccumulator(settings);
    const events: CoachEvent[] = [];
    const engine = new MotionEngine(settings, {
      columns,
      track: (p) => live.pushPoint(p),
      event: (e) => {
        events.push(e);
        live.pushEvent(e);
      },
    });
    for (const s of samples) engine.push(s);
    engine.finish();
    expect(live.length).toBe(columns.length);
    expect(live.length).toBeGreaterThan(25_000);
    const whole = sessionFiguresOf(columns, events, settings);
    expect(live.figures()).toEqual(whole);
    expect(engine.sessionRollingS).toBe(whole.rollingS);
    expect(whole.rollingS).toBeGreaterThan(60);
    expect(Object.values(whole.eventCounts).reduce((a, b) => a + b, 0)).toBe(events.length);
  });

  it('fire the time-budget reminder when the rolling time shown reaches the budget', () => {
    const sim = simulate(builtInScenario('ten-minute-mixed'), { seed: 3, truthRateHz: 0 });
    const budgeted = motionSettings({ ...settings, dailyBudgetMin: 1, priorDailyRollingS: 30 });
    const live = new SessionFiguresAccumulator(budgeted);
    let rollingAtBudget: number | null = null;
    const engine = new MotionEngine(budgeted, {
      track: (p) => live.pushPoint(p),
      event: (e) => {
        if (e.kind === 'time-budget') rollingAtBudget = live.rollingS;
      },
    });
    for (const s of sim.samples) engine.push(s);
    engine.finish();
    expect(rollingAtBudget).not.toBeNull();
    // The event comes out after its point reached the track sink: the figure has just crossed the budget.
    expect(30 + rollingAtBudget!).toBeGreaterThanOrEqual(60);
    expect(30 + rollingAtBudget!).toBeLessThan(60 + 1 / settings.trackRateHz + 1e-9);
  });

  it('are complete for an empty or one-point track, without dividing by zero', () => {
    const b = new SessionFiguresAccumulator(settings);
    expect(b.figures()).toMatchObject({
      durationS: 0,
      rollingS: 0,
      withinLimitShare: 1,
      distanceCm: 0,
      warnings: 0,
      excursions: { lumbar: { count: 0, deepestCm: null }, neck: { count: 0, deepestCm: null } },
    });
    b.push(5, 3, 0.2, 'upper-back', false, false);
    expect(b.figures()).toMatchObject({ durationS: 0, rollingS: 0, topCm: 3, bottomCm: 0, maxSpeedInPerS: 0.2 });
  });
});
