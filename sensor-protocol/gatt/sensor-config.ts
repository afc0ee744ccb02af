/**
 * Sensor configuration characteristic (read / write), protocol v1. 7 bytes:
 *
 * | offset | size | field            | type   | values |
 * |--------|------|------------------|--------|--------|
 * | 0      | 1    | config version   | u8     | 1 |
 * | 1      | 2    | sample rate      | u16 LE | 25 … 420 Hz (the rate the IMU really runs at, e.g. 104) |
 * | 3      | 1    | accel range      | u8     | 2, 4, 8 or 16 (± g) |
 * | 4      | 2    | gyro range       | u16 LE | 125, 250, 500, 1000 or 2000 (± °/s) |
 * | 6      | 1    | samples / frame  | u8     | 1 … 40 |
 *
 * The app writes the configuration it wants, then reads it back: a sensor that cannot honour
 * a value answers with the nearest one it supports, and the read-back value is what the
 * decoder uses.
 */
import { z } from 'zod';
import { MAX_SAMPLES_PER_FRAME } from '../frame/frame-layout';

export const CONFIG_VERSION = 1;
export const CONFIG_BYTES = 7;
export const ACCEL_RANGES_G = [2, 4, 8, 16] as const;
export const GYRO_RANGES_DPS = [125, 250, 500, 1000, 2000] as const;
export const MIN_SAMPLE_RATE_HZ = 25;
/** 416 Hz is a common IMU output data rate (LSM6DS3 family); 420 leaves room for it. */
export const MAX_SAMPLE_RATE_HZ = 420;

export const SensorConfigSchema = z.object({
  sampleRateHz: z.number().int().min(MIN_SAMPLE_RATE_HZ).max(MAX_SAMPLE_RATE_HZ),
  accelRangeG: z.union(ACCEL_RANGES_G.map((v) => z.literal(v))),
  gyroRangeDps: z.union(GYRO_RANGES_DPS.map((v) => z.literal(v))),
  samplesPerFrame: z.number().int().min(1).max(MAX_SAMPLES_PER_FRAME),
});
export type SensorConfig = z.infer<typeof SensorConfigSchema>;

/** 100 Hz, ±4 g, ±500 °/s, one sample per frame (fits the default 20-byte ATT payload). */
export const DEFAULT_SENSOR_CONFIG: SensorConfig = Object.freeze({
  sampleRateHz: 100,
  accelRangeG: 4,
  gyroRangeDps: 500,
  samplesPerFrame: 1,
});

export type ConfigDecodeResult = { ok: true; config: SensorConfig } | { ok: false; reason: 'truncated' | 'bad-version' | 'bad-value'; message: string };

export function encodeSensorConfig(config: SensorConfig): Uint8Array {
  const valid = SensorConfigSchema.parse(config);
  const out = new Uint8Array(CONFIG_BYTES);
  const view = new DataView(out.buffer);
  view.setUint8(0, CONFIG_VERSION);
  view.setUint16(1, valid.sampleRateHz, true);
  view.setUint8(3, valid.accelRangeG);
  view.setUint16(4, valid.gyroRangeDps, true);
  view.setUint8(6, valid.samplesPerFrame);
  return out;
}

export function decodeSensorConfig(bytes: Uint8Array): ConfigDecodeResult {
  if (bytes.length < CONFIG_BYTES) {
    return { ok: false, reason: 'truncated', message: `sensor configuration: ${bytes.length} bytes, expected ${CONFIG_BYTES}` };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint8(0);
  if (version !== CONFIG_VERSION) {
    return { ok: false, reason: 'bad-version', message: `sensor configuration: version ${version}, expected ${CONFIG_VERSION}` };
  }
  const candidate = {
    sampleRateHz: view.getUint16(1, true),
    accelRangeG: view.getUint8(3),
    gyroRangeDps: view.getUint16(4, true),
    samplesPerFrame: view.getUint8(6),
  };
  const parsed = SensorConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '?';
    const value = (candidate as Record<string, number>)[field];
    return { ok: false, reason: 'bad-value', message: `sensor configuration: ${field} = ${value} is not allowed` };
  }
  return { ok: true, config: parsed.data };
}
