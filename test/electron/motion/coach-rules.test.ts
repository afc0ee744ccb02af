import { describe, it, expect } from 'vitest';
import { CoachRules, type RulePoint } from '../../../electron/motion/coach-rules';
import { motionSettings, type MotionSettingsInput } from '../../../electron/motion/motion-settings';
import { spineMapFor } from '../../../electron/motion/spine-map';
import type { CoachEvent, CoachEventKind } from '../../../electron/motion/motion-types';
import { rulePoint, timesBetween } from './synthetic-roller';

const HZ = 50;

/** Feeds the points in order; checks every event carries the time and position of the point that fired it. */
function run(points: readonly RulePoint[], input: MotionSettingsInput = {}): { events: CoachEvent[]; rules: CoachRules } {
  const settings = motionSettings(input);
  const rules = new CoachRules(settings, spineMapFor(settings));
  const events: CoachEvent[] = [];
  for (const pt of points) {
    const out: CoachEvent[] = [];
    rules.update({ ...pt }, out);
    for (const e of out) {
      expect(e.t).toBe(pt.t);
      expect(e.positionCm).toBe(pt.positionCm);
      expect(e.detail.length).toBeGreaterThan(0);
    }
    events.push(...out);
  }
  return { events, rules };
}

const ofKind = (events: readonly CoachEvent[], kind: CoachEventKind) => events.filter((e) => e.kind === kind);

/** Points at `hz` from `fromS` to `toS` with the speed and position given per time. */
function segment(fromS: number, toS: number, speed: (t: number) => number, position: (t: number) => number = (t) => 5 * Math.sin(t / 2), hz = HZ, extra: Partial<RulePoint> = {}): RulePoint[] {
  return timesBetween(fromS, toS, hz).map((t) => rulePoint(t, position(t), { speedInPerS: speed(t), ...extra }));
}

describe('too-fast: above the limit continuously for ≥ 0.5 s, once per episode', () => {
  it('fires exactly once, at the point 0.5 s after the speed went above 1.0 in/s (50 Hz)', () => {
    const pts = [...segment(0, 1.98, () => 0.5), ...segment(2, 5, () => 1.3)];
    const { events } = run(pts);
    expect(events.map((e) => [e.kind, e.t])).toEqual([['too-fast', 2.5]]);
    expect(events[0]?.positionCm).toBe(5 * Math.sin(2.5 / 2));
  });

  it('does not fire at 0.49 s, fires at 0.50 s (100 Hz)', () => {
    const upTo049 = [...segment(0, 1.99, () => 0, undefined, 100), ...segment(2, 2.49, () => 2, undefined, 100)];
    expect(run(upTo049).events).toEqual([]);
    const upTo050 = [...upTo049, ...segment(2.5, 2.5, () => 2, undefined, 100)];
    expect(run(upTo050).events.map((e) => [e.kind, e.t])).toEqual([['too-fast', 2.5]]);
  });

  it('0.4 s bursts never fire, whether the dips between them are deep or just under the limit', () => {
    for (const dip of [0.2, 0.99]) {
      const speed = (t: number) => (t % 0.5 < 0.4 - 1e-9 ? 1.5 : dip);
      const { events } = run(segment(0, 30, speed));
      expect(ofKind(events, 'too-fast'), `dip ${dip}`).toEqual([]);
    }
  });

  it('a speed exactly at the limit is not above it', () => {
    expect(run(segment(0, 10, () => 1.0)).events).toEqual([]);
  });

  it('one event per episode: hovering between limit − hysteresis and the limit does not end it; dropping below does', () => {
    const pts = [
      ...segment(0, 0.98, () => 0.5),
      ...segment(1, 2.98, () => 1.4), // episode 1: fires at 1.5
      ...segment(3, 3.98, () => 0.97), // below 1.0 but above 0.95: the episode goes on
      ...segment(4, 5.98, () => 1.4), // still episode 1: no second event
      ...segment(6, 6.1, () => 0.9), // below 0.95: the episode ends
      ...segment(6.12, 8, () => 1.4), // episode 2: fires at 6.62
    ];
    const fast = ofKind(run(pts).events, 'too-fast');
    expect(fast.map((e) => e.t)).toEqual([1.5, 6.62]);
  });

  it('the duration does not run across a gap (afterGap)', () => {
    const before = segment(0, 0.3, () => 1.5);
    const afterGap = segment(10, 10.3, () => 1.5);
    afterGap[0]!.afterGap = true;
    // 0.3 s + 0.3 s on either side of the gap: never 0.5 s continuously.
    expect(run([...before, ...afterGap]).events).toEqual([]);
    // Carrying on after the gap fires 0.5 s after the gap, not 0.2 s.
    const longer = segment(10, 11, () => 1.5);
    longer[0]!.afterGap = true;
    expect(ofKind(run([...before, ...longer]).events, 'too-fast').map((e) => e.t)).toEqual([10.5]);
  });

  it('honours the configured limit and minimum duration', () => {
    const pts = segment(0, 5, (t) => (t >= 1 ? 3.5 : 0));
    expect(run(pts, { speedLimitInPerS: 4 }).events).toEqual([]);
    expect(run(pts, { speedLimitInPerS: 3, tooFastMinS: 1 }).events.map((e) => e.t)).toEqual([2]);
  });
});

describe('dwell: nudge at 15 s and limit at 30 s on one spot (a 2-inch window), once each per stay', () => {
  const jitter = (t: number) => 0.8 * Math.sin(7 * t) + 0.5 * Math.sin(1.3 * t);

  it('fires dwell-nudge at 15 s and dwell-limit at 30 s, once each, however long the stay', () => {
    const { events } = run(
      segment(
        0,
        70,
        () => 0,
        (t) => 5 + jitter(t),
      ),
    );
    expect(events.map((e) => [e.kind, e.t])).toEqual([
      ['dwell-nudge', 15],
      ['dwell-limit', 30],
    ]);
  });

  it('is re-armed after moving away: a new stay fires both again, 15 s and 30 s after it began', () => {
    const pts = [
      ...segment(
        0,
        40,
        () => 0,
        (t) => 5 + jitter(t),
      ),
      ...segment(
        40.02,
        80,
        () => 0,
        (t) => -6 + jitter(t),
      ),
    ];
    const { events } = run(pts);
    expect(events.map((e) => e.kind)).toEqual(['dwell-nudge', 'dwell-limit', 'dwell-nudge', 'dwell-limit']);
    // Within one point: 70.02 − 40.02 is 29.999999999999993 in floating point, so the limit
    // may come on the next point (the dwell rule has no epsilon, unlike too-fast).
    const want = [15, 30, 55.02, 70.02];
    events.forEach((e, i) => {
      expect(e.t).toBeGreaterThanOrEqual(want[i]! - 1e-9);
      expect(e.t).toBeLessThanOrEqual(want[i]! + 1 / HZ + 1e-9);
    });
  });

  it('a shift that keeps part of the stay (still ≥ half the nudge time) does not re-arm the nudge', () => {
    const pts = [
      ...segment(
        0,
        10,
        () => 0,
        () => 0,
      ),
      ...segment(
        10.02,
        20,
        () => 0,
        () => 4,
      ), // 0…4 cm fits 5.08 cm: one stay, nudge at 15
      ...segment(
        20.02,
        45,
        () => 0,
        () => 6,
      ), // 6 cm drops the points at 0: the stay shrinks to 10 s, no re-arm
    ];
    const { events } = run(pts);
    // The limit comes 30 s after the stay's first point at 4 cm (10.02 s).
    expect(events.map((e) => [e.kind, e.t])).toEqual([
      ['dwell-nudge', 15],
      ['dwell-limit', 40.02],
    ]);
  });

  it('rolling slowly through (0.5 cm/s: 10 s per window) never nudges', () => {
    expect(
      run(
        segment(
          0,
          60,
          () => 0.2,
          (t) => -10 + 0.5 * t,
        ),
      ).events,
    ).toEqual([]);
  });

  it('honours the configured nudge and limit times', () => {
    const { events } = run(
      segment(
        0,
        70,
        () => 0,
        () => 3,
      ),
      { dwellNudgeS: 10, dwellLimitS: 60 },
    );
    expect(events.map((e) => [e.kind, e.t])).toEqual([
      ['dwell-nudge', 10],
      ['dwell-limit', 60],
    ]);
  });

  // The roller was found where it was left: the stay goes on through the gap.
  it('a stay goes on across a gap at the same spot: 10 s, a 5 s gap, 10 s nudges on the first point after it', () => {
    const before = segment(
      0,
      10,
      () => 0,
      () => 3,
    );
    const after = segment(
      15,
      25,
      () => 0,
      () => 3,
    );
    after[0]!.afterGap = true;
    const { events } = run([...before, ...after]);
    expect(events.map((e) => [e.kind, e.t])).toEqual([['dwell-nudge', 15]]);
  });

  it('a stay ends at a gap after which the roller is somewhere else', () => {
    const before = segment(
      0,
      10,
      () => 0,
      () => 3,
    );
    const after = segment(
      15,
      25,
      () => 0,
      () => 15,
    );
    after[0]!.afterGap = true;
    expect(run([...before, ...after]).events).toEqual([]);
  });
});

describe('lumbar and neck: once per excursion, with hysteresis (N = 21 cm, L = 14 cm at 175 cm)', () => {
  it('neck fires on crossing above +N, not again while hovering within the hysteresis, again after leaving', () => {
    const pts = [
      ...segment(
        0,
        6,
        () => 0.5,
        (t) => 15 + t,
      ), // 15 → 21: exactly +N is not above
      // Hovers across the boundary, 20.05…21.95: never back below N − h = 20 cm.
      ...segment(
        6.02,
        16,
        () => 0.5,
        (t) => 21 + 0.95 * Math.sin(3 * t),
      ),
    ];
    const more = [
      ...segment(
        16.02,
        17,
        () => 0.5,
        () => 19.9,
      ),
      ...segment(
        17.02,
        18,
        () => 0.5,
        () => 21.2,
      ),
    ];
    const { events } = run([...pts, ...more]);
    const neck = ofKind(events, 'neck');
    expect(neck).toHaveLength(2);
    const firstAbove = pts.find((p) => p.positionCm > 21)!;
    expect(neck[0]!.t).toBe(firstAbove.t);
    expect(neck[1]!.t).toBe(17.02);
    expect(neck[1]!.positionCm).toBe(21.2);
    expect(ofKind(events, 'lumbar')).toEqual([]);
  });

  it('exactly at +N and exactly at −L nothing fires', () => {
    expect(
      run([
        ...segment(
          0,
          5,
          () => 0,
          () => 21,
        ),
        ...segment(
          5.02,
          10,
          () => 0,
          () => -14,
        ),
      ]).events.filter((e) => e.kind === 'neck' || e.kind === 'lumbar'),
    ).toEqual([]);
  });

  it('lumbar fires on crossing below −L, once per excursion, with the same hysteresis', () => {
    const hover = segment(
      0,
      10,
      () => 0.5,
      (t) => -14 - 0.95 * Math.sin(2 * t + 0.3),
    );
    const pts = [
      ...segment(
        -2,
        -0.02,
        () => 0,
        () => -5,
      ),
      ...hover,
      ...segment(
        10.02,
        11,
        () => 0.5,
        () => -12.9,
      ),
      ...segment(
        11.02,
        12,
        () => 0.5,
        () => -14.01,
      ),
    ];
    const lumbar = ofKind(run(pts).events, 'lumbar');
    expect(lumbar).toHaveLength(2);
    expect(lumbar[0]!.t).toBe(hover.find((p) => p.positionCm < -14)!.t);
    expect(lumbar[1]!.t).toBe(11.02);
    expect(lumbar[1]!.positionCm).toBe(-14.01);
  });

  it('back inside but not by the hysteresis (−13.5 cm) does not end the excursion', () => {
    const pts = [
      ...segment(
        0,
        1,
        () => 0,
        () => -15,
      ),
      ...segment(
        1.02,
        2,
        () => 0,
        () => -13.5,
      ),
      ...segment(
        2.02,
        3,
        () => 0,
        () => -15,
      ),
    ];
    expect(ofKind(run(pts).events, 'lumbar').map((e) => e.t)).toEqual([0]);
  });

  it('uses a calibrated map and the configured hysteresis', () => {
    const pts = [
      ...segment(
        0,
        1,
        () => 0,
        () => 25.5,
      ),
      ...segment(
        1.02,
        2,
        () => 0,
        () => 23.5,
      ),
      ...segment(
        2.02,
        3,
        () => 0,
        () => 25.5,
      ),
      ...segment(
        3.02,
        4,
        () => 0,
        () => 22.9,
      ),
      ...segment(
        4.02,
        5,
        () => 0,
        () => 25.5,
      ),
    ];
    const neck = ofKind(run(pts, { neckAboveCm: 25, boundaryHysteresisCm: 2 }).events, 'neck');
    expect(neck.map((e) => e.t)).toEqual([0, 4.02]);
  });
});

describe('time-budget: rolling time today reaches the daily budget', () => {
  it('counts this session’s rolling time on top of earlier sessions, and not the rest time', () => {
    const pts = [
      ...segment(0, 20, () => 0.5), // rolling 20 s
      ...segment(
        20.02,
        120,
        () => 0,
        () => 40,
        HZ,
        { atRest: true },
      ), // 100 s lying still
      ...segment(120.02, 200, () => 0.5), // rolling: 10 more seconds reach the budget
    ];
    const { events, rules } = run(pts, { dailyBudgetMin: 1, priorDailyRollingS: 30 });
    const budget = ofKind(events, 'time-budget');
    expect(budget).toHaveLength(1);
    // 30 s earlier + 20 s + 10 s = 60 s at t = 130 (within one point of float summation).
    expect(budget[0]!.t).toBeGreaterThanOrEqual(130 - 1e-9);
    expect(budget[0]!.t).toBeLessThanOrEqual(130.02 + 1e-9);
    expect(rules.sessionRollingS).toBeCloseTo(20 + 80, 6);
  });

  it('gap time is not counted (afterGap)', () => {
    const after = segment(120, 200, () => 0.5);
    after[0]!.afterGap = true;
    const { events, rules } = run([...segment(0, 20, () => 0.5), ...after], { dailyBudgetMin: 1, priorDailyRollingS: 30 });
    const budget = ofKind(events, 'time-budget');
    expect(budget.map((e) => e.t)).toHaveLength(1);
    expect(budget[0]!.t).toBeGreaterThanOrEqual(130 - 1e-9);
    expect(budget[0]!.t).toBeLessThanOrEqual(130.04 + 1e-9);
    expect(rules.sessionRollingS).toBeCloseTo(20 + 80, 6);
  });

  it('defaults to 10 min: 9.5 min earlier today + 30 s now', () => {
    const { events } = run(
      segment(0, 60, () => 0.5),
      { priorDailyRollingS: 570 },
    );
    const budget = ofKind(events, 'time-budget');
    expect(budget).toHaveLength(1);
    expect(budget[0]!.t).toBeGreaterThanOrEqual(30 - 1e-9);
    expect(budget[0]!.t).toBeLessThanOrEqual(30.02 + 1e-9);
  });

  it('fires at most once a day: not again in a session that starts past the budget', () => {
    expect(
      ofKind(
        run(
          segment(0, 100, () => 0.5),
          { priorDailyRollingS: 700 },
        ).events,
        'time-budget',
      ),
    ).toEqual([]);
  });

  it('all-rest sessions never reach the budget', () => {
    const { events, rules } = run(
      segment(
        0,
        700,
        () => 0,
        () => 0,
        10,
        { atRest: true },
      ),
      { dailyBudgetMin: 1 },
    );
    expect(ofKind(events, 'time-budget')).toEqual([]);
    expect(rules.sessionRollingS).toBe(0);
  });
});
