/**
 * The roller's rotation angle about its axis, fusing the gyroscope (fast, but drifts with any
 * bias error) with the direction of gravity (slow and noisy while rolling, but absolute).
 *
 * Gravity turns in the sensor frame as the roller turns: with the "up" direction u₀ at the
 * start spot, the basis e₁ = u₀ projected on the plane ⟂ axis, e₂ = axis × e₁, the measured
 * specific force f gives the gravity phase θ_g = −atan2(f·e₂, f·e₁) — the rotation since the
 * start, modulo one turn. A PI filter pulls the integrated angle toward θ_g (proportional) and
 * learns the gyro bias along the axis (integral), like Mahony's filter restricted to one axis.
 *
 * Specific force that is not gravity (a bump, the user shifting weight) is rejected when its
 * magnitude is off 1 g or it leaves the plane gravity sweeps; the rejection is reported.
 */
import type { Vec3 } from './roller-axis';
import type { StepInput } from './step-input';
import { gravityBasis, gravityPhase, type GravityBasis } from './gravity-phase';

const DEG = Math.PI / 180;
/** Correction gains (1/s) while moving and at rest, and the bias learning gain (1/s²). */
const KP_MOVING = 0.6;
const KP_REST = 4;
const KI = 0.08;
/** Specific force further than this from 1 g, or out of gravity's plane by more, is not gravity. */
const MAX_ACCEL_ERR_G = 0.12;
const MAX_OUT_OF_PLANE_G = 0.12;

export interface FusionStep {
  accelRejected: boolean;
  /** This step re-anchored the angle to gravity after a long gap (the position may jump). */
  snapped: boolean;
}

export class RotationFusion {
  /** Rotation since the start spot, radians, positive toward the head. */
  thetaRad: number;
  /** Bias correction along the axis learned from gravity, °/s (added to the rest estimate). */
  axisBiasDps = 0;
  private readonly up0: Vec3;
  private readonly basis: GravityBasis = { e1: [1, 0, 0], e2: [0, 1, 0], upAlong: 0 };
  private readonly axisSeen: Vec3 = [NaN, NaN, NaN];
  private snapNext = false;

  constructor(up0: Readonly<Vec3>, thetaRad: number) {
    this.up0 = [up0[0], up0[1], up0[2]];
    this.thetaRad = thetaRad;
  }

  /** After a long gap the next trusted gravity reading sets the angle (nearest turn). */
  requestSnap(): void {
    this.snapNext = true;
  }

  /** Integrates one corrected gyro rate along the axis and corrects toward gravity when it is trusted. */
  step(axis: Readonly<Vec3>, step: StepInput, atRest: boolean, out: FusionStep): void {
    this.ensureBasis(axis);
    const dtS = step.dtS;
    const rateDps = step.wx * axis[0] + step.wy * axis[1] + step.wz * axis[2];
    this.thetaRad += (rateDps - this.axisBiasDps) * DEG * dtS;
    const { ax, ay, az } = step;
    const n = Math.sqrt(ax * ax + ay * ay + az * az);
    const along = ax * axis[0] + ay * axis[1] + az * axis[2];
    if (Math.abs(n - 1) > MAX_ACCEL_ERR_G || Math.abs(along - this.basis.upAlong) > MAX_OUT_OF_PLANE_G) {
      out.accelRejected = true;
      out.snapped = false;
      return;
    }
    out.accelRejected = false;
    out.snapped = false;
    const thetaG = gravityPhase(this.basis, ax, ay, az);
    let err = thetaG - this.thetaRad;
    err -= 2 * Math.PI * Math.round(err / (2 * Math.PI));
    if (this.snapNext) {
      this.thetaRad += err;
      this.snapNext = false;
      out.snapped = true;
      return;
    }
    // Trust gravity more the closer |f| is to 1 g.
    const trust = 1 - Math.abs(n - 1) / MAX_ACCEL_ERR_G;
    const kp = (atRest ? KP_REST : KP_MOVING) * trust;
    this.thetaRad += Math.min(1, kp * dtS) * err;
    this.axisBiasDps -= (KI * trust * dtS * err) / DEG;
  }

  /** A rest measured the full bias directly: the learned axis correction starts over. */
  resetAxisBias(): void {
    this.axisBiasDps = 0;
  }

  private ensureBasis(axis: Readonly<Vec3>): void {
    const s = this.axisSeen;
    if (s[0] === axis[0] && s[1] === axis[1] && s[2] === axis[2]) return;
    s[0] = axis[0];
    s[1] = axis[1];
    s[2] = axis[2];
    gravityBasis(axis, this.up0, this.basis);
  }
}
