import { describe, it, expect } from 'vitest';
import { WITMOTION_RECORD_BYTES, decodeWitmotionRegisterRecord, decodeWitmotionSampleRecord, isKnownWitmotionFlag } from '../../../sensor-protocol/witmotion/witmotion-record';

/** Real capture of a unit lying still. */
const AT_REST_HEX = '55 61 FC FF EF FF 11 08 00 00 00 00 00 00 98 FF 0D 00 F8 31';

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.trim().split(/\s+/), (b) => parseInt(b, 16));
}

describe('decodeWitmotionSampleRecord', () => {
  it('decodes the at-rest golden vector', () => {
    const decoded = decodeWitmotionSampleRecord(fromHex(AT_REST_HEX));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.axG).toBeCloseTo(-0.002, 4);
    expect(decoded.ayG).toBeCloseTo(-0.0083, 4);
    expect(decoded.azG).toBeCloseTo(1.0083, 4);
    expect(decoded.gxDps).toBe(0);
    expect(decoded.gyDps).toBe(0);
    expect(decoded.gzDps).toBe(0);
    expect(decoded.anglesDeg.rollDeg).toBeCloseTo(-0.571, 3);
    expect(decoded.anglesDeg.pitchDeg).toBeCloseTo(0.071, 3);
    expect(decoded.anglesDeg.yawDeg).toBeCloseTo(70.269, 3);
  });

  it('reaches the full-scale ends of each field', () => {
    const bytes = new Uint8Array(WITMOTION_RECORD_BYTES);
    bytes.set([0x55, 0x61]);
    const view = new DataView(bytes.buffer);
    [-32768, 32767, 0, -32768, 32767, 1, -32768, 32767, -1].forEach((raw, i) => view.setInt16(2 + 2 * i, raw, true));
    const d = decodeWitmotionSampleRecord(bytes);
    if (!d.ok) throw new Error(d.message);
    expect(d.axG).toBe(-16);
    expect(d.ayG).toBeCloseTo(16 * (32767 / 32768), 12);
    expect(d.gxDps).toBe(-2000);
    expect(d.gyDps).toBeCloseTo(2000 * (32767 / 32768), 12);
    expect(d.gzDps).toBeCloseTo(2000 / 32768, 12);
    expect(d.anglesDeg.rollDeg).toBe(-180);
    expect(d.anglesDeg.yawDeg).toBeCloseTo(-180 / 32768, 12);
  });

  it('decodes at an offset inside a larger buffer', () => {
    const buf = new Uint8Array(25);
    buf.set(fromHex(AT_REST_HEX), 3);
    const d = decodeWitmotionSampleRecord(buf.subarray(1), 2);
    expect(d.ok && d.anglesDeg.yawDeg).toBeCloseTo(70.269, 3);
  });

  it('rejects short input, a bad header and the wrong flag without throwing', () => {
    const good = fromHex(AT_REST_HEX);
    expect(decodeWitmotionSampleRecord(good.subarray(0, 19))).toMatchObject({ ok: false, reason: 'truncated' });
    expect(decodeWitmotionSampleRecord(good, 1)).toMatchObject({ ok: false, reason: 'truncated' });
    expect(decodeWitmotionSampleRecord(good, -1)).toMatchObject({ ok: false, reason: 'truncated' });
    expect(decodeWitmotionSampleRecord(good, Number.NaN)).toMatchObject({ ok: false, reason: 'truncated' });
    const badHeader = good.slice();
    badHeader[0] = 0x54;
    expect(decodeWitmotionSampleRecord(badHeader)).toMatchObject({ ok: false, reason: 'bad-header' });
    const wrongFlag = good.slice();
    wrongFlag[1] = 0x71;
    expect(decodeWitmotionSampleRecord(wrongFlag)).toMatchObject({ ok: false, reason: 'wrong-flag' });
  });
});

describe('decodeWitmotionRegisterRecord', () => {
  it('decodes the magnetic-field example reply from the datasheet', () => {
    // Reply to FF AA 27 3A 00: Hx = 360, Hy = 105, Hz = 122.
    const d = decodeWitmotionRegisterRecord(fromHex('55 71 3A 00 68 01 69 00 7A 00 00 00 00 00 00 00 00 00 00 00'));
    expect(d).toEqual({ ok: true, startRegister: 0x3a, values: [360, 105, 122, 0, 0, 0, 0, 0] });
  });

  it('reads values as int16 and the start register as u16', () => {
    const d = decodeWitmotionRegisterRecord(fromHex('55 71 03 01 FF FF 00 80 FF 7F 09 00 00 00 00 00 00 00 01 00'));
    expect(d).toEqual({ ok: true, startRegister: 0x0103, values: [-1, -32768, 32767, 9, 0, 0, 0, 1] });
  });

  it('rejects a sample record', () => {
    expect(decodeWitmotionRegisterRecord(fromHex(AT_REST_HEX))).toMatchObject({ ok: false, reason: 'wrong-flag' });
  });
});

describe('isKnownWitmotionFlag', () => {
  it('knows 0x61 and 0x71 only', () => {
    const known = Array.from({ length: 256 }, (_, b) => b).filter(isKnownWitmotionFlag);
    expect(known).toEqual([0x61, 0x71]);
  });
});
