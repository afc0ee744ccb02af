/**
 * Finds the roller's axis in the sensor frame, for any mount orientation.
 *
 * 1. Before the axis is known, the bias-corrected gyroscope is integrated into a rotation
 *    vector G = ∫(ω − b) dt. For a rotation about a fixed axis this is exactly θ·a, so once
 *    |G| passes `LOCK_DEG` — and gravity agrees the sensor turned that way about G — the axis
 *    is G/|G|, pointing so that the first stroke (toward the head, docs/architecture.md#conventions-of-the-estimate) is positive.
 * 2. After the lock two estimates refine it:
 *    - gravity sweeps the plane perpendicular to the roller axis (the axis lies horizontal on
 *      the floor; rolling accelerations — centre, tangential, centripetal — lie in that plane
 *      too), so the axis is the normal of that plane: the eigenvector of the smallest eigenvalue
 *      of Σ f fᵀ. It does not depend on the gyro bias, but needs the roller to have turned
 *      (the plane must be swept over tens of degrees);
 *    - the principal axis of the moving gyroscope, Σ ω ωᵀ, which works from the first stroke.
 *    The gravity normal is used once the sweep is wide enough, signed like the gyro axis.
 * Confidence combines how planar the gravity sweep is (or how dominant the gyro axis is) with
 * how much rotation has been seen.
 */

import type { StepInput } from './step-input';
import { gravityAngleAbout } from './gravity-phase';
import { norm3 } from './vec3';

export type Vec3 = [number, number, number];

const DEG = Math.PI / 180;
const LOCK_DEG = 15;
/** At lock, gravity must have turned (about the candidate axis, the same way) this fraction of the gyro angle. */
const LOCK_GRAVITY_AGREEMENT = 0.5;
/** Samples turning slower than this do not refine the gyro axis (bias errors dominate). */
const REFINE_MIN_DPS = 5;
const REFINE_EVERY = 64;
const FULL_COVERAGE_DEG = 90;
/** The gravity plane is used once its middle eigenvalue is this share of the largest (a sweep of ~50°). */
const MIN_SWEEP_RATIO = 0.12;
/** Specific force this close to 1 g is taken as gravity for the plane. */
const PLANE_ACCEL_TOL_G = 0.1;

/**
 * Which of the sensor's own axes the roller axis lies along, and how closely (|cos| of the angle
 * between them, 1 = exactly along it), for saying where the sensor sits on the roller.
 */
export function dominantSensorAxis(unit: Readonly<Vec3>): { axis: 'x' | 'y' | 'z'; alignment: number } {
  const n = norm3(unit[0], unit[1], unit[2]);
  const c = unit.map((v) => (n > 0 ? Math.abs(v) / n : 0));
  const i = c[0]! >= c[1]! && c[0]! >= c[2]! ? 0 : c[1]! >= c[2]! ? 1 : 2;
  return { axis: (['x', 'y', 'z'] as const)[i], alignment: c[i]! };
}

export class RollerAxis {
  private readonly G: Vec3 = [0, 0, 0];
  private axis: Vec3 | null = null;
  private readonly gyroAxis: Vec3 = [0, 0, 0];
  private readonly mw = [0, 0, 0, 0, 0, 0]; // Σ w·ωωᵀ: xx, xy, xz, yy, yz, zz
  private readonly mf = [0, 0, 0, 0, 0, 0]; // Σ w·f fᵀ
  private sinceRefine = 0;
  private turnedDeg = 0;
  private conf = 0;
  private fromGravity = false;

  get locked(): boolean {
    return this.axis !== null;
  }

  /** The axis (unit, sensor frame) or null before the lock. Refined in place. */
  get unit(): Readonly<Vec3> | null {
    return this.axis;
  }

  /** Integrated rotation angle before the lock, degrees (≥ 0). */
  get preLockAngleDeg(): number {
    return Math.sqrt(this.G[0] * this.G[0] + this.G[1] * this.G[1] + this.G[2] * this.G[2]);
  }

  get confidence(): number {
    return this.conf;
  }

  /** The axis currently comes from the gravity plane (not the gyro). */
  get gravityBased(): boolean {
    return this.fromGravity;
  }

  /**
   * Before the lock: integrate the corrected rate (°/s) over dt. Returns true when the axis
   * locks on this sample. `up0` is the "up" direction at the start spot, (ax, ay, az) the
   * current specific force.
   */
  integrate(step: StepInput, up0: Readonly<Vec3>): boolean {
    if (this.axis) return false;
    const G = this.G;
    G[0] += step.wx * step.dtS;
    G[1] += step.wy * step.dtS;
    G[2] += step.wz * step.dtS;
    const angle = Math.sqrt(G[0] * G[0] + G[1] * G[1] + G[2] * G[2]);
    if (angle < LOCK_DEG) return false;
    const a: Vec3 = [G[0] / angle, G[1] / angle, G[2] / angle];
    const { ax, ay, az } = step;
    const n = Math.sqrt(ax * ax + ay * ay + az * az);
    if (Math.abs(n - 1) > PLANE_ACCEL_TOL_G) return false;
    const gravityDeg = gravityAngleAbout(a, up0, ax, ay, az) / DEG;
    if (gravityDeg < LOCK_GRAVITY_AGREEMENT * Math.min(angle, 180)) return false;
    this.axis = a;
    this.gyroAxis[0] = a[0];
    this.gyroAxis[1] = a[1];
    this.gyroAxis[2] = a[2];
    this.turnedDeg = angle;
    this.conf = 0.5 * Math.min(1, angle / FULL_COVERAGE_DEG);
    return true;
  }

  /** Starts the pre-lock rotation vector from what happened before the onset (degrees). */
  seed(turnedDeg: Readonly<Vec3>): void {
    if (this.axis) return;
    this.G[0] = turnedDeg[0];
    this.G[1] = turnedDeg[1];
    this.G[2] = turnedDeg[2];
  }

  /** Before the lock: the rotation gravity shows about the candidate axis G/|G|, radians. */
  gravityConfirmedRad(up0: Readonly<Vec3>, ax: number, ay: number, az: number): number {
    const angle = norm3(this.G[0], this.G[1], this.G[2]);
    if (angle === 0) return 0;
    return gravityAngleAbout([this.G[0] / angle, this.G[1] / angle, this.G[2] / angle], up0, ax, ay, az);
  }

  /**
   * Before the lock, a better bias estimate arrived: remove what the old bias added over the
   * `integratedS` seconds integrated so far.
   */
  rebias(deltaBiasDps: Readonly<Vec3>, integratedS: number): void {
    if (this.axis) return;
    this.G[0] -= deltaBiasDps[0] * integratedS;
    this.G[1] -= deltaBiasDps[1] * integratedS;
    this.G[2] -= deltaBiasDps[2] * integratedS;
  }

  /** After the lock: feed the corrected rate (°/s, with the learned axis bias removed) and the specific force (g). */
  refine(step: StepInput, accelTrusted: boolean): void {
    if (!this.axis) return;
    const { wx, wy, wz, dtS } = step;
    const r2 = wx * wx + wy * wy + wz * wz;
    if (r2 >= REFINE_MIN_DPS * REFINE_MIN_DPS) {
      this.turnedDeg += Math.sqrt(r2) * dtS;
      accumulate(this.mw, wx, wy, wz, dtS);
      if (accelTrusted) accumulate(this.mf, step.ax, step.ay, step.az, dtS);
    }
    if (++this.sinceRefine >= REFINE_EVERY) {
      this.sinceRefine = 0;
      this.update();
    }
  }

  private update(): void {
    const axis = this.axis!;
    const g = principal(this.mw, this.gyroAxis);
    if (g) {
      alignTo(g.v, this.gyroAxis);
      this.gyroAxis[0] = g.v[0];
      this.gyroAxis[1] = g.v[1];
      this.gyroAxis[2] = g.v[2];
    }
    const coverage = Math.min(1, this.turnedDeg / FULL_COVERAGE_DEG);
    const plane = planeNormal(this.mf, this.gyroAxis);
    if (plane && plane.sweep >= MIN_SWEEP_RATIO) {
      alignTo(plane.v, this.gyroAxis);
      axis[0] = plane.v[0];
      axis[1] = plane.v[1];
      axis[2] = plane.v[2];
      this.fromGravity = true;
      this.conf = plane.flatness * coverage;
    } else if (g) {
      axis[0] = this.gyroAxis[0];
      axis[1] = this.gyroAxis[1];
      axis[2] = this.gyroAxis[2];
      this.fromGravity = false;
      this.conf = g.dominance * coverage * 0.8;
    }
  }
}

function accumulate(m: number[], x: number, y: number, z: number, w: number): void {
  m[0]! += w * x * x;
  m[1]! += w * x * y;
  m[2]! += w * x * z;
  m[3]! += w * y * y;
  m[4]! += w * y * z;
  m[5]! += w * z * z;
}

function mul(m: number[], x: number, y: number, z: number): Vec3 {
  return [m[0]! * x + m[1]! * y + m[2]! * z, m[1]! * x + m[3]! * y + m[4]! * z, m[2]! * x + m[4]! * y + m[5]! * z];
}

function alignTo(v: Vec3, ref: Readonly<Vec3>): void {
  if (v[0] * ref[0] + v[1] * ref[1] + v[2] * ref[2] < 0) {
    v[0] = -v[0];
    v[1] = -v[1];
    v[2] = -v[2];
  }
}

/** Largest eigenpair of a symmetric 3×3 (power iteration from `start`), with its dominance 1 − (λ₂+λ₃)/λ₁. */
function principal(m: number[], start: Readonly<Vec3>): { v: Vec3; dominance: number } | null {
  let v: Vec3 = [start[0], start[1], start[2]];
  let lambda = 0;
  for (let k = 0; k < 12; k++) {
    const n = mul(m, v[0], v[1], v[2]);
    lambda = norm3(n[0], n[1], n[2]);
    if (!(lambda > 0)) return null;
    v = [n[0] / lambda, n[1] / lambda, n[2] / lambda];
  }
  const trace = m[0]! + m[3]! + m[5]!;
  return { v, dominance: Math.max(0, 1 - Math.max(0, trace - lambda) / lambda) };
}

/**
 * Normal of the plane the vectors of `m` lie in: the smallest eigenvector, found as the largest
 * of (trace·I − m). `sweep` = λ_mid/λ_max (how widely the plane was swept), `flatness` =
 * 1 − λ_min/λ_mid (how planar the cloud is).
 */
function planeNormal(m: number[], start: Readonly<Vec3>): { v: Vec3; sweep: number; flatness: number } | null {
  const trace = m[0]! + m[3]! + m[5]!;
  if (!(trace > 0)) return null;
  const shifted = [trace - m[0]!, -m[1]!, -m[2]!, trace - m[3]!, -m[4]!, trace - m[5]!];
  const p = principal(shifted, start);
  if (!p) return null;
  const v = p.v;
  const mv = mul(m, v[0], v[1], v[2]);
  const lMin = Math.max(0, mv[0] * v[0] + mv[1] * v[1] + mv[2] * v[2]);
  // The other two eigenvalues share trace − λmin; their split comes from the in-plane 2×2 block.
  const rest = trace - lMin;
  const off = symmetricInPlane(m, v);
  const disc = Math.sqrt(Math.max(0, (off.a - off.c) ** 2 / 4 + off.b ** 2));
  const lMax = rest / 2 + disc;
  const lMid = rest / 2 - disc;
  return { v, sweep: lMax > 0 ? lMid / lMax : 0, flatness: lMid > 0 ? Math.max(0, 1 - lMin / lMid) : 0 };
}

/** The 2×2 block of `m` in a basis of the plane ⟂ v: [[a, b], [b, c]]. */
function symmetricInPlane(m: number[], v: Readonly<Vec3>): { a: number; b: number; c: number } {
  const helper: Vec3 = Math.abs(v[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const d = helper[0] * v[0] + helper[1] * v[1] + helper[2] * v[2];
  let p: Vec3 = [helper[0] - d * v[0], helper[1] - d * v[1], helper[2] - d * v[2]];
  const pn = norm3(p[0], p[1], p[2]);
  p = [p[0] / pn, p[1] / pn, p[2] / pn];
  const q: Vec3 = [v[1] * p[2] - v[2] * p[1], v[2] * p[0] - v[0] * p[2], v[0] * p[1] - v[1] * p[0]];
  const mp = mul(m, p[0], p[1], p[2]);
  const mq = mul(m, q[0], q[1], q[2]);
  return { a: mp[0] * p[0] + mp[1] * p[1] + mp[2] * p[2], b: mp[0] * q[0] + mp[1] * q[1] + mp[2] * q[2], c: mq[0] * q[0] + mq[1] * q[1] + mq[2] * q[2] };
}
