import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, toRaw } from '../../../sensor-protocol/frame/frame-codec';
import { frameBytes, samplesPerFrameFor } from '../../../sensor-protocol/frame/frame-layout';
import { DEFAULT_ATT_PAYLOAD_BYTES, MAX_ATT_PAYLOAD_BYTES } from '../../../sensor-protocol/gatt/gatt-profile';

describe('frame codec', () => {
  it('fits one sample in the default 20-byte ATT payload and 40 in the largest', () => {
    expect(frameBytes(1)).toBe(DEFAULT_ATT_PAYLOAD_BYTES);
    expect(samplesPerFrameFor(DEFAULT_ATT_PAYLOAD_BYTES)).toBe(1);
    expect(samplesPerFrameFor(244)).toBe(19); // MTU 247, the usual desktop/phone value
    expect(samplesPerFrameFor(MAX_ATT_PAYLOAD_BYTES)).toBe(40);
    expect(samplesPerFrameFor(7)).toBe(0);
  });

  it('reads a frame from a view into a larger buffer (Node Buffer pooling)', () => {
    const bytes = encodeFrame({ sequence: 3, t0Us: 77, raw: Int16Array.from([1, 2, 3, 4, 5, -6]) });
    const pool = new Uint8Array(64);
    pool.set(bytes, 17);
    const r = decodeFrame(pool.subarray(17, 17 + bytes.length));
    expect(r.ok && Array.from(r.frame.raw)).toEqual([1, 2, 3, 4, 5, -6]);
  });

  it('names the field and byte in its rejections', () => {
    expect(decodeFrame(Uint8Array.from([7, 1, 0, 0, 0, 0, 0, 0]))).toMatchObject({ reason: 'bad-version', message: 'frame: version 7 at byte 0, expected 1' });
    expect(decodeFrame(Uint8Array.from([1, 99, 0, 0, 0, 0, 0, 0]))).toMatchObject({ reason: 'bad-count', message: expect.stringContaining('sample count 99 at byte 1') });
  });

  it('refuses to encode what the format cannot carry', () => {
    const raw = new Int16Array(6);
    expect(() => encodeFrame({ sequence: 65536, t0Us: 0, raw })).toThrow(RangeError);
    expect(() => encodeFrame({ sequence: 0, t0Us: 2 ** 32, raw })).toThrow(RangeError);
    expect(() => encodeFrame({ sequence: 0, t0Us: -1, raw })).toThrow(RangeError);
    expect(() => encodeFrame({ sequence: 0, t0Us: 0, raw: new Int16Array(7) })).toThrow(RangeError);
    expect(() => encodeFrame({ sequence: 0, t0Us: 0, raw: new Int16Array(41 * 6) })).toThrow(RangeError);
  });

  it('scales physical values to int16 with rounding and clamping', () => {
    expect(toRaw(1, 4)).toBe(8192);
    expect(toRaw(-4, 4)).toBe(-32768);
    expect(toRaw(4, 4)).toBe(32767);
    expect(toRaw(50, 4)).toBe(32767);
    expect(toRaw(-Infinity, 500)).toBe(-32768);
    expect(toRaw(Number.NaN, 500)).toBe(0);
    expect(toRaw(19.1, 500)).toBe(1252);
  });
});
