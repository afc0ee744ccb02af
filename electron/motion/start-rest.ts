/**
 * The start of a session: the user lies on the roller at the start spot before the first
 * stroke. Until the first stroke, this gathers the first gyroscope bias and the "up" direction
 * at the start spot (the zero of the rotation angle).
 *
 * The start ends (motion onset) when gravity has tilted `ONSET_TILT_DEG` away from where it
 * pointed at the start: a roller lying on the floor only turns about a horizontal axis, so
 * every stroke tilts gravity, while a small wobble or breathing does not build up.
 *
 * The bias is the mean gyro rate over the whole start phase, corrected by the rotation that
 * gravity shows happened meanwhile: ∫(ω − b) dt must equal that rotation, so
 * b = (∫ω dt − r_gravity) / T. That holds with the roller wobbling, and it also accounts for the
 * beginning of the first stroke, which happened before the onset was recognised.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import type { Vec3 } from './roller-axis';
import { norm3 } from './vec3';

export interface StartRestResult {
  biasDps: Vec3;
  /** "Up" at the start spot (unit vector, sensor frame). */
  upUnit: Vec3;
  /** Rotation of the sensor since the start, per gravity (rotation vector, degrees). */
  turnedDeg: Vec3;
  /** Seconds the mean was taken over (0: too short to estimate a bias; it is then [0,0,0]). */
  spanS: number;
}

export const ONSET_TILT_DEG = 3;
/** Less than this gives no usable bias estimate. */
const MIN_SPAN_S = 0.3;
/** The start and current "up" are means over this long. */
const UP_MEAN_S = 0.25;
/** A sample this far from the mean so far ends the averaging of the start direction. */
const FREEZE_TILT_DEG = 1;
const DEG = Math.PI / 180;

export class StartRest {
  private n = 0;
  private firstS = 0;
  private lastS = 0;
  private readonly sumW: Vec3 = [0, 0, 0];
  // "up" at the start: mean of the first UP_MEAN_S.
  private readonly up0Sum: Vec3 = [0, 0, 0];
  private up0: Vec3 | null = null;
  // "up" now: an exponential mean with a time constant of UP_MEAN_S.
  private readonly upNow: Vec3 = [0, 0, 0];
  private readonly cosOnset = Math.cos(ONSET_TILT_DEG * DEG);
  private readonly cosFreeze = Math.cos(FREEZE_TILT_DEG * DEG);

  /** Adds a sample; returns the start result when this sample shows the first motion. */
  push(s: ImuSample): StartRestResult | null {
    const tS = s.tS;
    const ax = s.axG;
    const ay = s.ayG;
    const az = s.azG;
    const dt = this.n === 0 ? 0 : tS - this.lastS;
    if (this.n === 0) {
      this.firstS = tS;
      this.upNow[0] = ax;
      this.upNow[1] = ay;
      this.upNow[2] = az;
    }
    this.n++;
    this.lastS = tS;
    this.sumW[0] += s.gxDps * dt;
    this.sumW[1] += s.gyDps * dt;
    this.sumW[2] += s.gzDps * dt;
    const k = Math.min(1, dt / UP_MEAN_S);
    this.upNow[0] += k * (ax - this.upNow[0]);
    this.upNow[1] += k * (ay - this.upNow[1]);
    this.upNow[2] += k * (az - this.upNow[2]);
    if (!this.up0) {
      // "Up" at the start: the mean of the first UP_MEAN_S, cut short by the first sample that
      // leaves it (a session that starts moving keeps the direction it started from).
      const m = this.up0Sum;
      const mn = Math.sqrt(m[0] * m[0] + m[1] * m[1] + m[2] * m[2]);
      const an = Math.sqrt(ax * ax + ay * ay + az * az);
      const leaves = mn > 0 && an > 0 && (ax * m[0] + ay * m[1] + az * m[2]) / (mn * an) < this.cosFreeze;
      if (!leaves) {
        m[0] += ax;
        m[1] += ay;
        m[2] += az;
        if (tS - this.firstS < UP_MEAN_S) return null;
      }
      this.up0 = unit(m);
      if (!leaves) return null;
    }
    // Onset: the instantaneous reading tilts past the threshold (fast), confirmed by the mean.
    const u = this.up0;
    const n = Math.sqrt(ax * ax + ay * ay + az * az) || 1;
    if ((ax * u[0] + ay * u[1] + az * u[2]) / n >= this.cosOnset) return null;
    const m = unit(this.upNow);
    if (m[0] * u[0] + m[1] * u[1] + m[2] * u[2] >= Math.cos(0.5 * ONSET_TILT_DEG * DEG)) return null;
    return this.result([ax / n, ay / n, az / n]);
  }

  /** The estimate so far (also used when a recording ends before any motion). */
  result(upLatest?: Vec3): StartRestResult {
    const up0 = this.up0 ?? (this.n > 0 ? unit(this.up0Sum) : ([0, 0, 1] as Vec3));
    const spanS = this.n > 1 ? this.lastS - this.firstS : 0;
    const now = upLatest ?? unit(this.upNow);
    // Sensor rotation that takes up0 to `now`: about now × up0 by the angle between them.
    const c: Vec3 = [now[1] * up0[2] - now[2] * up0[1], now[2] * up0[0] - now[0] * up0[2], now[0] * up0[1] - now[1] * up0[0]];
    const s = norm3(c[0], c[1], c[2]);
    const angleDeg = Math.atan2(s, now[0] * up0[0] + now[1] * up0[1] + now[2] * up0[2]) / DEG;
    const turnedDeg: Vec3 = s > 0 ? [(c[0] / s) * angleDeg, (c[1] / s) * angleDeg, (c[2] / s) * angleDeg] : [0, 0, 0];
    const usable = spanS >= MIN_SPAN_S;
    const biasDps: Vec3 = usable ? [(this.sumW[0] - turnedDeg[0]) / spanS, (this.sumW[1] - turnedDeg[1]) / spanS, (this.sumW[2] - turnedDeg[2]) / spanS] : [0, 0, 0];
    return { biasDps, upUnit: up0, turnedDeg, spanS: usable ? spanS : 0 };
  }
}

function unit(v: Readonly<Vec3>): Vec3 {
  const n = norm3(v[0], v[1], v[2]) || 1;
  return [v[0] / n, v[1] / n, v[2] / n];
}
