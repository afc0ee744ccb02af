/**
 * Pure helpers for the session review: over-limit stretches, zone bands, the track sample nearest
 * a time, the x window around an event, what the engine saw there. (The session's figures come
 * from main as stored; nothing here adds them up again.)
 */
import type { SessionReview } from '../../bridge/contract';

export type ReviewTrack = SessionReview['track'];

export interface Stretch {
  /** Seconds from the session start. */
  start: number;
  end: number;
  /** Highest |speed| inside the stretch (in/s). */
  peak: number;
}

/**
 * Runs of samples where |speed| is above `limit`. Each run reaches half-way to its neighbouring
 * samples (so a single fast sample still shows); runs closer than `mergeGapS` are joined.
 */
export function overLimitStretches(t: readonly number[], speed: readonly number[], limit: number, mergeGapS = 0): Stretch[] {
  const n = Math.min(t.length, speed.length);
  const out: Stretch[] = [];
  let i = 0;
  while (i < n) {
    if (!(Math.abs(speed[i] ?? 0) > limit)) {
      i++;
      continue;
    }
    let j = i;
    let peak = Math.abs(speed[i] ?? 0);
    while (j + 1 < n && Math.abs(speed[j + 1] ?? 0) > limit) {
      j++;
      peak = Math.max(peak, Math.abs(speed[j] ?? 0));
    }
    const ti = t[i] ?? 0;
    const tj = t[j] ?? 0;
    const start = i > 0 ? (ti + (t[i - 1] ?? ti)) / 2 : ti;
    const end = j + 1 < n ? (tj + (t[j + 1] ?? tj)) / 2 : tj;
    const last = out[out.length - 1];
    if (last && start - last.end <= mergeGapS) {
      last.end = end;
      last.peak = Math.max(last.peak, peak);
    } else {
      out.push({ start, end, peak });
    }
    i = j + 1;
  }
  return out;
}

export interface ZoneBandSpec {
  zone: 'neck' | 'lumbar';
  label: string;
  /** Position range in cm (+ toward the head). */
  yMin: number;
  yMax: number;
}

/** The keep-off zones as position bands: neck above +N, lower back below −L, within [bottom, top]. */
export function zoneBands(neckAboveCm: number, lumbarBelowCm: number, bottomCm: number, topCm: number): ZoneBandSpec[] {
  const bands: ZoneBandSpec[] = [];
  const n = Math.abs(neckAboveCm);
  const l = -Math.abs(lumbarBelowCm);
  if (topCm > n) bands.push({ zone: 'neck', label: 'Neck — keep off', yMin: n, yMax: topCm });
  if (bottomCm < l) bands.push({ zone: 'lumbar', label: 'Lower back — keep off', yMin: bottomCm, yMax: l });
  return bands;
}

/** The position axis range: the track and both boundaries, with a margin. */
export function positionRange(positions: readonly number[], neckAboveCm: number, lumbarBelowCm: number, marginCm = 8): { min: number; max: number } {
  let min = -Math.abs(lumbarBelowCm);
  let max = Math.abs(neckAboveCm);
  for (const p of positions) {
    if (!Number.isFinite(p)) continue;
    if (p < min) min = p;
    if (p > max) max = p;
  }
  return { min: min - marginCm, max: max + marginCm };
}

/** Index of the sample nearest `time` in ascending `t` (binary search); -1 for an empty track. */
export function nearestIndex(t: readonly number[], time: number): number {
  const n = t.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  if (time <= (t[0] ?? 0)) return 0;
  if (time >= (t[hi] ?? 0)) return hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((t[mid] ?? 0) <= time) lo = mid;
    else hi = mid;
  }
  return time - (t[lo] ?? 0) <= (t[hi] ?? 0) - time ? lo : hi;
}

/**
 * The x window centred on `time` (± `halfS`), shifted to stay inside [tMin, tMax] when the track is
 * longer than the window; the whole track when it is shorter.
 */
export function eventWindow(time: number, tMin: number, tMax: number, halfS = 30): { min: number; max: number } {
  const width = 2 * halfS;
  if (!(tMax - tMin > width)) return { min: tMin, max: Math.max(tMax, tMin) };
  let min = time - halfS;
  let max = time + halfS;
  if (min < tMin) {
    min = tMin;
    max = tMin + width;
  } else if (max > tMax) {
    max = tMax;
    min = tMax - width;
  }
  return { min, max };
}

export interface EngineView {
  index: number;
  t: number;
  positionCm: number;
  speedInPerS: number;
  zone: string;
  atRest: boolean;
  gapBridged: boolean;
  accelRejected: boolean;
  axisConfidence: number;
}

/** What the engine saw at the sample nearest `time`, or null for an empty track. */
export function engineViewAt(track: ReviewTrack, time: number): EngineView | null {
  const i = nearestIndex(track.t, time);
  if (i < 0) return null;
  return {
    index: i,
    t: track.t[i] ?? time,
    positionCm: track.positionCm[i] ?? Number.NaN,
    speedInPerS: track.speedInPerS[i] ?? Number.NaN,
    zone: track.zone[i] ?? 'unknown',
    atRest: track.atRest[i] ?? false,
    gapBridged: track.gapBridged[i] ?? false,
    accelRejected: track.accelRejected[i] ?? false,
    axisConfidence: track.axisConfidence[i] ?? Number.NaN,
  };
}

/** Columns to {x, y} points (the shorter column decides), y through `map`. */
export function toPoints(xs: readonly number[], ys: readonly number[], map: (y: number) => number = (y) => y): { x: number; y: number }[] {
  const n = Math.min(xs.length, ys.length);
  const out = new Array<{ x: number; y: number }>(n);
  for (let i = 0; i < n; i++) out[i] = { x: xs[i] ?? 0, y: map(ys[i] ?? 0) };
  return out;
}

/** Seconds from the start as "m:ss" for axis ticks and the event list. */
export function tickTime(s: number): string {
  const total = Number.isFinite(s) ? Math.max(0, Math.round(s)) : 0;
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
