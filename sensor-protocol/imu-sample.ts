/**
 * One decoded inertial sample in physical units, in the sensor's own frame.
 *
 * Every source (our sensor's frames, a WitMotion unit, a recording CSV, the simulator)
 * produces these, so nothing after the decoder knows where samples came from.
 * - `tS`: sample time in seconds on the sensor's clock (unwrapped, monotonic within a stream).
 * - `ax/ay/azG`: specific force in g (reads +1 g on the axis pointing up when at rest).
 * - `gx/gy/gzDps`: angular rate in degrees per second, right-handed.
 */
export interface ImuSample {
  tS: number;
  axG: number;
  ayG: number;
  azG: number;
  gxDps: number;
  gyDps: number;
  gzDps: number;
}
