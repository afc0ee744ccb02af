/**
 * Two sessions' comparison as text: main's like-for-like rows (rates per 10 minutes of rolling,
 * shares, with whether each figure means something and better / worse only where main allows it)
 * worded in the user's units, the stored facts around them (length, most time at one spot, how
 * each ended), and in plain words why the two cannot be compared figure by figure. Pure.
 */
import type { CompareAnswer, CompareRowKey, ComparisonLimit, SessionReview } from '../../bridge/contract';
import { formatDurationWords } from '../../common/time-format';
import { formatSpeed, positionText, type Units } from '../../common/units';
import { endReasonView, percentText } from '../history/history-format';
import { hottestBin } from './dwell-heat';

export interface CompareRow {
  key: string;
  label: string;
  values: [string, string];
  /** Whether each value says something (false: shown, but too short a session to mean much). */
  meaningful: [boolean, boolean];
  /** "better" / "worse" for the later session, only where main compared like with like. */
  trend: 'better' | 'worse' | 'same' | null;
}

const LABEL: Record<CompareRowKey, string> = {
  rolling: 'Rolling',
  within: 'Within the speed limit',
  'warnings-rate': 'Warnings per 10 min of rolling',
  'too-fast-rate': 'Too fast, per 10 min',
  'dwell-rate': 'Stayed on one spot, per 10 min',
  'keep-off-rate': 'Lower back or neck, per 10 min',
  'keep-off-share': 'Time in the keep-off zones',
  'max-speed': 'Fastest',
  'longest-stay': 'Longest stay',
  excursions: 'Went past the lower-back or neck line',
};

/** "2.4" per 10 minutes. */
const rateText = (v: number): string => (v === 0 ? '0' : v.toFixed(1));

function valueText(key: CompareRowKey, v: number | null, r: SessionReview, units: Units): string {
  if (v === null) return '–';
  switch (key) {
    case 'rolling':
    case 'longest-stay':
      return formatDurationWords(v);
    case 'within':
      return `${percentText(v)} (limit ${speedText(r.settings.speedLimitInPerS, units)})`;
    case 'keep-off-share':
      return percentText(v);
    case 'max-speed':
      return speedText(v, units);
    case 'excursions':
      return String(v);
    default:
      return rateText(v);
  }
}

/** The rows of the comparison table, earlier session first. */
export function compareRows(answer: CompareAnswer, units: Units): CompareRow[] {
  const [a, b] = answer.sessions;
  const stored = (key: string, label: string, text: (r: SessionReview) => string): CompareRow => ({ key, label, values: [text(a), text(b)], meaningful: [true, true], trend: null });
  const rows: CompareRow[] = [stored('length', 'Length', (r) => dur(r.session.summary?.durationS))];
  for (const row of answer.comparison.rows) {
    rows.push({
      key: row.key,
      label: LABEL[row.key],
      values: [valueText(row.key, row.values[0], a, units), valueText(row.key, row.values[1], b, units)],
      meaningful: row.meaningful,
      trend: row.trend,
    });
  }
  rows.push(
    stored('most-time', 'Most time at one spot', (r) => {
      const h = hottestBin(r.dwell);
      return h ? `${dur(h.seconds)} at ${positionText((h.fromCm + h.toCm) / 2, units)}` : '–';
    }),
    stored('ended', 'Ended', (r) => endReasonView(r.session.endReason).text),
  );
  return rows;
}

const WHO = { earlier: 'The earlier session', later: 'The later session' } as const;

/** Why the two sessions cannot be compared figure by figure, one sentence per reason. */
export function limitTexts(answer: CompareAnswer): string[] {
  const minText = formatDurationWords(answer.comparison.minRollingS);
  const byWhich = (which: ComparisonLimit['which']) => answer.sessions[which === 'earlier' ? 0 : 1];
  return answer.comparison.limits.map((l) => {
    switch (l.kind) {
      case 'too-short':
        return `${WHO[l.which]} rolled only ${dur(byWhich(l.which).session.summary?.rollingS)}, under the ${minText} needed: its rates and shares say too little to compare.`;
      case 'stopped-for-pain':
        return `${WHO[l.which]} was stopped for pain, so no figure here makes it better or worse. Mention it to your doctor or physiotherapist.`;
      case 'no-figures':
        return `${WHO[l.which]} has no figures: nothing of it was stored.`;
    }
  });
}

/** The labels of the rows that mean something for both sessions (what can still be read side by side). */
export function stillMeaningful(rows: readonly CompareRow[]): string[] {
  return rows.filter((r) => r.meaningful[0] && r.meaningful[1] && r.values[0] !== '–' && r.values[1] !== '–').map((r) => r.label);
}

const dur = (s: number | undefined) => (s === undefined ? '–' : formatDurationWords(s));
function speedText(v: number, units: Units): string {
  const q = formatSpeed(v, units);
  return `${q.value} ${q.unit}`;
}
