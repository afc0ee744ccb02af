/**
 * Scores estimated coaching events against ground truth: per kind, each estimated event is
 * matched to the nearest unmatched true event of the same kind within a tolerance; precision,
 * recall, F1 and the onset latency (estimated − true time) of the matched pairs.
 */
import type { CoachEvent, CoachEventKind } from '../../electron/motion/motion-types';

export const MATCH_TOLERANCE_S = 1.0;

export interface EventScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  latenciesS: number[];
}

export function emptyScore(): EventScore {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, latenciesS: [] };
}

export function scoreEvents(estimated: readonly CoachEvent[], truth: readonly CoachEvent[], kind: CoachEventKind, into: EventScore = emptyScore()): EventScore {
  const est = estimated.filter((e) => e.kind === kind);
  const tru = truth.filter((e) => e.kind === kind);
  const used = new Array<boolean>(tru.length).fill(false);
  for (const e of est) {
    let best = -1;
    let bestD = Infinity;
    tru.forEach((t, j) => {
      const d = Math.abs(e.t - t.t);
      if (!used[j] && d <= MATCH_TOLERANCE_S && d < bestD) {
        best = j;
        bestD = d;
      }
    });
    if (best >= 0) {
      used[best] = true;
      into.truePositives++;
      into.latenciesS.push(e.t - tru[best]!.t);
    } else {
      into.falsePositives++;
    }
  }
  into.falseNegatives += used.filter((u) => !u).length;
  return into;
}

export function precision(s: EventScore): number {
  const d = s.truePositives + s.falsePositives;
  return d === 0 ? 1 : s.truePositives / d;
}

export function recall(s: EventScore): number {
  const d = s.truePositives + s.falseNegatives;
  return d === 0 ? 1 : s.truePositives / d;
}

export function f1(s: EventScore): number {
  const p = precision(s);
  const r = recall(s);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx]!;
}
