import { describe, it, expect } from 'vitest';
import { WitmotionStreamParser, type WitmotionPushResult, type WitmotionSampleRecord, type WitmotionStreamRecord } from '../../../sensor-protocol/witmotion/witmotion-stream';

const AT_REST_HEX = '55 61 FC FF EF FF 11 08 00 00 00 00 00 00 98 FF 0D 00 F8 31';
const REGISTER_HEX = '55 71 3A 00 68 01 69 00 7A 00 00 00 00 00 00 00 00 00 00 00';

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.trim().split(/\s+/), (b) => parseInt(b, 16));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A sample record whose accel x raw value is `marker`, so records can be told apart. */
function sampleRecord(marker: number): Uint8Array {
  const bytes = fromHex(AT_REST_HEX);
  new DataView(bytes.buffer).setInt16(2, marker, true);
  return bytes;
}

const samplesOf = (records: WitmotionStreamRecord[]) => records.filter((r): r is WitmotionSampleRecord => r.kind === 'sample');

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('WitmotionStreamParser: framing', () => {
  it('decodes the at-rest capture into an ImuSample plus angles', () => {
    const parser = new WitmotionStreamParser();
    const { records, rejections } = parser.push(fromHex(AT_REST_HEX), 12.5);
    expect(rejections).toEqual([]);
    expect(records).toHaveLength(1);
    const r = records[0];
    if (r?.kind !== 'sample') throw new Error('expected a sample');
    expect(r.sample.tS).toBe(12.5);
    expect(r.sample.axG).toBeCloseTo(-0.002, 4);
    expect(r.sample.ayG).toBeCloseTo(-0.0083, 4);
    expect(r.sample.azG).toBeCloseTo(1.0083, 4);
    expect([r.sample.gxDps, r.sample.gyDps, r.sample.gzDps]).toEqual([0, 0, 0]);
    expect(r.anglesDeg.rollDeg).toBeCloseTo(-0.571, 3);
    expect(r.anglesDeg.pitchDeg).toBeCloseTo(0.071, 3);
    expect(r.anglesDeg.yawDeg).toBeCloseTo(70.269, 3);
    expect(Object.keys(r.sample).sort()).toEqual(['axG', 'ayG', 'azG', 'gxDps', 'gyDps', 'gzDps', 'tS']);
    expect(r.offset).toBe(0);
    expect(parser.counters).toMatchObject({ sampleRecords: 1, skippedBytes: 0, bufferedBytes: 0, bytesIn: 20 });
  });

  it('decodes several records carried in one notification', () => {
    const parser = new WitmotionStreamParser();
    const { records } = parser.push(concat(sampleRecord(1), sampleRecord(2), fromHex(REGISTER_HEX), sampleRecord(3)), 1);
    expect(records.map((r) => r.kind)).toEqual(['sample', 'sample', 'register', 'sample']);
    expect(records.map((r) => r.offset)).toEqual([0, 20, 40, 60]);
    expect(samplesOf(records).map((r) => Math.round((r.sample.axG * 32768) / 16))).toEqual([1, 2, 3]);
  });

  it('joins a record split across 2 notifications at every split point', () => {
    const whole = fromHex(AT_REST_HEX);
    const expected = new WitmotionStreamParser().push(whole, 5).records;
    for (let cut = 1; cut < whole.length; cut++) {
      const parser = new WitmotionStreamParser();
      const first = parser.push(whole.subarray(0, cut), 4.99);
      expect(first.records).toEqual([]);
      expect(first.rejections).toEqual([]);
      expect(parser.bufferedBytes).toBe(cut);
      const second = parser.push(whole.subarray(cut), 5);
      expect(second.records).toEqual(expected);
      expect(parser.bufferedBytes).toBe(0);
      expect(parser.skippedBytes).toBe(0);
    }
  });

  it('joins a record split across 3 notifications at every pair of split points', () => {
    const whole = fromHex(AT_REST_HEX);
    const expected = new WitmotionStreamParser().push(whole, 5).records;
    let cases = 0;
    for (let a = 1; a < whole.length - 1; a++) {
      for (let b = a + 1; b < whole.length; b++) {
        const parser = new WitmotionStreamParser();
        expect(parser.push(whole.subarray(0, a), 4.98).records).toEqual([]);
        expect(parser.push(whole.subarray(a, b), 4.99).records).toEqual([]);
        const last = parser.push(whole.subarray(b), 5);
        expect(last.records).toEqual(expected);
        expect(last.rejections).toEqual([]);
        expect(parser.skippedBytes).toBe(0);
        cases++;
      }
    }
    expect(cases).toBe((19 * 18) / 2);
  });

  it('handles records straddling notification boundaries in a back-to-back stream', () => {
    const stream = concat(sampleRecord(10), fromHex(REGISTER_HEX), sampleRecord(11), sampleRecord(12));
    for (let cut = 1; cut < stream.length; cut++) {
      const parser = new WitmotionStreamParser();
      const got = [...parser.push(stream.subarray(0, cut), 1).records, ...parser.push(stream.subarray(cut), 2).records];
      expect(got.map((r) => r.kind)).toEqual(['sample', 'register', 'sample', 'sample']);
      expect(parser.skippedBytes).toBe(0);
    }
  });

  it('skips garbage before and between records, counts it and resynchronises', () => {
    const parser = new WitmotionStreamParser();
    const garbage1 = fromHex('00 01 02'); // no 0x55 at all
    const garbage2 = fromHex('55 62 AA 55'); // 55 62 (unknown flag), AA, then 55 + the record's 55 (unknown flag 0x55)
    const stream = concat(garbage1, sampleRecord(1), garbage2, sampleRecord(2));
    const { records, rejections } = parser.push(stream, 3);
    expect(samplesOf(records).map((r) => Math.round((r.sample.axG * 32768) / 16))).toEqual([1, 2]);
    expect(samplesOf(records).map((r) => r.offset)).toEqual([3, 23 + garbage2.length]);
    expect(rejections).toEqual([
      { reason: 'no-header', offset: 0, length: 3 },
      { reason: 'unknown-flag', flag: 0x62, offset: 23 },
      { reason: 'no-header', offset: 24, length: 2 },
      { reason: 'unknown-flag', flag: 0x55, offset: 26 },
    ]);
    // 3 leading + 0x55, 0x62, 0xAA, first 0x55 of the pair = 7 skipped.
    expect(parser.skippedBytes).toBe(7);
    expect(parser.counters).toMatchObject({ unknownFlags: 2, sampleRecords: 2, bufferedBytes: 0 });
  });

  it('reports an unknown flag that follows a 0x55 buffered from the previous notification', () => {
    const parser = new WitmotionStreamParser();
    expect(parser.push(fromHex('01 55'), 1).rejections).toEqual([{ reason: 'no-header', offset: 0, length: 1 }]);
    expect(parser.bufferedBytes).toBe(1);
    const next = parser.push(concat(fromHex('7F'), sampleRecord(4)), 2);
    expect(next.rejections).toEqual([
      { reason: 'unknown-flag', flag: 0x7f, offset: 1 },
      { reason: 'no-header', offset: 2, length: 1 },
    ]);
    expect(samplesOf(next.records)).toHaveLength(1);
    expect(parser.skippedBytes).toBe(3);
  });

  it('returns register replies as their own kind with the arrival time', () => {
    const parser = new WitmotionStreamParser();
    const { records } = parser.push(fromHex(REGISTER_HEX), 7.25);
    expect(records).toEqual([{ kind: 'register', startRegister: 0x3a, values: [360, 105, 122, 0, 0, 0, 0, 0], arrivalTimeS: 7.25, offset: 0 }]);
    expect(parser.counters).toMatchObject({ registerRecords: 1, sampleRecords: 0, skippedBytes: 0 });
  });

  it('never throws on non-byte input and consumes nothing', () => {
    const parser = new WitmotionStreamParser();
    for (const bad of [null, undefined, 'hello', 42, {}, [0x55, 0x61]] as unknown[]) {
      expect(parser.push(bad as Uint8Array, 1)).toEqual({ records: [], rejections: [{ reason: 'not-bytes' }] });
    }
    expect(parser.counters.bytesIn).toBe(0);
  });

  it('accepts a Uint8Array view into a larger buffer', () => {
    const big = concat(fromHex('AA BB'), fromHex(AT_REST_HEX), fromHex('CC'));
    const parser = new WitmotionStreamParser();
    expect(samplesOf(parser.push(big.subarray(2, 22), 1).records)).toHaveLength(1);
  });

  it('reset() drops a partial record so it is not joined to the next connection', () => {
    const parser = new WitmotionStreamParser();
    parser.push(fromHex(AT_REST_HEX).subarray(0, 7), 1);
    expect(parser.reset()).toEqual({ reason: 'partial-discarded', offset: 0, length: 7 });
    expect(parser.reset()).toBeNull();
    const { records, rejections } = parser.push(fromHex(AT_REST_HEX), 2);
    expect(rejections).toEqual([]);
    expect(samplesOf(records)).toHaveLength(1);
    expect(parser.counters).toMatchObject({ skippedBytes: 7, bufferedBytes: 0, sampleRecords: 1 });
  });

  it('rejects invalid settings at construction', () => {
    expect(() => new WitmotionStreamParser({ nominalRateHz: 0 })).toThrow();
    expect(() => new WitmotionStreamParser({ nominalRateHz: -5 })).toThrow();
    expect(() => new WitmotionStreamParser({ nominalRateHz: 1000 })).toThrow();
    expect(new WitmotionStreamParser().settings.nominalRateHz).toBe(100);
  });
});

describe('WitmotionStreamParser: timing', () => {
  const times = (r: WitmotionPushResult) => samplesOf(r.records).map((s) => s.sample.tS);
  const timings = (r: WitmotionPushResult) => samplesOf(r.records).map((s) => s.timing);

  it('spreads a batch backwards from the arrival time by the nominal period', () => {
    const parser = new WitmotionStreamParser({ nominalRateHz: 100 });
    const r = parser.push(concat(sampleRecord(1), sampleRecord(2), sampleRecord(3)), 10);
    expect(times(r)[0]).toBeCloseTo(9.98, 12);
    expect(times(r)[1]).toBeCloseTo(9.99, 12);
    expect(times(r)[2]).toBe(10);
    expect(timings(r)).toEqual(['spread', 'spread', 'spread']);
    const next = parser.push(sampleRecord(4), 10.01);
    expect(times(next)).toEqual([10.01]);
  });

  it('uses the configured rate for the spacing', () => {
    const parser = new WitmotionStreamParser({ nominalRateHz: 10 });
    const r = parser.push(concat(sampleRecord(1), sampleRecord(2)), 3);
    expect(times(r)[0]).toBeCloseTo(2.9, 12);
    expect(times(r)[1]).toBe(3);
  });

  it('ignores register replies when spreading samples', () => {
    const parser = new WitmotionStreamParser({ nominalRateHz: 100 });
    const r = parser.push(concat(sampleRecord(1), fromHex(REGISTER_HEX), sampleRecord(2)), 1);
    expect(times(r)[0]).toBeCloseTo(0.99, 12);
    expect(times(r)[1]).toBe(1);
  });

  it('gives a record split across notifications the arrival time of the notification completing it', () => {
    const parser = new WitmotionStreamParser();
    const whole = concat(sampleRecord(1), sampleRecord(2));
    expect(times(parser.push(whole.subarray(0, 30), 1))).toEqual([1]);
    expect(times(parser.push(whole.subarray(30), 1.02))).toEqual([1.02]);
  });

  it('squeezes a batch between the previous sample and the arrival time rather than run backwards', () => {
    const parser = new WitmotionStreamParser({ nominalRateHz: 100 });
    parser.push(sampleRecord(1), 10);
    const r = parser.push(concat(sampleRecord(2), sampleRecord(3), sampleRecord(4)), 10.012);
    const t = times(r);
    expect(t[0]).toBeCloseTo(10.004, 12);
    expect(t[1]).toBeCloseTo(10.008, 12);
    expect(t[2]).toBe(10.012);
    expect(timings(r)).toEqual(['compressed', 'compressed', 'compressed']);
    expect(parser.counters.compressedBatches).toBe(1);
  });

  it('holds the previous time when the arrival time does not advance', () => {
    const parser = new WitmotionStreamParser();
    parser.push(sampleRecord(1), 10);
    const back = parser.push(concat(sampleRecord(2), sampleRecord(3)), 9.5);
    expect(times(back)).toEqual([10, 10]);
    expect(timings(back)).toEqual(['held', 'held']);
    const same = parser.push(sampleRecord(4), 10);
    expect(times(same)).toEqual([10]);
    expect(parser.counters.heldSamples).toBe(3);
    expect(times(parser.push(sampleRecord(5), 10.01))).toEqual([10.01]);
  });

  it('reports a non-finite arrival time and holds the previous time', () => {
    const parser = new WitmotionStreamParser();
    parser.push(sampleRecord(1), 4);
    const r = parser.push(sampleRecord(2), Number.NaN);
    expect(times(r)).toEqual([4]);
    expect(r.rejections).toEqual([{ reason: 'bad-arrival-time', arrivalTimeS: Number.NaN }]);
    const fresh = new WitmotionStreamParser().push(sampleRecord(1), Number.POSITIVE_INFINITY);
    expect(times(fresh)).toEqual([0]);
  });
});

describe('WitmotionStreamParser: fuzz', () => {
  it('survives 25k random chunks without throwing, with bounded buffers and consistent counters', () => {
    const rand = prng(0x5eed);
    const parser = new WitmotionStreamParser();
    // Bytes biased towards the interesting values so headers, flags and near-misses are common.
    const interesting = [0x55, 0x61, 0x71, 0x55, 0x00, 0xff];
    let lastT = Number.NEGATIVE_INFINITY;
    let records = 0;
    let arrival = 0;
    for (let chunk = 0; chunk < 25_000; chunk++) {
      const length = Math.floor(rand() * 64);
      const bytes = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        bytes[i] = rand() < 0.3 ? (interesting[Math.floor(rand() * interesting.length)] as number) : Math.floor(rand() * 256);
      }
      const roll = rand();
      arrival = roll < 0.01 ? Number.NaN : roll < 0.05 ? arrival - rand() : arrival + rand() * 0.05;
      const result = parser.push(bytes, arrival);
      expect(parser.bufferedBytes).toBeLessThan(20);
      for (const r of result.records) {
        records++;
        if (r.kind === 'sample') {
          expect(r.sample.tS).toBeGreaterThanOrEqual(lastT);
          lastT = r.sample.tS;
          for (const v of [r.sample.axG, r.sample.ayG, r.sample.azG]) expect(Math.abs(v)).toBeLessThanOrEqual(16);
          for (const v of [r.sample.gxDps, r.sample.gyDps, r.sample.gzDps]) expect(Math.abs(v)).toBeLessThanOrEqual(2000);
          for (const v of [r.anglesDeg.rollDeg, r.anglesDeg.pitchDeg, r.anglesDeg.yawDeg]) expect(Math.abs(v)).toBeLessThanOrEqual(180);
        } else {
          expect(r.values).toHaveLength(8);
        }
      }
      expect(result.records.length).toBeLessThanOrEqual(Math.ceil(length / 20) + 1);
      expect(result.rejections.length).toBeLessThanOrEqual(length + 1);
    }
    const c = parser.counters;
    expect(c.sampleRecords + c.registerRecords).toBe(records);
    // Every byte is accounted for: skipped, in a record, or in the one buffered partial.
    expect(c.skippedBytes + 20 * records + c.bufferedBytes).toBe(c.bytesIn);
    expect(records).toBeGreaterThan(100);
  });

  it('recovers every record from a stream with 0x55-free garbage, chunked at random', () => {
    const rand = prng(42);
    const parts: Uint8Array[] = [];
    const expectedMarkers: number[] = [];
    let garbageBytes = 0;
    for (let i = 0; i < 2_000; i++) {
      const garbage = Uint8Array.from({ length: Math.floor(rand() * 5) }, () => {
        const b = Math.floor(rand() * 255);
        return b >= 0x55 ? b + 1 : b; // never 0x55
      });
      garbageBytes += garbage.length;
      parts.push(garbage);
      const marker = i - 1000;
      expectedMarkers.push(marker);
      parts.push(sampleRecord(marker));
    }
    const stream = concat(...parts);
    const parser = new WitmotionStreamParser();
    const got: number[] = [];
    let at = 0;
    let t = 0;
    while (at < stream.length) {
      const n = 1 + Math.floor(rand() * 45);
      t += 0.01;
      for (const r of samplesOf(parser.push(stream.subarray(at, at + n), t).records)) {
        got.push(Math.round((r.sample.axG * 32768) / 16));
      }
      at += n;
    }
    expect(got).toEqual(expectedMarkers);
    expect(parser.skippedBytes).toBe(garbageBytes);
    expect(parser.bufferedBytes).toBe(0);
  });
});
