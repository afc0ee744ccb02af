/**
 * The naive peer: what a first attempt would do. Takes the gyro axis (x, y or z of the sensor)
 * with the largest variance over the recording as the roller axis, integrates it with no bias
 * correction, and signs the angle so the first stroke is positive. Position = angle × radius.
 */
import type { ImuSample } from '../../../sensor-protocol/imu-sample';

const DEG = Math.PI / 180;

export function naivePositions(samples: readonly ImuSample[], radiusCm: number): Float64Array {
  const n = samples.length;
  const sum = [0, 0, 0];
  const sq = [0, 0, 0];
  for (const s of samples) {
    const g = [s.gxDps, s.gyDps, s.gzDps];
    for (let k = 0; k < 3; k++) {
      sum[k]! += g[k]!;
      sq[k]! += g[k]! * g[k]!;
    }
  }
  const variance = sq.map((q, k) => q / n - (sum[k]! / n) ** 2);
  const axis = variance.indexOf(Math.max(...variance));
  const out = new Float64Array(n);
  let theta = 0;
  let sign = 0;
  for (let i = 1; i < n; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    const ga = axis === 0 ? a.gxDps : axis === 1 ? a.gyDps : a.gzDps;
    const gb = axis === 0 ? b.gxDps : axis === 1 ? b.gyDps : b.gzDps;
    theta += ((ga + gb) / 2) * DEG * (b.tS - a.tS);
    if (sign === 0 && Math.abs(theta) > 15 * DEG) sign = Math.sign(theta);
    out[i] = (sign || 1) * theta * radiusCm;
  }
  return out;
}
