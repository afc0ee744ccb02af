/**
 * The AHRS peer: a full attitude filter (Madgwick, from the `ahrs` npm package) fed the same
 * samples; the roller angle is the twist of the attitude since the start about the roller axis
 * (the axis our engine detected, so the comparison is about the angle), unwrapped, signed so the
 * first stroke is positive. Position = angle × radius. The axis is the principal axis of the
 * gyroscope with the first second's mean taken as bias (`detectGyroAxis`).
 */
import AHRS from 'ahrs';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';

const DEG = Math.PI / 180;

export function ahrsPositions(samples: readonly ImuSample[], axis: readonly [number, number, number], radiusCm: number, beta = 0.4): Float64Array {
  const n = samples.length;
  const out = new Float64Array(n);
  const first = samples[0];
  if (!first) return out;
  const filter = new AHRS({ algorithm: 'Madgwick', beta, sampleInterval: 100, doInitialisation: false });
  // Start from the attitude gravity gives, so the filter does not spend its first seconds converging.
  for (let k = 0; k < 200; k++) filter.update(0, 0, 0, first.axG, first.ayG, first.azG, undefined, undefined, undefined, 0.01);
  const q0 = filter.getQuaternion();
  let prev = 0;
  let unwrapped = 0;
  let sign = 0;
  for (let i = 0; i < n; i++) {
    const s = samples[i]!;
    const dt = i === 0 ? 0 : s.tS - samples[i - 1]!.tS;
    if (dt > 0) filter.update(s.gxDps * DEG, s.gyDps * DEG, s.gzDps * DEG, s.axG, s.ayG, s.azG, undefined, undefined, undefined, dt);
    const q = filter.getQuaternion();
    // Relative rotation in the body frame: q_rel = conj(q0) ⊗ q.
    const w = q0.w * q.w + q0.x * q.x + q0.y * q.y + q0.z * q.z;
    const x = q0.w * q.x - q0.x * q.w - q0.y * q.z + q0.z * q.y;
    const y = q0.w * q.y + q0.x * q.z - q0.y * q.w - q0.z * q.x;
    const z = q0.w * q.z - q0.x * q.y + q0.y * q.x - q0.z * q.w;
    const twist = 2 * Math.atan2(x * axis[0] + y * axis[1] + z * axis[2], w);
    let d = twist - prev;
    d -= 2 * Math.PI * Math.round(d / (2 * Math.PI));
    unwrapped += d;
    prev = twist;
    if (sign === 0 && Math.abs(unwrapped) > 15 * DEG) sign = Math.sign(unwrapped);
    out[i] = (sign || 1) * unwrapped * radiusCm;
  }
  return out;
}

/** Principal axis of the gyro over the recording, after removing the first second's mean. */
export function detectGyroAxis(samples: readonly ImuSample[]): [number, number, number] {
  const t0 = samples[0]?.tS ?? 0;
  const b = [0, 0, 0];
  let nb = 0;
  for (const s of samples) {
    if (s.tS - t0 > 1) break;
    b[0]! += s.gxDps;
    b[1]! += s.gyDps;
    b[2]! += s.gzDps;
    nb++;
  }
  for (let k = 0; k < 3; k++) b[k]! /= Math.max(1, nb);
  const m = [0, 0, 0, 0, 0, 0];
  for (const s of samples) {
    const x = s.gxDps - b[0]!;
    const y = s.gyDps - b[1]!;
    const z = s.gzDps - b[2]!;
    m[0]! += x * x;
    m[1]! += x * y;
    m[2]! += x * z;
    m[3]! += y * y;
    m[4]! += y * z;
    m[5]! += z * z;
  }
  let v: [number, number, number] = [1, 1, 1];
  for (let k = 0; k < 50; k++) {
    const n: [number, number, number] = [m[0]! * v[0] + m[1]! * v[1] + m[2]! * v[2], m[1]! * v[0] + m[3]! * v[1] + m[4]! * v[2], m[2]! * v[0] + m[4]! * v[1] + m[5]! * v[2]];
    const len = Math.hypot(...n) || 1;
    v = [n[0] / len, n[1] / len, n[2] / len];
  }
  return v;
}
