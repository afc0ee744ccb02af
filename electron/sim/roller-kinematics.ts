/**
 * Rigid-body motion of the roller and of the sensor point on it, at any session time t (s).
 *
 * World frame: z up, floor at z = 0, the user's spine along y (head toward +y), roller axis
 * along x. With p(t) the position along the back from the motion script:
 *
 * ```
 * θ(t)    = p(t) / R_eff · (1 − slip)                      roll about +x, rad
 * R_wr(t) = Rz(β(t)) · Ry(α(t)) · Rx(θ(t))                 α, β: wobble sinusoids about world y, z
 * c(t)    = (0, y0 − θ(t)·R_eff, R_eff + bounce(t))        roller centre, m (rolls on the floor)
 * sensor:   w(t) = c(t) + R_wr(t)·s_r,   R_ws(t) = R_wr(t)·R_rs
 * ```
 * Rolling without slip on the floor moves the centre by −θ̇·R along y; without slip on the
 * back, the roller advances along the body by θ·R toward the head (p = θ·R_eff).
 */
import type { MotionScript } from './motion-script';
import type { Scenario } from './scenario-schema';
import type { SensorMount } from './sensor-mount';
import { randomStream } from './seeded-random';
import { RAD_PER_DEG, inToCm } from './units';

export interface RollerMotionParams {
  /** Rolling radius R_eff = nominal · (1 − compression), m. */
  effectiveRadiusM: number;
  slipFraction: number;
  startYM: number;
  wobbleY: Sinusoid;
  wobbleZ: Sinusoid;
  /** Vertical centre motion, m. */
  bounce: Sinusoid;
}

/** a · sin(ω·t + φ). */
export interface Sinusoid {
  amplitude: number;
  omegaRadPerS: number;
  phaseRad: number;
}

/** Nominal roller radius, cm. */
export function nominalRadiusCm(scenario: Scenario): number {
  return inToCm(scenario.roller.diameterIn) / 2;
}

/** Physical parameters of the roller's motion; wobble and bounce phases come from the seed. */
export function rollerMotionParams(scenario: Scenario, seed: number): RollerMotionParams {
  const r = scenario.roller;
  const rng = randomStream(seed, 'roller-phases');
  const sinusoid = (amplitude: number, hz: number): Sinusoid => ({
    amplitude,
    omegaRadPerS: 2 * Math.PI * hz,
    phaseRad: 2 * Math.PI * rng.uniform(),
  });
  return {
    effectiveRadiusM: (nominalRadiusCm(scenario) / 100) * (1 - r.compression),
    slipFraction: scenario.errors.slipFraction,
    startYM: r.startYCm / 100,
    wobbleY: sinusoid(r.wobble.aboutYDeg * RAD_PER_DEG, r.wobble.aboutYHz),
    wobbleZ: sinusoid(r.wobble.aboutZDeg * RAD_PER_DEG, r.wobble.aboutZHz),
    bounce: sinusoid(r.bounce.amplitudeMm / 1000, r.bounce.frequencyHz),
  };
}

function evaluate(s: Sinusoid, t: number): number {
  return s.amplitude === 0 ? 0 : s.amplitude * Math.sin(s.omegaRadPerS * t + s.phaseRad);
}

/** Pose layout written by {@link RollerKinematics.sensorPose}: R (row-major, 9) then position (3). */
export const POSE_LENGTH = 12;

export class RollerKinematics {
  private readonly rollerToWorld = new Float64Array(9);

  constructor(
    readonly script: MotionScript,
    readonly params: RollerMotionParams,
    readonly mount: SensorMount,
  ) {}

  /** Roll angle about +x at session time t, rad. */
  thetaRad(t: number): number {
    return ((this.script.positionCm(t) / 100) * (1 - this.params.slipFraction)) / this.params.effectiveRadiusM;
  }

  /** Roller pose: `out[0..8]` = R_wr (row-major), `out[9..11]` = centre c, m. */
  rollerPose(t: number, out: Float64Array): Float64Array {
    const p = this.params;
    const theta = this.thetaRad(t);
    const a = evaluate(p.wobbleY, t);
    const b = evaluate(p.wobbleZ, t);
    const ct = Math.cos(theta);
    const st = Math.sin(theta);
    const ca = Math.cos(a);
    const sa = Math.sin(a);
    const cb = Math.cos(b);
    const sb = Math.sin(b);
    // Ry(α)·Rx(θ) = [[ca, sa·st, sa·ct], [0, ct, −st], [−sa, ca·st, ca·ct]], then Rz(β)· that.
    out[0] = cb * ca;
    out[1] = cb * sa * st - sb * ct;
    out[2] = cb * sa * ct + sb * st;
    out[3] = sb * ca;
    out[4] = sb * sa * st + cb * ct;
    out[5] = sb * sa * ct - cb * st;
    out[6] = -sa;
    out[7] = ca * st;
    out[8] = ca * ct;
    out[9] = 0;
    out[10] = p.startYM - theta * p.effectiveRadiusM;
    out[11] = p.effectiveRadiusM + evaluate(p.bounce, t);
    return out;
  }

  /** Sensor pose: `out[0..8]` = R_ws = R_wr·R_rs (row-major), `out[9..11]` = position w, m. */
  sensorPose(t: number, out: Float64Array): Float64Array {
    const r = this.rollerPose(t, out);
    const m = this.rollerToWorld;
    for (let i = 0; i < 9; i++) m[i] = r[i]!;
    const [sx, sy, sz] = this.mount.positionM;
    const q = this.mount.orientation;
    out[9] = r[9]! + m[0]! * sx + m[1]! * sy + m[2]! * sz;
    out[10] = r[10]! + m[3]! * sx + m[4]! * sy + m[5]! * sz;
    out[11] = r[11]! + m[6]! * sx + m[7]! * sy + m[8]! * sz;
    for (let row = 0; row < 3; row++) {
      const m0 = m[3 * row]!;
      const m1 = m[3 * row + 1]!;
      const m2 = m[3 * row + 2]!;
      out[3 * row] = m0 * q[0]! + m1 * q[3]! + m2 * q[6]!;
      out[3 * row + 1] = m0 * q[1]! + m1 * q[4]! + m2 * q[7]!;
      out[3 * row + 2] = m0 * q[2]! + m1 * q[5]! + m2 * q[8]!;
    }
    return out;
  }
}
