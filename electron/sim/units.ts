/** Physical constants and unit conversions used by the simulated roller. */

/** Standard gravity, m/s² (the accelerometer's "1 g"). */
export const STANDARD_GRAVITY_MPS2 = 9.80665;

/** 1 in = 2.54 cm exactly. */
export const CM_PER_IN = 2.54;

export const RAD_PER_DEG = Math.PI / 180;
export const DEG_PER_RAD = 180 / Math.PI;

export function inToCm(inches: number): number {
  return inches * CM_PER_IN;
}
