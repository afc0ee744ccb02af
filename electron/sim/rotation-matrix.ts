/**
 * 3 × 3 rotation matrices, row-major in a `Float64Array(9)`, written into caller-owned
 * outputs so the simulation loop allocates nothing. A matrix `R_ab` maps vectors expressed
 * in frame b to frame a (`v_a = R_ab · v_b`); its columns are b's axes seen from a.
 * All rotations are right-handed (counter-clockwise looking down the axis).
 */

export type Mat3 = Float64Array;
export type Vec3 = [number, number, number];

/** Rotation by `angleRad` about +x. */
export function rotationX(angleRad: number, out: Mat3 = new Float64Array(9)): Mat3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  out.set([1, 0, 0, 0, c, -s, 0, s, c]);
  return out;
}

/** Rotation by `angleRad` about +y. */
export function rotationY(angleRad: number, out: Mat3 = new Float64Array(9)): Mat3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  out.set([c, 0, s, 0, 1, 0, -s, 0, c]);
  return out;
}

/** Rotation by `angleRad` about +z. */
export function rotationZ(angleRad: number, out: Mat3 = new Float64Array(9)): Mat3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  out.set([c, -s, 0, s, c, 0, 0, 0, 1]);
  return out;
}

/** out = a · b (out may not alias a or b). */
export function multiply(a: Mat3, b: Mat3, out: Mat3 = new Float64Array(9)): Mat3 {
  for (let r = 0; r < 3; r++) {
    const a0 = a[3 * r]!;
    const a1 = a[3 * r + 1]!;
    const a2 = a[3 * r + 2]!;
    out[3 * r] = a0 * b[0]! + a1 * b[3]! + a2 * b[6]!;
    out[3 * r + 1] = a0 * b[1]! + a1 * b[4]! + a2 * b[7]!;
    out[3 * r + 2] = a0 * b[2]! + a1 * b[5]! + a2 * b[8]!;
  }
  return out;
}

/** m · v. */
export function apply(m: Mat3, v: Readonly<Vec3>): Vec3 {
  return [m[0]! * v[0] + m[1]! * v[1] + m[2]! * v[2], m[3]! * v[0] + m[4]! * v[1] + m[5]! * v[2], m[6]! * v[0] + m[7]! * v[1] + m[8]! * v[2]];
}

/** mᵀ · v: a world vector expressed in the frame whose orientation is m. */
export function applyTranspose(m: Mat3, v: Readonly<Vec3>): Vec3 {
  return [m[0]! * v[0] + m[3]! * v[1] + m[6]! * v[2], m[1]! * v[0] + m[4]! * v[1] + m[7]! * v[2], m[2]! * v[0] + m[5]! * v[1] + m[8]! * v[2]];
}

/**
 * Mount orientation from Euler angles in degrees, extrinsic x → y → z: first rotate about
 * the parent's x by `xDeg`, then about the parent's y by `yDeg`, then about the parent's z by
 * `zDeg`, i.e. `Rz(z) · Ry(y) · Rx(x)`.
 */
export function eulerXyzDeg(angles: Readonly<Vec3>): Mat3 {
  const k = Math.PI / 180;
  const yx = multiply(rotationY(angles[1] * k), rotationX(angles[0] * k));
  return multiply(rotationZ(angles[2] * k), yx);
}

/**
 * Angular velocity (rad/s) in the body frame from the relative rotation `rel = R(t−h)ᵀ·R(t+h)`
 * over `spanS = 2h`: the rotation vector of `rel` (log map) divided by the span.
 */
export function bodyRateFromRelative(rel: Mat3, spanS: number): Vec3 {
  const vx = (rel[7]! - rel[5]!) / 2;
  const vy = (rel[2]! - rel[6]!) / 2;
  const vz = (rel[3]! - rel[1]!) / 2;
  const sinAngle = Math.hypot(vx, vy, vz);
  const cosAngle = (rel[0]! + rel[4]! + rel[8]! - 1) / 2;
  const angle = Math.atan2(sinAngle, cosAngle);
  const k = (sinAngle < 1e-12 ? 1 + (angle * angle) / 6 : angle / sinAngle) / spanS;
  return [vx * k, vy * k, vz * k];
}
