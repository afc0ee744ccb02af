/**
 * Synthetic timelines for the motion engine tests: a rigid roller turning about a fixed axis in
 * the sensor frame, with position profiles built from holds and minimum-jerk strokes, and the
 * IMU readings such a roller would give (seeded noise, constant gyro bias, optional lost samples).
 *
 * Conventions (docs/architecture.md#conventions-of-the-estimate):
 * - position p (cm, positive toward the head) = θ × radius, θ the rotation about the roller axis;
 * - gyro (°/s) = θ̇·axis + bias (+ noise): the sensor turns by +θ about `axis`;
 * - specific force (g) = "up" in the sensor frame = Rot(axis, −θ)·up0 (reads +1 g up at rest).
 */
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import type { TrackPoint } from '../../../electron/motion/motion-types';
import type { RulePoint } from '../../../electron/motion/coach-rules';
import type { StepInput } from '../../../electron/motion/step-input';
import { zoneAt, spineMapFromHeight, type SpineMap } from '../../../electron/motion/spine-map';
import { seededRandom } from '../../support/seeded-random';

export type Vec3 = [number, number, number];

export const DEG = Math.PI / 180;
/** Radius of the usual 6 in roller, cm. */
export const RADIUS_6IN_CM = 3 * 2.54;

export { seededRandom };

// ---------------------------------------------------------------- vectors

export function dot(a: Readonly<Vec3>, b: Readonly<Vec3>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a: Readonly<Vec3>, b: Readonly<Vec3>): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function norm(a: Readonly<Vec3>): number {
  return Math.hypot(a[0], a[1], a[2]);
}

export function normalize(a: Readonly<Vec3>): Vec3 {
  const n = norm(a);
  return [a[0] / n, a[1] / n, a[2] / n];
}

export function scale(a: Readonly<Vec3>, k: number): Vec3 {
  return [a[0] * k, a[1] * k, a[2] * k];
}

export function add(a: Readonly<Vec3>, b: Readonly<Vec3>): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

/** Angle between two directions, degrees. */
export function angleDeg(a: Readonly<Vec3>, b: Readonly<Vec3>): number {
  return Math.atan2(norm(cross(a, b)), dot(a, b)) / DEG;
}

/** Rodrigues: v rotated by `angleRad` about the unit axis `a` (right-handed). */
export function rotate(a: Readonly<Vec3>, angleRad: number, v: Readonly<Vec3>): Vec3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  const axv = cross(a, v);
  const d = dot(a, v) * (1 - c);
  return [v[0] * c + axv[0] * s + a[0] * d, v[1] * c + axv[1] * s + a[1] * d, v[2] * c + axv[2] * s + a[2] * d];
}

/** Standard normal deviate (Box–Muller) from a uniform source. */
export function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-300);
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function randomUnit(rand: () => number): Vec3 {
  for (;;) {
    const v: Vec3 = [gaussian(rand), gaussian(rand), gaussian(rand)];
    const n = norm(v);
    if (n > 1e-3) return scale(v, 1 / n);
  }
}

/** A random unit vector perpendicular to the unit vector `a`. */
export function randomPerpendicular(a: Readonly<Vec3>, rand: () => number): Vec3 {
  for (;;) {
    const v = randomUnit(rand);
    const p: Vec3 = add(v, scale(a, -dot(a, v)));
    if (norm(p) > 0.1) return normalize(p);
  }
}

// ---------------------------------------------------------------- position profiles

/** One piece of a position profile: hold still, or a minimum-jerk stroke to `toCm`. */
export type Segment = { holdS: number } | { toCm: number; durationS: number };

export interface Profile {
  /** Position, cm. */
  p(t: number): number;
  /** Velocity, cm/s. */
  v(t: number): number;
  durationS: number;
}

/** Minimum-jerk shape: s(τ) = 10τ³ − 15τ⁴ + 6τ⁵ and its derivative, τ ∈ [0, 1]. */
export function minJerk(tau: number): { s: number; ds: number } {
  const u = Math.min(1, Math.max(0, tau));
  return { s: u * u * u * (10 - 15 * u + 6 * u * u), ds: 30 * u * u * (1 - u) * (1 - u) };
}

/** A profile from segments, starting at position 0 at t = 0. */
export function profile(segments: readonly Segment[]): Profile {
  interface Piece {
    t0: number;
    t1: number;
    from: number;
    to: number;
  }
  const pieces: Piece[] = [];
  let t = 0;
  let at = 0;
  for (const seg of segments) {
    if ('holdS' in seg) {
      pieces.push({ t0: t, t1: t + seg.holdS, from: at, to: at });
      t += seg.holdS;
    } else {
      pieces.push({ t0: t, t1: t + seg.durationS, from: at, to: seg.toCm });
      t += seg.durationS;
      at = seg.toCm;
    }
  }
  const find = (x: number): Piece | undefined => pieces.find((pc) => x < pc.t1) ?? pieces[pieces.length - 1];
  return {
    durationS: t,
    p(x) {
      const pc = find(x);
      if (!pc) return 0;
      const T = pc.t1 - pc.t0;
      return T > 0 ? pc.from + (pc.to - pc.from) * minJerk((x - pc.t0) / T).s : pc.to;
    },
    v(x) {
      const pc = find(x);
      if (!pc || x >= pc.t1) return 0;
      const T = pc.t1 - pc.t0;
      return T > 0 ? ((pc.to - pc.from) * minJerk((x - pc.t0) / T).ds) / T : 0;
    },
  };
}

// ---------------------------------------------------------------- the roller's IMU

export interface RollerOptions {
  profile: Profile;
  /** Roller axis in the sensor frame (unit). */
  axis: Vec3;
  /** "Up" in the sensor frame at the start spot (unit, perpendicular to the axis: the axis lies flat). */
  up0: Vec3;
  radiusCm?: number;
  rateHz?: number;
  biasDps?: Vec3;
  gyroNoiseDps?: number;
  accelNoiseG?: number;
  seed?: number;
  /** Samples for which this returns true are lost (not emitted). */
  drop?: (t: number) => boolean;
}

export interface RollerTimeline {
  samples: ImuSample[];
  /** True position at time t, cm. */
  truthCm(t: number): number;
}

/** Sample times k / rateHz for k = 0 … ⌊duration·rate⌋. */
export function sampleTimes(durationS: number, rateHz: number): number[] {
  const n = Math.floor(durationS * rateHz + 1e-9);
  const out: number[] = [];
  for (let k = 0; k <= n; k++) out.push(k / rateHz);
  return out;
}

export function rollerTimeline(o: RollerOptions): RollerTimeline {
  const r = o.radiusCm ?? RADIUS_6IN_CM;
  const rate = o.rateHz ?? 100;
  const bias = o.biasDps ?? [0, 0, 0];
  const rand = seededRandom(o.seed ?? 1);
  const gn = o.gyroNoiseDps ?? 0;
  const an = o.accelNoiseG ?? 0;
  const samples: ImuSample[] = [];
  for (const t of sampleTimes(o.profile.durationS, rate)) {
    const theta = o.profile.p(t) / r;
    const rateDps = o.profile.v(t) / r / DEG;
    const up = rotate(o.axis, -theta, o.up0);
    const gyro: Vec3 = [rateDps * o.axis[0] + bias[0] + gn * gaussian(rand), rateDps * o.axis[1] + bias[1] + gn * gaussian(rand), rateDps * o.axis[2] + bias[2] + gn * gaussian(rand)];
    const accel: Vec3 = [up[0] + an * gaussian(rand), up[1] + an * gaussian(rand), up[2] + an * gaussian(rand)];
    if (o.drop?.(t)) continue;
    samples.push({ tS: t, axG: accel[0], ayG: accel[1], azG: accel[2], gxDps: gyro[0], gyDps: gyro[1], gzDps: gyro[2] });
  }
  return { samples, truthCm: (t) => o.profile.p(t) };
}

/** A still sensor: bias + noise on the gyro, `up` (+ noise) on the accelerometer. */
export function stillSamples(o: { fromS: number; durationS: number; rateHz: number; up: Vec3; biasDps: Vec3; gyroNoiseDps: number; accelNoiseG: number; rand: () => number }): ImuSample[] {
  const out: ImuSample[] = [];
  const n = Math.floor(o.durationS * o.rateHz + 1e-9);
  for (let k = 0; k < n; k++) {
    const g = o.gyroNoiseDps;
    const a = o.accelNoiseG;
    out.push({
      tS: o.fromS + k / o.rateHz,
      gxDps: o.biasDps[0] + g * gaussian(o.rand),
      gyDps: o.biasDps[1] + g * gaussian(o.rand),
      gzDps: o.biasDps[2] + g * gaussian(o.rand),
      axG: o.up[0] + a * gaussian(o.rand),
      ayG: o.up[1] + a * gaussian(o.rand),
      azG: o.up[2] + a * gaussian(o.rand),
    });
  }
  return out;
}

// ---------------------------------------------------------------- track / rule points

/** Times from `fromS` (inclusive) to `toS` (inclusive) at `rateHz`, as exact multiples k / rate. */
export function timesBetween(fromS: number, toS: number, rateHz: number): number[] {
  const k0 = Math.round(fromS * rateHz);
  const k1 = Math.round(toS * rateHz);
  const out: number[] = [];
  for (let k = k0; k <= k1; k++) out.push(k / rateHz);
  return out;
}

export function rulePoint(t: number, positionCm: number, extra: Partial<RulePoint> = {}): RulePoint {
  return { t, positionCm, speedInPerS: 0, atRest: false, afterGap: false, ...extra };
}

export function trackPoint(t: number, positionCm: number, map: SpineMap = spineMapFromHeight(175)): TrackPoint {
  return {
    t,
    positionCm,
    speedInPerS: 0,
    zone: zoneAt(positionCm, map),
    diagnostics: { atRest: false, biasDps: [0, 0, 0], axisConfidence: 1, gapBridged: false, accelRejected: false },
  };
}

/** One integration step for the axis and fusion stages: rate w (°/s) over dtS, specific force f (g). */
export function stepOf(w: Readonly<Vec3>, dtS: number, f: Readonly<Vec3>): StepInput {
  return { wx: w[0], wy: w[1], wz: w[2], dtS, ax: f[0], ay: f[1], az: f[2] };
}
