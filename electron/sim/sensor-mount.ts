/**
 * Where the sensor sits on the roller and how it is turned.
 *
 * Roller frame: origin on the axis at the roller's middle, x along the axis, y and z
 * perpendicular; it coincides with the world frame at θ = 0 with no wobble. The sensor is at
 * `s_r = (axial, r·cos φ, r·sin φ)` (φ = azimuth from +y toward +z), and its axes are
 * `R_rs = Rz(z)·Ry(y)·Rx(x)` from the Euler angles (columns: sensor axes in roller coordinates).
 */
import type { ScenarioMount } from './scenario-schema';
import { eulerXyzDeg, type Mat3, type Vec3 } from './rotation-matrix';
import { RAD_PER_DEG } from './units';

export interface SensorMount {
  /** Sensor position in the roller frame, m. */
  positionM: Vec3;
  /** R_rs: sensor frame → roller frame. */
  orientation: Mat3;
  /** Distance from the roller axis, cm (`surface` resolved to the nominal radius). */
  radiusCm: number;
  /** The roller axis (+x of the roller frame) in sensor coordinates: what a pure roll turns about. */
  rollerAxisInSensor: Vec3;
}

export function sensorMount(mount: ScenarioMount, nominalRadiusCm: number): SensorMount {
  const radiusCm = mount.radiusCm === 'surface' ? nominalRadiusCm : mount.radiusCm;
  const phi = mount.azimuthDeg * RAD_PER_DEG;
  const orientation = eulerXyzDeg(mount.orientationDeg);
  return {
    positionM: [mount.axialCm / 100, (radiusCm / 100) * Math.cos(phi), (radiusCm / 100) * Math.sin(phi)],
    orientation,
    radiusCm,
    // First row of R_rs = R_rsᵀ · x̂.
    rollerAxisInSensor: [orientation[0]!, orientation[1]!, orientation[2]!],
  };
}
