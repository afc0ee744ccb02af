/** Helpers that read a truth track the way the coaching rules do (for checking what a scenario contains). */
import type { TruthSeries } from '../../../electron/sim/truth-series';

/** Episodes where the coached speed stays above `limitInPerS` for at least `minS` seconds. */
export function fastEpisodes(track: TruthSeries, limitInPerS = 1, minS = 0.5): { startS: number; endS: number }[] {
  const out: { startS: number; endS: number }[] = [];
  let start: number | null = null;
  for (let i = 0; i <= track.length; i++) {
    const fast = i < track.length && track.speedInPerS[i]! > limitInPerS;
    if (fast && start === null) start = track.trueTimeS[i]!;
    if (!fast && start !== null) {
      const end = track.trueTimeS[i - 1]!;
      if (end - start >= minS) out.push({ startS: start, endS: end });
      start = null;
    }
  }
  return out;
}

/** Longest time the position stays inside a window `widthCm` wide (a 2-inch window: 5.08 cm), s. */
export function longestDwellS(track: TruthSeries, widthCm = 5.08): number {
  let best = 0;
  for (let i = 0; i < track.length; i += 5) {
    let lo = track.positionCm[i]!;
    let hi = lo;
    let j = i + 1;
    for (; j < track.length; j++) {
      const p = track.positionCm[j]!;
      lo = Math.min(lo, p);
      hi = Math.max(hi, p);
      if (hi - lo > widthCm) break;
    }
    best = Math.max(best, track.trueTimeS[j - 1]! - track.trueTimeS[i]!);
  }
  return best;
}

/** Number of separate runs of rows in `zone`. */
export function excursions(track: TruthSeries, zone: string): number {
  let n = 0;
  for (let i = 0; i < track.length; i++) if (track.zone[i] === zone && (i === 0 || track.zone[i - 1] !== zone)) n++;
  return n;
}
