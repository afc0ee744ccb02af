/**
 * Two sessions compared like with like: per 10 minutes of rolling and as shares instead of raw
 * counts, and plainly not compared when they are too different — a session with under a minute
 * of rolling says little about rates, and one stopped for pain is never "better" on any figure.
 * Pure: the stored figures of both sessions in, the comparable figures and the rules' verdict out
 * (the schema is what the IPC contract sends; the renderer only words it).
 */
import { z } from 'zod';
import { perTenMinutesOfRolling } from '../motion/figure-rates';
import type { SessionFigures } from '../motion/session-figures-schema';

/** Rolling below this makes a session too short for rates and shares to mean much, s. */
export const MIN_COMPARABLE_ROLLING_S = 60;

export const COMPARE_ROW_KEYS = ['rolling', 'within', 'warnings-rate', 'too-fast-rate', 'dwell-rate', 'keep-off-rate', 'keep-off-share', 'max-speed', 'longest-stay', 'excursions'] as const;
export type CompareRowKey = (typeof COMPARE_ROW_KEYS)[number];

const num = z.number().refine(Number.isFinite, 'must be a finite number');
const TrendSchema = z.enum(['better', 'worse', 'same']).nullable();
const WhichSchema = z.enum(['earlier', 'later']);

export const ComparisonLimitSchema = z.object({
  /** `too-short`: under `minRollingS` of rolling; `stopped-for-pain`; `no-figures`: nothing was stored. */
  kind: z.enum(['too-short', 'stopped-for-pain', 'no-figures']),
  which: WhichSchema,
});

export const SessionComparisonSchema = z.object({
  /** Session ids, the earlier first. */
  ids: z.tuple([z.number().int(), z.number().int()]),
  minRollingS: num,
  /** True when no limit applies: every row may say better or worse. */
  comparable: z.boolean(),
  limits: z.array(ComparisonLimitSchema),
  rows: z.array(
    z.object({
      key: z.enum(COMPARE_ROW_KEYS),
      /** The figure of each session (null: not available), in the contract's units (s, in/s, 0…1, per 10 min). */
      values: z.tuple([num.nullable(), num.nullable()]),
      /** Whether each session's value says something (a rate over a few seconds does not). */
      meaningful: z.tuple([z.boolean(), z.boolean()]),
      /** The later session against the earlier, only when both are comparable and the row has a direction. */
      trend: TrendSchema,
    }),
  ),
});

export type SessionComparison = z.output<typeof SessionComparisonSchema>;
export type ComparisonLimit = z.output<typeof ComparisonLimitSchema>;

/** What the comparison needs of a stored session. */
export interface ComparedSession {
  id: number;
  /** ms since 1970 (orders the two). */
  startedAtMs: number;
  endReason: string | null;
  summary: SessionFigures | null;
}

type Row = SessionComparison['rows'][number];

interface RowRule {
  key: CompareRowKey;
  value(f: SessionFigures): number | null;
  /** Needs at least the minimum rolling time to mean anything. */
  needsLength: boolean;
  better: 'higher' | 'lower' | null;
}

const RULES: RowRule[] = [
  { key: 'rolling', value: (f) => f.rollingS, needsLength: false, better: null },
  { key: 'within', value: (f) => (f.rollingS > 0 ? f.withinLimitShare : null), needsLength: true, better: 'higher' },
  { key: 'warnings-rate', value: (f) => perTenMinutesOfRolling(f.warnings, f.rollingS), needsLength: true, better: 'lower' },
  { key: 'too-fast-rate', value: (f) => perTenMinutesOfRolling(f.eventCounts['too-fast'], f.rollingS), needsLength: true, better: 'lower' },
  { key: 'dwell-rate', value: (f) => perTenMinutesOfRolling(f.eventCounts['dwell-nudge'] + f.eventCounts['dwell-limit'], f.rollingS), needsLength: true, better: 'lower' },
  { key: 'keep-off-rate', value: (f) => perTenMinutesOfRolling(f.eventCounts.lumbar + f.eventCounts.neck, f.rollingS), needsLength: true, better: 'lower' },
  { key: 'keep-off-share', value: keepOffShare, needsLength: true, better: 'lower' },
  // A peak and a crossing are true however short the session.
  { key: 'max-speed', value: (f) => (f.rollingS > 0 ? f.maxSpeedInPerS : null), needsLength: false, better: 'lower' },
  { key: 'longest-stay', value: (f) => f.longestDwellS, needsLength: true, better: 'lower' },
  { key: 'excursions', value: (f) => f.excursions.lumbar.count + f.excursions.neck.count, needsLength: false, better: 'lower' },
];

/** Share of the session's time spent in the neck and lower-back zones; null without time. */
function keepOffShare(f: SessionFigures): number | null {
  const z = f.zoneTimeS;
  const total = z.neck + z['upper-back'] + z['mid-back'] + z.lumbar;
  return total > 0 ? (z.neck + z.lumbar) / total : null;
}

/** The comparison of two sessions, the earlier (by start) first whatever order they come in. */
export function compareSessions(x: ComparedSession, y: ComparedSession): SessionComparison {
  const pair = x.startedAtMs <= y.startedAtMs ? [x, y] : [y, x];
  const [a, b] = pair as [ComparedSession, ComparedSession];
  const limits: ComparisonLimit[] = [];
  const tooShort = pair.map((s) => s.summary !== null && s.summary.rollingS < MIN_COMPARABLE_ROLLING_S);
  pair.forEach((s, i) => {
    const which = i === 0 ? 'earlier' : 'later';
    if (s.summary === null) limits.push({ kind: 'no-figures', which });
    else if (tooShort[i]) limits.push({ kind: 'too-short', which });
  });
  pair.forEach((s, i) => {
    if (s.endReason === 'stopped: pain') limits.push({ kind: 'stopped-for-pain', which: i === 0 ? 'earlier' : 'later' });
  });
  const comparable = limits.length === 0;
  const rows = RULES.map((rule): Row => {
    const values = pair.map((s) => (s.summary ? finiteOrNull(rule.value(s.summary)) : null)) as [number | null, number | null];
    const meaningful = pair.map((_, i) => values[i] !== null && !(rule.needsLength && tooShort[i])) as [boolean, boolean];
    return { key: rule.key, values, meaningful, trend: comparable && meaningful[0] && meaningful[1] ? trendOf(values[0]!, values[1]!, rule.better) : null };
  });
  return { ids: [a.id, b.id], minRollingS: MIN_COMPARABLE_ROLLING_S, comparable, limits, rows };
}

function finiteOrNull(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}

function trendOf(earlier: number, later: number, better: RowRule['better']): Row['trend'] {
  if (better === null) return null;
  if (Math.abs(later - earlier) <= 1e-9 * Math.max(1, Math.abs(earlier))) return 'same';
  return later > earlier === (better === 'higher') ? 'better' : 'worse';
}
