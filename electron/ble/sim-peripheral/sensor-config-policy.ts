/**
 * What the simulated Roller sensor does with a write to its configuration characteristic
 * (7 bytes, sensor-protocol/gatt/sensor-config.ts), the way a real sensor would:
 *
 * | written                              | result |
 * |--------------------------------------|--------|
 * | fewer than 7 bytes                   | ATT error Invalid Attribute Value Length (0x0D), nothing changes |
 * | version ≠ 1, or a zero field         | ATT error Value Not Allowed (0x13), nothing changes |
 * | a rate the IMU does not have         | the nearest supported rate (ties go up) |
 * | a range that is not ±2/4/8/16 g, ±125…2000 °/s | the nearest supported range (ties go up: more headroom) |
 * | samples per frame above what fits    | the most that fit the connection's ATT payload (and ≤ 40) |
 * | bytes beyond the 7                   | ignored (room for later fields) |
 *
 * Pure.
 */
import { ACCEL_RANGES_G, CONFIG_BYTES, CONFIG_VERSION, GYRO_RANGES_DPS, type SensorConfig } from '../../../sensor-protocol/gatt/sensor-config';
import { MAX_SAMPLES_PER_FRAME } from '../../../sensor-protocol/frame/frame-layout';
import { ATT_ERROR, attError, type AttError } from './att-error';

/** Output data rates of the simulated IMU, Hz (a BMI270-like part). */
export const DEFAULT_SUPPORTED_SAMPLE_RATES_HZ: readonly number[] = Object.freeze([25, 50, 100, 200, 400]);

export interface ConfigPolicy {
  supportedSampleRatesHz: readonly number[];
  /** Most samples one frame may carry on the current connection (from its ATT payload). */
  maxSamplesPerFrame: number;
}

export type ConfigWriteResult = { ok: true; config: SensorConfig; adjusted: (keyof SensorConfig)[] } | AttError;

export function applyConfigWrite(bytes: Uint8Array, policy: ConfigPolicy): ConfigWriteResult {
  if (bytes.length < CONFIG_BYTES) {
    return attError(ATT_ERROR.invalidAttributeValueLength, `sensor configuration: ${bytes.length} bytes, expected ${CONFIG_BYTES}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint8(0);
  if (version !== CONFIG_VERSION) return attError(ATT_ERROR.valueNotAllowed, `sensor configuration: version ${version}, expected ${CONFIG_VERSION}`);
  const asked = {
    sampleRateHz: view.getUint16(1, true),
    accelRangeG: view.getUint8(3),
    gyroRangeDps: view.getUint16(4, true),
    samplesPerFrame: view.getUint8(6),
  };
  const zero = (Object.keys(asked) as (keyof typeof asked)[]).find((k) => asked[k] === 0);
  if (zero) return attError(ATT_ERROR.valueNotAllowed, `sensor configuration: ${zero} = 0 is not allowed`);

  const spfLimit = Math.max(1, Math.min(MAX_SAMPLES_PER_FRAME, policy.maxSamplesPerFrame));
  const config: SensorConfig = {
    sampleRateHz: nearest(asked.sampleRateHz, policy.supportedSampleRatesHz),
    accelRangeG: nearest(asked.accelRangeG, ACCEL_RANGES_G),
    gyroRangeDps: nearest(asked.gyroRangeDps, GYRO_RANGES_DPS),
    samplesPerFrame: Math.min(asked.samplesPerFrame, spfLimit),
  };
  const adjusted = (Object.keys(asked) as (keyof SensorConfig)[]).filter((k) => config[k] !== asked[k]);
  return { ok: true, config, adjusted };
}

/** The value of `options` closest to `value`; on a tie the larger one. */
export function nearest<T extends number>(value: number, options: readonly T[]): T {
  let best = options[0];
  if (best === undefined) throw new RangeError('nearest: no options');
  for (const option of options) {
    const d = Math.abs(option - value);
    const bestD = Math.abs(best - value);
    if (d < bestD || (d === bestD && option > best)) best = option;
  }
  return best;
}
