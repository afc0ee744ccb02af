/**
 * Encodes the 20-byte records a WitMotion BLE 5.0 IMU sends (layout and scales in
 * sensor-protocol/witmotion/witmotion-record.ts, whose decoder reads them back): the 0x61
 * sample record and the 0x71 register reply. Values are rounded to the int16 LSB and clamped
 * to the full scale (±16 g, ±2000 °/s, ±180°). Pure.
 */
import {
  WITMOTION_ACCEL_FULL_SCALE_G,
  WITMOTION_ANGLE_FULL_SCALE_DEG,
  WITMOTION_FLAG_REGISTER,
  WITMOTION_FLAG_SAMPLE,
  WITMOTION_FULL_SCALE_COUNTS,
  WITMOTION_GYRO_FULL_SCALE_DPS,
  WITMOTION_HEADER_BYTE,
  WITMOTION_RECORD_BYTES,
  WITMOTION_REGISTER_START_OFFSET,
  WITMOTION_REGISTER_VALUES_OFFSET,
  WITMOTION_REGISTER_VALUE_COUNT,
  WITMOTION_SAMPLE_OFFSET,
  type WitmotionSampleValues,
} from '../../../sensor-protocol/witmotion/witmotion-record';

export function encodeWitmotionSampleRecord(values: WitmotionSampleValues): Uint8Array {
  const out = new Uint8Array(WITMOTION_RECORD_BYTES);
  const view = new DataView(out.buffer);
  out[0] = WITMOTION_HEADER_BYTE;
  out[1] = WITMOTION_FLAG_SAMPLE;
  const o = WITMOTION_SAMPLE_OFFSET;
  const a = WITMOTION_ACCEL_FULL_SCALE_G;
  const g = WITMOTION_GYRO_FULL_SCALE_DPS;
  const d = WITMOTION_ANGLE_FULL_SCALE_DEG;
  view.setInt16(o.accelX, counts(values.axG, a), true);
  view.setInt16(o.accelY, counts(values.ayG, a), true);
  view.setInt16(o.accelZ, counts(values.azG, a), true);
  view.setInt16(o.gyroX, counts(values.gxDps, g), true);
  view.setInt16(o.gyroY, counts(values.gyDps, g), true);
  view.setInt16(o.gyroZ, counts(values.gzDps, g), true);
  view.setInt16(o.roll, counts(values.anglesDeg.rollDeg, d), true);
  view.setInt16(o.pitch, counts(values.anglesDeg.pitchDeg, d), true);
  view.setInt16(o.yaw, counts(values.anglesDeg.yawDeg, d), true);
  return out;
}

/** Reply to "read register": registers `startRegister` … + 7 as int16. */
export function encodeWitmotionRegisterRecord(startRegister: number, values: readonly number[]): Uint8Array {
  const out = new Uint8Array(WITMOTION_RECORD_BYTES);
  const view = new DataView(out.buffer);
  out[0] = WITMOTION_HEADER_BYTE;
  out[1] = WITMOTION_FLAG_REGISTER;
  view.setUint16(WITMOTION_REGISTER_START_OFFSET, startRegister & 0xffff, true);
  for (let i = 0; i < WITMOTION_REGISTER_VALUE_COUNT; i++) {
    view.setUint16(WITMOTION_REGISTER_VALUES_OFFSET + 2 * i, (values[i] ?? 0) & 0xffff, true);
  }
  return out;
}

function counts(value: number, fullScale: number): number {
  const raw = Math.round((value / fullScale) * WITMOTION_FULL_SCALE_COUNTS);
  if (Number.isNaN(raw)) return 0;
  return Math.max(-WITMOTION_FULL_SCALE_COUNTS, Math.min(WITMOTION_FULL_SCALE_COUNTS - 1, raw));
}
