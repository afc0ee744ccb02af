import { describe, expect, it } from 'vitest';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import { RECORDING_CSV_HEADER as H } from '../../../sensor-protocol/recording/recording-csv-format';
import { parseRecordingCsv, parseRecordingCsvChunks } from '../../../sensor-protocol/recording/recording-csv-reader';
import { RecordingCsvWriteError, RecordingCsvWriter, formatRecordingCsv, formatRecordingCsvNumber } from '../../../sensor-protocol/recording/recording-csv-writer';

function sample(tS: number, axG: number, ayG: number, azG: number, gxDps: number, gyDps: number, gzDps: number): ImuSample {
  return { tS, axG, ayG, azG, gxDps, gyDps, gzDps };
}

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Any finite float64, from random bits (subnormals, huge and tiny exponents included). */
function randomDouble(next: () => number): number {
  const view = new DataView(new ArrayBuffer(8));
  for (;;) {
    view.setUint32(0, Math.floor(next() * 2 ** 32));
    view.setUint32(4, Math.floor(next() * 2 ** 32));
    const value = view.getFloat64(0);
    if (Number.isFinite(value)) return value;
  }
}

/** toEqual treats -0 and 0 as different already; this also reports which field differs. */
function expectIdentical(actual: readonly ImuSample[], expected: readonly ImuSample[]): void {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as ImuSample;
    const e = expected[i] as ImuSample;
    for (const key of Object.keys(e) as (keyof ImuSample)[]) {
      if (!Object.is(a[key], e[key])) expect.fail(`sample ${i} ${key}: read ${a[key]}, wrote ${e[key]}`);
    }
  }
}

const tricky: ImuSample[] = [
  sample(-1.5, -0, 0, 1, -0.1, 0.1 + 0.2, -2.5e-7),
  sample(0, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 1e21, 1e-7),
  sample(0, 2.2250738585072014e-308, 1 / 3, -2 / 3, 123456789012345680000, 2 ** 53, -1.7976931348623157e308),
  sample(5e-324, 0.000244140625, -1.0000000000000002, 0.9999999999999999, 4.35, -45.123, 1e300),
];

describe('formatRecordingCsvNumber', () => {
  it.each([
    [0, '0'],
    [-0, '-0'],
    [1, '1'],
    [-0.5, '-0.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
    [5e-324, '5e-324'],
    [-1.7976931348623157e308, '-1.7976931348623157e+308'],
  ])('%d → %s', (value, text) => {
    expect(formatRecordingCsvNumber(value)).toBe(text);
  });

  it.each([NaN, Infinity, -Infinity])('refuses %d', (value) => {
    expect(() => formatRecordingCsvNumber(value)).toThrow(RecordingCsvWriteError);
  });
});

describe('formatRecordingCsv → parseRecordingCsv round trip', () => {
  it('writes the documented layout', () => {
    const text = formatRecordingCsv([sample(0, 0.01, -0.02, 1, 0.5, -0.25, 3), sample(0.005, -0, 1e-7, 1, 0, 0, 1e21)], {
      roller_diameter_in: '6',
      source: 'simulator',
    });
    expect(text).toBe(`# roller_diameter_in=6\n# source=simulator\n${H}\n0,0.01,-0.02,1,0.5,-0.25,3\n0.005,-0,1e-7,1,0,0,1e+21\n`);
  });

  it('gives back identical samples and metadata for tricky values', () => {
    const metadata = {
      roller_diameter_in: '6',
      sample_rate_hz: '200',
      source: 'ble',
      sensor: 'witmotion-wt901ble fw 1.0',
      started_at: '2025-03-01T18:30:00.123Z',
      note: 'left side = sore; a\ttab, "quotes", # hash, Küche 🧘',
      empty: '',
    };
    const result = parseRecordingCsv(formatRecordingCsv(tricky, metadata));
    if (!result.ok) throw new Error(result.error.message);
    expectIdentical(result.samples, tricky);
    expect(result.metadata).toEqual(metadata);
    expect(Object.keys(result.metadata)).toEqual(Object.keys(metadata));
    expect(result.warnings).toEqual([]);
  });

  it('gives back identical samples for 20,000 random float64 bit patterns', () => {
    const next = random(42);
    const samples: ImuSample[] = [];
    let t = -1000;
    for (let i = 0; i < 20_000 / 6; i++) {
      t += next() < 0.1 ? 0 : next() * 0.01;
      samples.push(sample(t, randomDouble(next), randomDouble(next), randomDouble(next), randomDouble(next), randomDouble(next), randomDouble(next)));
    }
    const result = parseRecordingCsv(formatRecordingCsv(samples));
    if (!result.ok) throw new Error(result.error.message);
    expectIdentical(result.samples, samples);
  });

  it('gives back identical samples for sensor-like values (quantised and scaled)', () => {
    const next = random(7);
    const samples: ImuSample[] = [];
    for (let i = 0; i < 5000; i++) {
      const lsb = () => Math.round((next() - 0.5) * 65536);
      samples.push(sample(i / 200, lsb() / 4096, lsb() / 16384, 1 + lsb() * 0.000061, lsb() / 131, lsb() * 0.0610352, (lsb() * 2000) / 32768));
    }
    const result = parseRecordingCsv(formatRecordingCsv(samples));
    if (!result.ok) throw new Error(result.error.message);
    expectIdentical(result.samples, samples);
  });

  it('writes an empty recording as metadata + header, which reads back with zero samples', () => {
    const text = formatRecordingCsv([], { source: 'ble' });
    expect(text).toBe(`# source=ble\n${H}\n`);
    const result = parseRecordingCsv(text);
    expect(result.ok && result.samples).toEqual([]);
  });
});

describe('RecordingCsvWriter (incremental)', () => {
  it('concatenated chunks equal the whole-file text and read back identically', () => {
    const writer = new RecordingCsvWriter({ sensor: 'x' });
    const parts = [writer.write(tricky.slice(0, 1)), writer.write([]), writer.write(tricky.slice(1, 3)), writer.write(tricky.slice(3)), writer.finish()];
    expect(parts.join('')).toBe(formatRecordingCsv(tricky, { sensor: 'x' }));
    expect(parts[0]?.startsWith(`# sensor=x\n${H}\n`)).toBe(true);
    expect(parts[4]).toBe('');
    expect(writer.sampleCount).toBe(tricky.length);
    const result = parseRecordingCsvChunks(parts);
    expect(result.ok && result.metadata).toEqual({ sensor: 'x' });
  });

  it('refuses time going backwards across chunks and keeps its state', () => {
    const writer = new RecordingCsvWriter();
    writer.write([sample(1, 0, 0, 1, 0, 0, 0), sample(2, 0, 0, 1, 0, 0, 0)]);
    expect(() => writer.write([sample(2, 0, 0, 1, 0, 0, 0), sample(1.5, 0, 0, 1, 0, 0, 0)])).toThrow("sample 4: t_s 1.5 is less than the previous sample's 2; time must not go backwards");
    expect(writer.sampleCount).toBe(2);
    expect(writer.write([sample(2, 0, 0, 1, 0, 0, 0)])).toBe('2,0,0,1,0,0,0\n');
  });

  it('refuses non-finite values, naming the sample and column', () => {
    expect(() => formatRecordingCsv([sample(0, 0, 0, 1, 0, 0, 0), sample(1, 0, 0, 1, NaN, 0, 0)])).toThrow('sample 2: gx_dps is NaN; only finite numbers can be written');
    expect(() => formatRecordingCsv([sample(0, 0, -Infinity, 1, 0, 0, 0)])).toThrow('sample 1: ay_g is -Infinity; only finite numbers can be written');
  });

  it('refuses use after finish()', () => {
    const writer = new RecordingCsvWriter();
    expect(writer.finish()).toBe(`${H}\n`);
    expect(() => writer.write([])).toThrow('write() called after finish()');
    expect(() => writer.finish()).toThrow('finish() called twice');
  });
});

describe('metadata validation when writing', () => {
  it.each([
    [{ 'Roller Diameter': '6' }, 'metadata key "Roller Diameter" is invalid: use lowercase letters, digits and "_", starting with a letter, at most 64 characters'],
    [{ '': 'x' }, 'metadata key "" is invalid'],
    [{ note: 'two\nlines' }, 'metadata value for "note" contains a line break'],
    [{ note: 'cr\r' }, 'metadata value for "note" contains a line break'],
    [{ note: 'bell\u0007' }, 'metadata value for "note" contains a control character (U+0007)'],
    [{ note: ' padded' }, 'metadata value for "note" starts or ends with whitespace'],
    [{ note: 'x'.repeat(5000) }, 'metadata "note" is too long: its line would exceed 4096 characters'],
    [{ n: 6 as unknown as string }, 'metadata value for "n" is a number, expected a string'],
  ])('%j', (metadata, message) => {
    expect(() => formatRecordingCsv([], metadata)).toThrow(RecordingCsvWriteError);
    expect(() => new RecordingCsvWriter(metadata)).toThrow(message);
  });

  it('refuses more than 256 keys', () => {
    const metadata = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`k${i}`, 'v']));
    expect(() => formatRecordingCsv([], metadata)).toThrow('257 metadata keys: a recording can hold at most 256');
  });
});
