/**
 * The gravity phase: how far the roller has turned about its axis since the start spot, read
 * from gravity alone (absolute, modulo one turn).
 *
 * With "up" at the start u₀ and the axis a (both in the sensor frame): e₁ = u₀ projected on the
 * plane ⟂ a, e₂ = a × e₁. A sensor turned by +θ about a sees up at Rot(a, −θ)·u₀, so the
 * specific force f gives θ = −atan2(f·e₂, f·e₁).
 */
import type { Vec3 } from './roller-axis';
import { norm3 } from './vec3';

export interface GravityBasis {
  e1: Vec3;
  e2: Vec3;
  /** Component of u₀ along the axis (≈ 0 on a level floor): gravity's offset from the plane. */
  upAlong: number;
}

export function gravityBasis(axis: Readonly<Vec3>, up0: Readonly<Vec3>, out?: GravityBasis): GravityBasis {
  const d = up0[0] * axis[0] + up0[1] * axis[1] + up0[2] * axis[2];
  let x = up0[0] - d * axis[0];
  let y = up0[1] - d * axis[1];
  let z = up0[2] - d * axis[2];
  const n = norm3(x, y, z) || 1;
  x /= n;
  y /= n;
  z /= n;
  const b = out ?? { e1: [0, 0, 0], e2: [0, 0, 0], upAlong: 0 };
  b.e1[0] = x;
  b.e1[1] = y;
  b.e1[2] = z;
  b.e2[0] = axis[1] * z - axis[2] * y;
  b.e2[1] = axis[2] * x - axis[0] * z;
  b.e2[2] = axis[0] * y - axis[1] * x;
  b.upAlong = d;
  return b;
}

/** The turn (radians, in (−π, π]) that specific force (fx, fy, fz) shows in `basis`. */
export function gravityPhase(basis: GravityBasis, fx: number, fy: number, fz: number): number {
  const e1 = basis.e1;
  const e2 = basis.e2;
  return -Math.atan2(fx * e2[0] + fy * e2[1] + fz * e2[2], fx * e1[0] + fy * e1[1] + fz * e1[2]);
}

/** Signed angle (rad) by which the sensor turned about `a` since "up" was `up0`, from gravity alone. */
export function gravityAngleAbout(a: Readonly<Vec3>, up0: Readonly<Vec3>, fx: number, fy: number, fz: number): number {
  return gravityPhase(gravityBasis(a, up0), fx, fy, fz);
}
