import { describe, expect, it } from 'vitest';
import type { SessionFigures } from '../../../electron/motion/session-figures-schema';
import { perTenMinutesOfRolling } from '../../../electron/motion/figure-rates';
import { compareSessions, MIN_COMPARABLE_ROLLING_S, SessionComparisonSchema, type ComparedSession, type CompareRowKey } from '../../../electron/session/session-comparison';

function figures(
  rollingS: number,
  o: { within?: number; fast?: number; nudge?: number; lumbar?: number; neck?: number; maxSpeed?: number; longest?: number; lumbarTimeS?: number } = {},
): SessionFigures {
  const fast = o.fast ?? 0;
  const nudge = o.nudge ?? 0;
  const lumbar = o.lumbar ?? 0;
  const neck = o.neck ?? 0;
  return {
    durationS: rollingS + 10,
    rollingS,
    distanceCm: 100,
    maxSpeedInPerS: o.maxSpeed ?? 1.5,
    withinLimitShare: o.within ?? 1,
    longestDwellS: o.longest ?? 5,
    zoneTimeS: { neck: 0, 'upper-back': rollingS / 2, 'mid-back': rollingS / 2 + 10 - (o.lumbarTimeS ?? 0), lumbar: o.lumbarTimeS ?? 0 },
    eventCounts: { 'too-fast': fast, 'dwell-nudge': nudge, 'dwell-limit': 0, lumbar, neck, 'time-budget': 1 },
    warnings: fast + nudge + lumbar + neck,
    excursions: { lumbar: { count: lumbar, deepestCm: lumbar ? 3 : null }, neck: { count: neck, deepestCm: neck ? 1 : null } },
    topCm: 10,
    bottomCm: -10,
  };
}

const session = (id: number, startedAtMs: number, summary: SessionFigures | null, endReason = 'completed'): ComparedSession => ({ id, startedAtMs, endReason, summary });
const row = (c: ReturnType<typeof compareSessions>, key: CompareRowKey) => c.rows.find((r) => r.key === key)!;

describe('rates per 10 minutes of rolling', () => {
  it('scales a count to 10 minutes, and has none without rolling', () => {
    expect(perTenMinutesOfRolling(3, 300)).toBeCloseTo(6);
    expect(perTenMinutesOfRolling(0, 120)).toBe(0);
    expect(perTenMinutesOfRolling(2, 0)).toBeNull();
    expect(perTenMinutesOfRolling(2, Number.NaN)).toBeNull();
  });
});

describe('comparing two sessions like with like', () => {
  it('two full sessions: rates and shares per session, better or worse on each row with a direction', () => {
    // Earlier: 4 min, 4 too-fast (10 per 10 min). Later: 10 min, 5 too-fast (5 per 10 min) — more warnings, but fewer per minute.
    const c = compareSessions(session(8, 2000, figures(600, { fast: 5, within: 0.9, lumbarTimeS: 30 })), session(3, 1000, figures(240, { fast: 4, within: 0.8 })));
    expect(SessionComparisonSchema.parse(c)).toEqual(c);
    expect(c.ids).toEqual([3, 8]);
    expect(c.comparable).toBe(true);
    expect(c.limits).toEqual([]);
    expect(row(c, 'warnings-rate').values[0]).toBeCloseTo(10);
    expect(row(c, 'warnings-rate').values[1]).toBeCloseTo(5);
    expect(row(c, 'warnings-rate').trend).toBe('better');
    expect(row(c, 'too-fast-rate').trend).toBe('better');
    expect(row(c, 'within').trend).toBe('better');
    expect(row(c, 'keep-off-share').values[1]).toBeCloseTo(30 / 610);
    expect(row(c, 'keep-off-share').trend).toBe('worse');
    expect(row(c, 'dwell-rate').trend).toBe('same');
    expect(row(c, 'rolling').trend).toBeNull(); // more rolling is not better
    expect(c.rows.every((r) => r.meaningful[0] && r.meaningful[1])).toBe(true);
  });

  it('a 6-second session stopped for pain is better on nothing against a completed 4-minute one', () => {
    const full = session(1, 1000, figures(240, { fast: 6, nudge: 2, within: 0.7, maxSpeed: 2.5, longest: 20 }));
    const short = session(2, 2000, figures(6, { within: 1, maxSpeed: 0.4, longest: 3 }), 'stopped: pain');
    const c = compareSessions(full, short);
    expect(c.comparable).toBe(false);
    expect(c.limits).toEqual([
      { kind: 'too-short', which: 'later' },
      { kind: 'stopped-for-pain', which: 'later' },
    ]);
    expect(c.rows.every((r) => r.trend === null)).toBe(true);
    // Rates and shares of 6 s say nothing; the peak speed and crossings still do.
    for (const key of ['within', 'warnings-rate', 'too-fast-rate', 'dwell-rate', 'keep-off-rate', 'keep-off-share', 'longest-stay'] as const)
      expect(row(c, key).meaningful, key).toEqual([true, false]);
    for (const key of ['rolling', 'max-speed', 'excursions'] as const) expect(row(c, key).meaningful, key).toEqual([true, true]);
  });

  it('stopped for pain with enough rolling: figures stay meaningful but none is called better', () => {
    const c = compareSessions(session(1, 1000, figures(300, { fast: 4 })), session(2, 2000, figures(300, { fast: 1 }), 'stopped: pain'));
    expect(c.limits).toEqual([{ kind: 'stopped-for-pain', which: 'later' }]);
    expect(row(c, 'warnings-rate').meaningful).toEqual([true, true]);
    expect(c.rows.every((r) => r.trend === null)).toBe(true);
  });

  it('exactly the minimum rolling time is enough; a session without figures has nothing to compare', () => {
    const atMin = compareSessions(session(1, 1, figures(MIN_COMPARABLE_ROLLING_S)), session(2, 2, figures(300)));
    expect(atMin.comparable).toBe(true);
    const none = compareSessions(session(1, 1, null, 'interrupted'), session(2, 2, figures(300)));
    expect(none.limits).toEqual([{ kind: 'no-figures', which: 'earlier' }]);
    expect(none.rows.every((r) => r.values[0] === null && !r.meaningful[0] && r.trend === null)).toBe(true);
  });

  it('a session with no rolling at all has no rates, no share and no peak speed', () => {
    const c = compareSessions(session(1, 1, figures(0)), session(2, 2, figures(300)));
    expect(row(c, 'warnings-rate').values[0]).toBeNull();
    expect(row(c, 'within').values[0]).toBeNull();
    expect(row(c, 'max-speed').values[0]).toBeNull();
    expect(row(c, 'rolling').values[0]).toBe(0);
  });
});
