/**
 * IMU frame, protocol v1: the payload of one notification on the IMU stream characteristic.
 *
 * ```
 *  byte  0        1        2       3       4      5      6      7
 *      +--------+--------+---------------+-----------------------------+
 *      |version | count  |   sequence    |   t0: sensor time of        |
 *      |  = 1   | 1..40  |   u16 LE      |   sample 0, u32 LE, µs      |
 *      +--------+--------+---------------+-----------------------------+
 *  8 + 12·i  (i = 0 … count−1), all int16 little-endian:
 *      +-------+-------+-------+-------+-------+-------+
 *      |  ax   |  ay   |  az   |  gx   |  gy   |  gz   |
 *      +-------+-------+-------+-------+-------+-------+
 * ```
 *
 * | offset    | size | field    | type   | meaning |
 * |-----------|------|----------|--------|---------|
 * | 0         | 1    | version  | u8     | frame format version, 1 |
 * | 1         | 1    | count    | u8     | samples in this frame, 1 … 40 |
 * | 2         | 2    | sequence | u16 LE | frame counter, +1 per frame sent, wraps 65535 → 0 |
 * | 4         | 4    | t0       | u32 LE | sensor clock at sample 0, µs, wraps every 2^32 µs (≈ 71.6 min) |
 * | 8 + 12·i  | 2    | ax       | i16 LE | specific force X, LSB = accel range / 32768 g |
 * | 10 + 12·i | 2    | ay       | i16 LE | specific force Y |
 * | 12 + 12·i | 2    | az       | i16 LE | specific force Z |
 * | 14 + 12·i | 2    | gx       | i16 LE | angular rate X, LSB = gyro range / 32768 °/s |
 * | 16 + 12·i | 2    | gy       | i16 LE | angular rate Y |
 * | 18 + 12·i | 2    | gz       | i16 LE | angular rate Z |
 *
 * Sample i was taken at t0 + i · (10^6 / sample rate) µs. The length must be exactly
 * 8 + 12 · count bytes. One sample (20 bytes) fits the default 20-byte ATT payload.
 */

export const FRAME_VERSION = 1;
export const FRAME_HEADER_BYTES = 8;
export const SAMPLE_BYTES = 12;
/** 8 + 12 · 40 = 488 bytes, within the largest ATT payload (514). */
export const MAX_SAMPLES_PER_FRAME = 40;

export const OFFSET_VERSION = 0;
export const OFFSET_COUNT = 1;
export const OFFSET_SEQUENCE = 2;
export const OFFSET_T0_US = 4;

export const SEQUENCE_MODULUS = 0x1_0000;
export const CLOCK_MODULUS_US = 0x1_0000_0000;

/** Full-scale value of the int16 sample fields: raw · range / 32768 gives the physical value. */
export const INT16_FULL_SCALE = 32768;

/** Bytes of a frame holding `count` samples. */
export function frameBytes(count: number): number {
  return FRAME_HEADER_BYTES + SAMPLE_BYTES * count;
}

/** How many samples fit one notification of `attPayloadBytes` (MTU − 3), capped at the protocol maximum. */
export function samplesPerFrameFor(attPayloadBytes: number): number {
  const fit = Math.floor((attPayloadBytes - FRAME_HEADER_BYTES) / SAMPLE_BYTES);
  return Math.max(0, Math.min(MAX_SAMPLES_PER_FRAME, fit));
}
