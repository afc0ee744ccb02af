/**
 * The stored track is the engine's track thinned to a fixed rate: 25 Hz by default, plenty
 * for review charts (the engine makes 50 Hz) at half the bytes. The last point of a session
 * is always kept, so the stored track covers the whole recording. Pure.
 */
import { TrackColumns } from '../motion/track-columns';

export const STORED_TRACK_RATE_HZ = 25;

export class TrackDecimator {
  private readonly minStepS: number;
  private lastKeptT = -Infinity;

  constructor(rateHz: number = STORED_TRACK_RATE_HZ) {
    // A little slack so points at exactly the target period are not dropped by rounding.
    this.minStepS = (1 / rateHz) * 0.98;
  }

  /** True when the point at time `t` is to be stored. */
  keep(t: number): boolean {
    if (t - this.lastKeptT < this.minStepS) return false;
    this.lastKeptT = t;
    return true;
  }
}

export function decimateTrack(track: TrackColumns, rateHz: number = STORED_TRACK_RATE_HZ): TrackColumns {
  const out = new TrackColumns();
  const d = new TrackDecimator(rateHz);
  const n = track.length;
  for (let i = 0; i < n; i++) {
    if (d.keep(track.t[i]!) || i === n - 1) copyPoint(track, i, out);
  }
  return out;
}

export function copyPoint(from: TrackColumns, i: number, to: TrackColumns): void {
  const p = from.pointAt(i);
  const b = p.diagnostics.biasDps;
  to.push(p.t, p.positionCm, p.speedInPerS, p.zone, from.flags[i]!, p.diagnostics.axisConfidence, b[0], b[1], b[2]);
}
