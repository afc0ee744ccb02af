/**
 * The 20-byte records a WitMotion BLE 5.0 IMU sends on its notify characteristic.
 * All multi-byte values are little-endian; there is no checksum and no sensor timestamp.
 *
 * Sample record (flag 0x61, sent continuously at the configured output rate):
 *
 * | offset | size | field     | type     | unit / scale                      |
 * |--------|------|-----------|----------|-----------------------------------|
 * | 0      | 1    | header    | u8       | 0x55                              |
 * | 1      | 1    | flag      | u8       | 0x61                              |
 * | 2      | 2    | accel x   | int16 LE | g = raw / 32768 × 16   (±16 g)    |
 * | 4      | 2    | accel y   | int16 LE | g = raw / 32768 × 16              |
 * | 6      | 2    | accel z   | int16 LE | g = raw / 32768 × 16              |
 * | 8      | 2    | gyro x    | int16 LE | °/s = raw / 32768 × 2000 (±2000)  |
 * | 10     | 2    | gyro y    | int16 LE | °/s = raw / 32768 × 2000          |
 * | 12     | 2    | gyro z    | int16 LE | °/s = raw / 32768 × 2000          |
 * | 14     | 2    | roll (x)  | int16 LE | ° = raw / 32768 × 180  (±180°)    |
 * | 16     | 2    | pitch (y) | int16 LE | ° = raw / 32768 × 180             |
 * | 18     | 2    | yaw (z)   | int16 LE | ° = raw / 32768 × 180             |
 *
 * Register reply (flag 0x71, one per "read register" command, `FF AA 27 RR 00`):
 *
 * | offset | size | field              | type     | meaning                                |
 * |--------|------|--------------------|----------|----------------------------------------|
 * | 0      | 1    | header             | u8       | 0x55                                   |
 * | 1      | 1    | flag               | u8       | 0x71                                   |
 * | 2      | 2    | start register     | u16 LE   | address of the first register returned |
 * | 4      | 16   | 8 register values  | int16 LE | registers start … start + 7            |
 *
 * Golden vector (a unit at rest): `55 61 FC FF EF FF 11 08 00 00 00 00 00 00 98 FF 0D 00 F8 31`
 * → accel (−0.0020, −0.0083, 1.0083) g, gyro (0, 0, 0) °/s, angles (−0.571, 0.071, 70.269)°.
 *
 * Spec: WT901BLECL datasheet §6.1 ("Module to APP"). Pure: no I/O; decoders never throw.
 */

export const WITMOTION_RECORD_BYTES = 20;
export const WITMOTION_HEADER_BYTE = 0x55;
export const WITMOTION_FLAG_SAMPLE = 0x61;
export const WITMOTION_FLAG_REGISTER = 0x71;
/** Flags this decoder knows; any other byte after 0x55 is not a record start. */
export const WITMOTION_KNOWN_FLAGS: readonly number[] = Object.freeze([WITMOTION_FLAG_SAMPLE, WITMOTION_FLAG_REGISTER]);

/** Byte offsets of the int16 fields of a sample record. */
export const WITMOTION_SAMPLE_OFFSET = Object.freeze({
  accelX: 2,
  accelY: 4,
  accelZ: 6,
  gyroX: 8,
  gyroY: 10,
  gyroZ: 12,
  roll: 14,
  pitch: 16,
  yaw: 18,
} as const);

/** Byte offsets of a register reply. */
export const WITMOTION_REGISTER_START_OFFSET = 2;
export const WITMOTION_REGISTER_VALUES_OFFSET = 4;
export const WITMOTION_REGISTER_VALUE_COUNT = 8;

/** int16 full-scale count: raw / 32768 × full scale. */
export const WITMOTION_FULL_SCALE_COUNTS = 32768;
export const WITMOTION_ACCEL_FULL_SCALE_G = 16;
export const WITMOTION_GYRO_FULL_SCALE_DPS = 2000;
export const WITMOTION_ANGLE_FULL_SCALE_DEG = 180;

export const WITMOTION_G_PER_COUNT = WITMOTION_ACCEL_FULL_SCALE_G / WITMOTION_FULL_SCALE_COUNTS;
export const WITMOTION_DPS_PER_COUNT = WITMOTION_GYRO_FULL_SCALE_DPS / WITMOTION_FULL_SCALE_COUNTS;
export const WITMOTION_DEG_PER_COUNT = WITMOTION_ANGLE_FULL_SCALE_DEG / WITMOTION_FULL_SCALE_COUNTS;

/** Euler angles computed on the unit, degrees, in the unit's frame. */
export interface WitmotionAnglesDeg {
  rollDeg: number;
  pitchDeg: number;
  yawDeg: number;
}

/** A sample record in physical units, without time (the unit has no clock; the stream adds it). */
export interface WitmotionSampleValues {
  axG: number;
  ayG: number;
  azG: number;
  gxDps: number;
  gyDps: number;
  gzDps: number;
  anglesDeg: WitmotionAnglesDeg;
}

export interface WitmotionRegisterValues {
  /** Address of the first register in `values`. */
  startRegister: number;
  /** Registers startRegister … startRegister + 7 as int16 (mask with 0xFFFF for unsigned registers). */
  values: number[];
}

export type WitmotionRecordRejectReason = 'truncated' | 'bad-header' | 'wrong-flag';

export interface WitmotionRecordRejection {
  ok: false;
  reason: WitmotionRecordRejectReason;
  message: string;
}

export type WitmotionSampleDecodeResult = ({ ok: true } & WitmotionSampleValues) | WitmotionRecordRejection;
export type WitmotionRegisterDecodeResult = ({ ok: true } & WitmotionRegisterValues) | WitmotionRecordRejection;

export function isKnownWitmotionFlag(flag: number): boolean {
  return WITMOTION_KNOWN_FLAGS.includes(flag);
}

/** Decodes the sample record starting at `offset` in `bytes`. */
export function decodeWitmotionSampleRecord(bytes: Uint8Array, offset = 0): WitmotionSampleDecodeResult {
  const rejection = checkRecord(bytes, offset, WITMOTION_FLAG_SAMPLE);
  if (rejection) return rejection;
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, WITMOTION_RECORD_BYTES);
  const raw = (fieldOffset: number) => view.getInt16(fieldOffset, true);
  const o = WITMOTION_SAMPLE_OFFSET;
  return {
    ok: true,
    axG: raw(o.accelX) * WITMOTION_G_PER_COUNT,
    ayG: raw(o.accelY) * WITMOTION_G_PER_COUNT,
    azG: raw(o.accelZ) * WITMOTION_G_PER_COUNT,
    gxDps: raw(o.gyroX) * WITMOTION_DPS_PER_COUNT,
    gyDps: raw(o.gyroY) * WITMOTION_DPS_PER_COUNT,
    gzDps: raw(o.gyroZ) * WITMOTION_DPS_PER_COUNT,
    anglesDeg: {
      rollDeg: raw(o.roll) * WITMOTION_DEG_PER_COUNT,
      pitchDeg: raw(o.pitch) * WITMOTION_DEG_PER_COUNT,
      yawDeg: raw(o.yaw) * WITMOTION_DEG_PER_COUNT,
    },
  };
}

/** Decodes the register reply starting at `offset` in `bytes`. */
export function decodeWitmotionRegisterRecord(bytes: Uint8Array, offset = 0): WitmotionRegisterDecodeResult {
  const rejection = checkRecord(bytes, offset, WITMOTION_FLAG_REGISTER);
  if (rejection) return rejection;
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, WITMOTION_RECORD_BYTES);
  const values: number[] = [];
  for (let i = 0; i < WITMOTION_REGISTER_VALUE_COUNT; i++) {
    values.push(view.getInt16(WITMOTION_REGISTER_VALUES_OFFSET + 2 * i, true));
  }
  return { ok: true, startRegister: view.getUint16(WITMOTION_REGISTER_START_OFFSET, true), values };
}

function checkRecord(bytes: Uint8Array, offset: number, flag: number): WitmotionRecordRejection | null {
  if (!Number.isInteger(offset) || offset < 0 || bytes.length - offset < WITMOTION_RECORD_BYTES) {
    return {
      ok: false,
      reason: 'truncated',
      message: `WitMotion record: need ${WITMOTION_RECORD_BYTES} bytes at offset ${offset}, have ${Math.max(0, bytes.length - offset)}`,
    };
  }
  const header = bytes[offset];
  if (header !== WITMOTION_HEADER_BYTE) {
    return { ok: false, reason: 'bad-header', message: `WitMotion record: header ${hex(header)}, expected ${hex(WITMOTION_HEADER_BYTE)}` };
  }
  const actualFlag = bytes[offset + 1];
  if (actualFlag !== flag) {
    return { ok: false, reason: 'wrong-flag', message: `WitMotion record: flag ${hex(actualFlag)}, expected ${hex(flag)}` };
  }
  return null;
}

function hex(byte: number | undefined): string {
  return byte === undefined ? '(none)' : `0x${byte.toString(16).padStart(2, '0').toUpperCase()}`;
}
