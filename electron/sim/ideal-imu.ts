/**
 * What a perfect IMU at the sensor point would read, from the sensor's pose by central
 * differences over t ± h of the smooth, analytic motion (h = 10⁻⁴ s):
 *
 * - gyro: body angular rate in the sensor frame, °/s, from the relative rotation
 *   `R_ws(t−h)ᵀ·R_ws(t+h)` (log map) over 2h;
 * - accelerometer: specific force in the sensor frame, g:
 *   `R_ws(t)ᵀ · (a_world − g_world) / 9.80665` with `g_world = (0, 0, −9.80665)` m/s² and
 *   `a_world = (w(t+h) − 2·w(t) + w(t−h)) / h²`, the exact acceleration of the sensor point
 *   (centre, tangential and centripetal terms, wobble and bounce included). At rest it reads
 *   +1 g along the sensor axis pointing up.
 */
import { bodyRateFromRelative } from './rotation-matrix';
import { POSE_LENGTH, type RollerKinematics } from './roller-kinematics';
import { DEG_PER_RAD, STANDARD_GRAVITY_MPS2 } from './units';

/** Step of the central differences, s. */
export const DIFFERENCE_STEP_S = 1e-4;

/** Layout of a reading: gx, gy, gz (°/s), ax, ay, az (g). */
export const READING_LENGTH = 6;

export class IdealImu {
  private readonly before = new Float64Array(POSE_LENGTH);
  private readonly now = new Float64Array(POSE_LENGTH);
  private readonly after = new Float64Array(POSE_LENGTH);
  /** R_ws(t−h)ᵀ · R_ws(t+h). */
  private readonly relative = new Float64Array(9);

  constructor(
    private readonly kinematics: RollerKinematics,
    private readonly stepS = DIFFERENCE_STEP_S,
  ) {}

  /** Writes the ideal reading at session time t into `out` (see {@link READING_LENGTH}). */
  read(t: number, out: Float64Array): Float64Array {
    const h = this.stepS;
    const b = this.kinematics.sensorPose(t - h, this.before);
    const n = this.kinematics.sensorPose(t, this.now);
    const a = this.kinematics.sensorPose(t + h, this.after);

    const rel = this.relative;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) rel[3 * i + j] = b[i]! * a[j]! + b[3 + i]! * a[3 + j]! + b[6 + i]! * a[6 + j]!;
    }
    const [wx, wy, wz] = bodyRateFromRelative(rel, 2 * h);
    out[0] = wx * DEG_PER_RAD;
    out[1] = wy * DEG_PER_RAD;
    out[2] = wz * DEG_PER_RAD;

    const inv = 1 / (h * h * STANDARD_GRAVITY_MPS2);
    const fx = (a[9]! - 2 * n[9]! + b[9]!) * inv;
    const fy = (a[10]! - 2 * n[10]! + b[10]!) * inv;
    const fz = (a[11]! - 2 * n[11]! + b[11]!) * inv + 1;
    out[3] = n[0]! * fx + n[3]! * fy + n[6]! * fz;
    out[4] = n[1]! * fx + n[4]! * fy + n[7]! * fz;
    out[5] = n[2]! * fx + n[5]! * fy + n[8]! * fz;
    return out;
  }
}
