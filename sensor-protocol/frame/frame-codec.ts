/**
 * Encode and decode one IMU frame (layout drawn in ./frame-layout.ts and tabled in
 * sensor-protocol/README.md). This is the stateless part: bytes ↔ header + raw int16 values.
 * Sequence tracking, clock unwrapping and physical units live in ./frame-decoder.ts.
 *
 * `decodeFrame` never throws: any input that is not a well-formed v1 frame comes back as a
 * {@link FrameRejection} with a reason and a message naming the offending field.
 */
import { CLOCK_MODULUS_US, FRAME_HEADER_BYTES, FRAME_VERSION, MAX_SAMPLES_PER_FRAME, OFFSET_COUNT, OFFSET_SEQUENCE, OFFSET_T0_US, OFFSET_VERSION, SEQUENCE_MODULUS, frameBytes } from './frame-layout';

/** Header fields plus `raw`: count × (ax, ay, az, gx, gy, gz) int16 values, sample-major. */
export interface RawFrame {
  sequence: number;
  t0Us: number;
  raw: Int16Array;
}

export const FRAME_REJECTION_REASONS = ['not-bytes', 'truncated', 'bad-version', 'bad-count', 'length-mismatch', 'duplicate', 'stale', 'time-overlap'] as const;
export type FrameRejectionReason = (typeof FRAME_REJECTION_REASONS)[number];

export interface FrameRejection {
  ok: false;
  reason: FrameRejectionReason;
  message: string;
  byteLength: number;
}

export type FrameDecodeResult = { ok: true; frame: RawFrame } | FrameRejection;

export function reject(reason: FrameRejectionReason, message: string, byteLength: number): FrameRejection {
  return { ok: false, reason, message, byteLength };
}

export function decodeFrame(bytes: Uint8Array): FrameDecodeResult {
  if (!(bytes instanceof Uint8Array)) return reject('not-bytes', 'frame: payload is not a byte array', 0);
  const n = bytes.length;
  if (n < FRAME_HEADER_BYTES) {
    return reject('truncated', `frame: ${n} bytes, shorter than the ${FRAME_HEADER_BYTES}-byte header`, n);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, n);
  const version = view.getUint8(OFFSET_VERSION);
  if (version !== FRAME_VERSION) {
    return reject('bad-version', `frame: version ${version} at byte 0, expected ${FRAME_VERSION}`, n);
  }
  const count = view.getUint8(OFFSET_COUNT);
  if (count < 1 || count > MAX_SAMPLES_PER_FRAME) {
    return reject('bad-count', `frame: sample count ${count} at byte 1 is outside 1…${MAX_SAMPLES_PER_FRAME}`, n);
  }
  const expected = frameBytes(count);
  if (n < expected) {
    return reject('truncated', `frame: ${n} bytes, but count ${count} needs ${expected}`, n);
  }
  if (n > expected) {
    return reject('length-mismatch', `frame: ${n} bytes, but count ${count} needs exactly ${expected}`, n);
  }
  const raw = new Int16Array(count * 6);
  for (let i = 0, off = FRAME_HEADER_BYTES; i < raw.length; i++, off += 2) raw[i] = view.getInt16(off, true);
  return {
    ok: true,
    frame: { sequence: view.getUint16(OFFSET_SEQUENCE, true), t0Us: view.getUint32(OFFSET_T0_US, true), raw },
  };
}

/** Encodes a frame. Throws RangeError on values the format cannot carry (a programming error). */
export function encodeFrame(frame: RawFrame): Uint8Array {
  const count = frame.raw.length / 6;
  if (!Number.isInteger(count) || count < 1 || count > MAX_SAMPLES_PER_FRAME) {
    throw new RangeError(`frame: ${frame.raw.length} raw values is not 6 × 1…${MAX_SAMPLES_PER_FRAME} samples`);
  }
  if (!Number.isInteger(frame.sequence) || frame.sequence < 0 || frame.sequence >= SEQUENCE_MODULUS) {
    throw new RangeError(`frame: sequence ${frame.sequence} is not a u16`);
  }
  if (!Number.isInteger(frame.t0Us) || frame.t0Us < 0 || frame.t0Us >= CLOCK_MODULUS_US) {
    throw new RangeError(`frame: t0 ${frame.t0Us} µs is not a u32`);
  }
  const out = new Uint8Array(frameBytes(count));
  const view = new DataView(out.buffer);
  view.setUint8(OFFSET_VERSION, FRAME_VERSION);
  view.setUint8(OFFSET_COUNT, count);
  view.setUint16(OFFSET_SEQUENCE, frame.sequence, true);
  view.setUint32(OFFSET_T0_US, frame.t0Us, true);
  for (let i = 0, off = FRAME_HEADER_BYTES; i < frame.raw.length; i++, off += 2) view.setInt16(off, frame.raw[i] ?? 0, true);
  return out;
}

/** Physical value → int16 in the protocol's scale (LSB = range / 32768), rounded and clamped. */
export function toRaw(value: number, range: number): number {
  const scaled = Math.round((value / range) * 32768);
  if (Number.isNaN(scaled)) return 0;
  return Math.max(-32768, Math.min(32767, scaled));
}
