/**
 * Where the time went along the spine: seconds spent in each 1-inch position bin over a
 * session's track. Each interval between two track points is credited to the bin of the point
 * it starts at; intervals across a gap in the data (longer than `maxStepS`, by default the gap
 * limit of rolling time, or ending on a point the engine bridged without data) are not counted,
 * so a drop-out never piles time onto one spot.
 * Pure.
 */
import { CM_PER_IN } from './motion-settings';
import { MAX_ROLLING_STEP_S } from './rolling-clock';
import { FLAG_GAP_BRIDGED, type TrackColumns } from './track-columns';

export interface DwellHistogram {
  /** Bin width, cm (1 inch). */
  binCm: number;
  /** Lower edge of the first bin, cm from the start spot (+ toward the head). */
  firstBinCm: number;
  /** Seconds per bin, bottom (lower back side) to top (neck side). */
  seconds: number[];
}

export function dwellHistogram(track: Pick<TrackColumns, 'length' | 't' | 'positionCm' | 'flags'>, binCm = CM_PER_IN, maxStepS = MAX_ROLLING_STEP_S): DwellHistogram {
  const n = track.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = track.positionCm[i]!;
    if (!Number.isFinite(p)) continue;
    const b = Math.floor(p / binCm);
    if (b < lo) lo = b;
    if (b > hi) hi = b;
  }
  if (lo > hi) return { binCm, firstBinCm: 0, seconds: [] };
  const seconds = new Array<number>(hi - lo + 1).fill(0);
  for (let i = 1; i < n; i++) {
    const dt = track.t[i]! - track.t[i - 1]!;
    if (!(dt > 0) || dt > maxStepS || (track.flags[i]! & FLAG_GAP_BRIDGED) !== 0) continue;
    const p = track.positionCm[i - 1]!;
    if (!Number.isFinite(p)) continue;
    seconds[Math.floor(p / binCm) - lo]! += dt;
  }
  return { binCm, firstBinCm: lo * binCm, seconds };
}
