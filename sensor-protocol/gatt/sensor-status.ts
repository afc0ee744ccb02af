/**
 * Status characteristic (read / notify), protocol v1. 9 bytes:
 *
 * | offset | size | field           | type   | values |
 * |--------|------|-----------------|--------|--------|
 * | 0      | 1    | state           | u8     | 0 idle, 1 streaming, 2 calibrating, 3 error |
 * | 1      | 1    | error code      | u8     | 0 none, 1 IMU not found, 2 IMU FIFO overflow, 3 low battery |
 * | 2      | 1    | firmware major  | u8     | |
 * | 3      | 1    | firmware minor  | u8     | |
 * | 4      | 1    | firmware patch  | u8     | |
 * | 5      | 4    | dropped samples | u32 LE | samples the sensor could not send since power-on (FIFO overflow, full radio queue) |
 *
 * The sensor notifies status when its state or error changes, and at most once a second while
 * the dropped-sample counter grows.
 */
export const STATUS_BYTES = 9;

export const SENSOR_STATES = ['idle', 'streaming', 'calibrating', 'error'] as const;
export type SensorState = (typeof SENSOR_STATES)[number];

export const SENSOR_ERRORS = ['none', 'imu-not-found', 'fifo-overflow', 'low-battery'] as const;
export type SensorError = (typeof SENSOR_ERRORS)[number];

export interface SensorStatus {
  state: SensorState;
  error: SensorError;
  firmwareVersion: string;
  droppedSamples: number;
}

export type StatusDecodeResult = { ok: true; status: SensorStatus } | { ok: false; reason: 'truncated' | 'bad-value'; message: string };

export function encodeSensorStatus(status: SensorStatus): Uint8Array {
  const state = SENSOR_STATES.indexOf(status.state);
  const error = SENSOR_ERRORS.indexOf(status.error);
  const version = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(status.firmwareVersion);
  if (state < 0 || error < 0 || !version) throw new RangeError(`sensor status: cannot encode ${JSON.stringify(status)}`);
  const parts = version.slice(1, 4).map(Number);
  if (parts.some((p) => p > 255)) throw new RangeError(`sensor status: firmware version ${status.firmwareVersion} out of range`);
  if (!Number.isInteger(status.droppedSamples) || status.droppedSamples < 0 || status.droppedSamples > 0xffff_ffff) {
    throw new RangeError(`sensor status: dropped samples ${status.droppedSamples} out of range`);
  }
  const out = new Uint8Array(STATUS_BYTES);
  const view = new DataView(out.buffer);
  view.setUint8(0, state);
  view.setUint8(1, error);
  parts.forEach((p, i) => view.setUint8(2 + i, p));
  view.setUint32(5, status.droppedSamples, true);
  return out;
}

export function decodeSensorStatus(bytes: Uint8Array): StatusDecodeResult {
  if (bytes.length < STATUS_BYTES) {
    return { ok: false, reason: 'truncated', message: `sensor status: ${bytes.length} bytes, expected ${STATUS_BYTES}` };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const state = SENSOR_STATES[view.getUint8(0)];
  const error = SENSOR_ERRORS[view.getUint8(1)];
  if (!state) return { ok: false, reason: 'bad-value', message: `sensor status: state ${view.getUint8(0)} is unknown` };
  if (!error) return { ok: false, reason: 'bad-value', message: `sensor status: error code ${view.getUint8(1)} is unknown` };
  return {
    ok: true,
    status: {
      state,
      error,
      firmwareVersion: `${view.getUint8(2)}.${view.getUint8(3)}.${view.getUint8(4)}`,
      droppedSamples: view.getUint32(5, true),
    },
  };
}
