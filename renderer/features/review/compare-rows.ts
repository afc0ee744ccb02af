/**
 * The facts of two sessions side by side, as rows of text for the comparison table, with the
 * change from the earlier to the later session where a number can say it. Pure.
 */
import type { SessionReview } from '../../bridge/contract';
import { formatDurationWords } from '../../common/time-format';
import { formatSpeed, positionText, type Units } from '../../common/units';
import { endReasonView, percentText, sessionWarnings, startTimeText } from '../history/history-format';
import { hottestBin } from './dwell-heat';

export interface CompareRow {
  key: string;
  label: string;
  values: [string, string];
  /** "better" / "worse" for the later session where the row has a direction, else null. */
  trend: 'better' | 'worse' | 'same' | null;
}

type Fact = { label: string; key: string; text: (r: SessionReview) => string; num?: (r: SessionReview) => number | null; better?: 'higher' | 'lower' };

export function compareRows(a: SessionReview, b: SessionReview, units: Units): CompareRow[] {
  const facts: Fact[] = [
    { key: 'when', label: 'When', text: (r) => `${r.session.day} ${startTimeText(r.session.startedAt)}` },
    { key: 'length', label: 'Length', text: (r) => dur(r.session.summary?.durationS) },
    { key: 'rolling', label: 'Rolling', text: (r) => dur(r.session.summary?.rollingS) },
    {
      key: 'within',
      label: 'Within the speed limit',
      text: (r) => `${percentText(r.session.summary?.withinLimitShare)} (limit ${speedText(r.settings.speedLimitInPerS, units)})`,
      num: (r) => r.session.summary?.withinLimitShare ?? null,
      better: 'higher',
    },
    {
      key: 'max-speed',
      label: 'Fastest',
      text: (r) => (r.session.summary ? speedText(r.session.summary.maxSpeedInPerS, units) : '–'),
      num: (r) => r.session.summary?.maxSpeedInPerS ?? null,
      better: 'lower',
    },
    { key: 'longest', label: 'Longest stay', text: (r) => dur(r.session.summary?.longestDwellS), num: (r) => r.session.summary?.longestDwellS ?? null, better: 'lower' },
    {
      key: 'most-time',
      label: 'Most time at one spot',
      text: (r) => {
        const h = hottestBin(r.dwell);
        return h ? `${dur(h.seconds)} at ${positionText((h.fromCm + h.toCm) / 2, units)}` : '–';
      },
    },
    { key: 'warnings', label: 'Warnings', text: (r) => (r.session.summary ? String(sessionWarnings(r.session)) : '–'), num: (r) => r.session.summary?.warnings ?? null, better: 'lower' },
    { key: 'too-fast', label: 'Too fast', text: (r) => countText(r, 'too-fast'), num: (r) => count(r, 'too-fast'), better: 'lower' },
    { key: 'lumbar', label: 'Lower back', text: (r) => countText(r, 'lumbar'), num: (r) => count(r, 'lumbar'), better: 'lower' },
    { key: 'neck', label: 'Neck', text: (r) => countText(r, 'neck'), num: (r) => count(r, 'neck'), better: 'lower' },
    { key: 'ended', label: 'Ended', text: (r) => endReasonView(r.session.endReason).text },
  ];
  return facts.map((f) => ({ key: f.key, label: f.label, values: [f.text(a), f.text(b)], trend: trend(f, a, b) }));
}

function trend(f: Fact, a: SessionReview, b: SessionReview): CompareRow['trend'] {
  if (!f.num || !f.better) return null;
  const x = f.num(a);
  const y = f.num(b);
  if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (Math.abs(y - x) < 1e-9 * Math.max(1, Math.abs(x))) return 'same';
  return y > x === (f.better === 'higher') ? 'better' : 'worse';
}

type Kind = keyof NonNullable<SessionReview['session']['summary']>['eventCounts'];
/** Events of a kind as main stored them with the session (null without figures). */
const count = (r: SessionReview, kind: Kind): number | null => r.session.summary?.eventCounts[kind] ?? null;
const countText = (r: SessionReview, kind: Kind): string => String(count(r, kind) ?? '–');
const dur = (s: number | undefined) => (s === undefined ? '–' : formatDurationWords(s));
function speedText(v: number, units: Units): string {
  const q = formatSpeed(v, units);
  return `${q.value} ${q.unit}`;
}
