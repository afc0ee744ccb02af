import { describe, expect, it } from 'vitest';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import { RECORDING_CSV_HEADER as H, RECORDING_CSV_MAX_LINE_CHARS } from '../../../sensor-protocol/recording/recording-csv-format';
import {
  RecordingCsvParser,
  isDecimalNumber,
  parseRecordingCsv,
  parseRecordingCsvChunks,
  type RecordingCsvError,
  type RecordingCsvParseResult,
} from '../../../sensor-protocol/recording/recording-csv-reader';

function sample(tS: number, axG: number, ayG: number, azG: number, gxDps: number, gyDps: number, gzDps: number): ImuSample {
  return { tS, axG, ayG, azG, gxDps, gyDps, gzDps };
}

function errorOf(text: string): RecordingCsvError {
  const result = parseRecordingCsv(text);
  if (result.ok) throw new Error(`expected an error, got ${result.samples.length} samples`);
  return result.error;
}

function okOf(text: string): Extract<RecordingCsvParseResult, { ok: true }> {
  const result = parseRecordingCsv(text);
  if (!result.ok) throw new Error(`expected success, got: ${result.error.message}`);
  return result;
}

describe('parseRecordingCsv: valid files', () => {
  it('reads metadata, comments and samples', () => {
    const text = [
      '# roller_diameter_in=6',
      '#sample_rate_hz = 200 ',
      '# recorded on the floor, by hand',
      '# note=a=b, c',
      H,
      '0,0.01,-0.02,1.001,0.5,-0.25,3',
      '0.005,-1e-3,2E+2,.5,5.,+7,-0',
      '',
    ].join('\n');
    const result = okOf(text);
    expect(result.metadata).toEqual({ roller_diameter_in: '6', sample_rate_hz: '200', note: 'a=b, c' });
    expect(Object.keys(result.metadata)).toEqual(['roller_diameter_in', 'sample_rate_hz', 'note']);
    expect(result.samples).toEqual([sample(0, 0.01, -0.02, 1.001, 0.5, -0.25, 3), sample(0.005, -0.001, 200, 0.5, 5, 7, -0)]);
    expect(Object.is(result.samples[1]?.gzDps, -0)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('accepts a header-only file as zero samples, with a warning', () => {
    const result = okOf(`# source=ble\n${H}\n`);
    expect(result.samples).toEqual([]);
    expect(result.metadata).toEqual({ source: 'ble' });
    expect(result.warnings).toEqual([{ line: 2, message: 'line 2: the recording has a header but no samples' }]);
  });

  it('handles CRLF, a BOM, no trailing newline and blank lines anywhere', () => {
    const text = `\uFEFF\r\n# a=1\r\n   \r\n${H}\r\n\r\n1,2,3,4,5,6,7\r\n \t\r\n\n2,2,3,4,5,6,7`;
    const result = okOf(text);
    expect(result.metadata).toEqual({ a: '1' });
    expect(result.samples).toEqual([sample(1, 2, 3, 4, 5, 6, 7), sample(2, 2, 3, 4, 5, 6, 7)]);
  });

  it('allows equal consecutive times and gaps', () => {
    const result = okOf(`${H}\n1,0,0,1,0,0,0\n1,0,0,1,0,0,0\n9,0,0,1,0,0,0\n`);
    expect(result.samples.map((s) => s.tS)).toEqual([1, 1, 9]);
  });

  it('warns about comments that look like a misspelt metadata key and keeps them out of metadata', () => {
    const result = okOf(`# Roller-Diameter=6\n# see https://example.com/?a=b\n${H}\n0,0,0,1,0,0,0\n`);
    expect(result.metadata).toEqual({});
    expect(result.warnings).toEqual([
      {
        line: 1,
        message: 'line 1: "Roller-Diameter" is not a metadata key (use lowercase letters, digits and "_", starting with a letter); the line is read as a plain comment',
      },
    ]);
  });

  it('keeps an invalid well-known metadata value as text and warns on its line', () => {
    const result = okOf(`# source=ble\n# roller_diameter_in=six\n${H}\n0,0,0,1,0,0,0\n`);
    expect(result.metadata).toEqual({ source: 'ble', roller_diameter_in: 'six' });
    expect(result.warnings).toEqual([{ line: 2, message: 'line 2: metadata roller_diameter_in="six" must be a decimal number; the value is ignored' }]);
  });
});

describe('parseRecordingCsv: errors name the exact line and column', () => {
  const headerHint = ` (the header must be exactly ${H})`;
  const cases: { name: string; text: string; error: RecordingCsvError }[] = [
    {
      name: 'empty file',
      text: '',
      error: { line: 1, column: 1, reason: `the file is empty: expected the header ${H}`, message: `line 1: the file is empty: expected the header ${H}` },
    },
    {
      name: 'only a BOM and blank lines',
      text: '\uFEFF\n\r\n',
      error: { line: 3, column: 1, reason: `the file is empty: expected the header ${H}`, message: `line 3: the file is empty: expected the header ${H}` },
    },
    {
      name: 'comments but no header',
      text: '# a=1\n# hello',
      error: { line: 3, column: 1, reason: `no header line: the file ended before ${H}`, message: `line 3: no header line: the file ended before ${H}` },
    },
    {
      name: 'a different header (x-io layout)',
      text: 'Time (s),Gyroscope X (deg/s),Gyroscope Y (deg/s)\n0,1,2\n',
      error: {
        line: 1,
        column: 1,
        columnName: 't_s',
        reason: `expected header column "t_s" but found "Time (s)"${headerHint}`,
        message: `line 1, column 1 (t_s): expected header column "t_s" but found "Time (s)"${headerHint}`,
      },
    },
    {
      name: 'a wrong header column',
      text: '# x=1\nt_s,ax_g,ay,az_g,gx_dps,gy_dps,gz_dps\n',
      error: {
        line: 2,
        column: 3,
        columnName: 'ay_g',
        reason: `expected header column "ay_g" but found "ay"${headerHint}`,
        message: `line 2, column 3 (ay_g): expected header column "ay_g" but found "ay"${headerHint}`,
      },
    },
    {
      name: 'a header with trailing space',
      text: `${H} \n`,
      error: {
        line: 1,
        column: 7,
        columnName: 'gz_dps',
        reason: `expected header column "gz_dps" but found "gz_dps "${headerHint}`,
        message: `line 1, column 7 (gz_dps): expected header column "gz_dps" but found "gz_dps "${headerHint}`,
      },
    },
    {
      name: 'a header missing a column',
      text: 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps\n',
      error: {
        line: 1,
        column: 7,
        columnName: 'gz_dps',
        reason: `header is missing column "gz_dps"${headerHint}`,
        message: `line 1, column 7 (gz_dps): header is missing column "gz_dps"${headerHint}`,
      },
    },
    {
      name: 'a header with an extra column',
      text: `${H},temp_c\n`,
      error: {
        line: 1,
        column: 8,
        reason: `unexpected extra header column "temp_c"${headerHint}`,
        message: `line 1, column 8: unexpected extra header column "temp_c"${headerHint}`,
      },
    },
    {
      name: 'data before the header',
      text: '\n0,0,0,1,0,0,0\n',
      error: {
        line: 2,
        column: 1,
        reason: `missing header: this looks like a data line; the first line that is not "#" or blank must be ${H}`,
        message: `line 2: missing header: this looks like a data line; the first line that is not "#" or blank must be ${H}`,
      },
    },
    {
      name: 'a non-numeric field',
      text: `${H}\n0,0,0,1,0,0,0\n0.01,0,abc,1,0,0,0\n`,
      error: { line: 3, column: 3, columnName: 'ay_g', reason: '"abc" is not a number', message: 'line 3, column 3 (ay_g): "abc" is not a number' },
    },
    {
      name: 'NaN',
      text: `${H}\n0,0,0,1,NaN,0,0\n`,
      error: { line: 2, column: 5, columnName: 'gx_dps', reason: '"NaN" is not a finite number', message: 'line 2, column 5 (gx_dps): "NaN" is not a finite number' },
    },
    {
      name: 'Infinity',
      text: `${H}\r\n0,0,0,1,0,-Infinity,0\r\n`,
      error: { line: 2, column: 6, columnName: 'gy_dps', reason: '"-Infinity" is not a finite number', message: 'line 2, column 6 (gy_dps): "-Infinity" is not a finite number' },
    },
    {
      name: 'an overflowing number',
      text: `${H}\n0,0,0,1,0,0,1e999\n`,
      error: {
        line: 2,
        column: 7,
        columnName: 'gz_dps',
        reason: '"1e999" is out of range (too large for a 64-bit float)',
        message: 'line 2, column 7 (gz_dps): "1e999" is out of range (too large for a 64-bit float)',
      },
    },
    {
      name: 'an empty field',
      text: `${H}\n0,,0,1,0,0,0\n`,
      error: { line: 2, column: 2, columnName: 'ax_g', reason: 'empty field: expected a number', message: 'line 2, column 2 (ax_g): empty field: expected a number' },
    },
    {
      name: 'spaces around a number',
      text: `${H}\n0, 0.5,0,1,0,0,0\n`,
      error: {
        line: 2,
        column: 2,
        columnName: 'ax_g',
        reason: '" 0.5" has spaces around the number; write it without spaces',
        message: 'line 2, column 2 (ax_g): " 0.5" has spaces around the number; write it without spaces',
      },
    },
    {
      name: 'a hex number',
      text: `${H}\n0x10,0,0,1,0,0,0\n`,
      error: { line: 2, column: 1, columnName: 't_s', reason: '"0x10" is not a number', message: 'line 2, column 1 (t_s): "0x10" is not a number' },
    },
    {
      name: 'a stray carriage return inside a line',
      text: `${H}\n0,0,0\r,1,0,0,0\n`,
      error: { line: 2, column: 3, columnName: 'ay_g', reason: '"0\\r" is not a number', message: 'line 2, column 3 (ay_g): "0\\r" is not a number' },
    },
    {
      name: 'too few fields',
      text: `${H}\n0,0,0,1,0,0\n`,
      error: {
        line: 2,
        column: 7,
        columnName: 'gz_dps',
        reason: 'missing field: found 6 fields, expected 7',
        message: 'line 2, column 7 (gz_dps): missing field: found 6 fields, expected 7',
      },
    },
    {
      name: 'a single field',
      text: `${H}\n\n12\n`,
      error: {
        line: 3,
        column: 2,
        columnName: 'ax_g',
        reason: 'missing field: found 1 fields, expected 7',
        message: 'line 3, column 2 (ax_g): missing field: found 1 fields, expected 7',
      },
    },
    {
      name: 'too many fields',
      text: `${H}\n0,0,0,1,0,0,0,25.1,3\n`,
      error: { line: 2, column: 8, reason: 'too many fields: found 9, expected 7', message: 'line 2, column 8: too many fields: found 9, expected 7' },
    },
    {
      name: 'time going backwards',
      text: `${H}\n1,0,0,1,0,0,0\n\n2,0,0,1,0,0,0\n1.5,0,0,1,0,0,0\n`,
      error: {
        line: 5,
        column: 1,
        columnName: 't_s',
        reason: 'time goes backwards: t_s 1.5 is less than 2 on line 4 (equal times are allowed, decreasing times are not)',
        message: 'line 5, column 1 (t_s): time goes backwards: t_s 1.5 is less than 2 on line 4 (equal times are allowed, decreasing times are not)',
      },
    },
    {
      name: 'metadata after the header',
      text: `${H}\n0,0,0,1,0,0,0\n# roller_diameter_in=6\n`,
      error: {
        line: 3,
        column: 1,
        reason: 'a "#" comment or metadata line after the header: "#" lines are only allowed before the header',
        message: 'line 3: a "#" comment or metadata line after the header: "#" lines are only allowed before the header',
      },
    },
    {
      name: 'a repeated header',
      text: `${H}\n0,0,0,1,0,0,0\n${H}\n0,0,0,1,0,0,0\n`,
      error: {
        line: 3,
        column: 1,
        reason: 'the header appears again: were two recordings joined?',
        message: 'line 3: the header appears again: were two recordings joined?',
      },
    },
    {
      name: 'a repeated metadata key',
      text: `# a=1\n# b=2\n# a=3\n${H}\n`,
      error: {
        line: 3,
        column: 1,
        reason: 'metadata key "a" is repeated (first set on line 1)',
        message: 'line 3: metadata key "a" is repeated (first set on line 1)',
      },
    },
    {
      name: 'a line that is too long',
      text: `${H}\n0,0,0,1,0,0,0\n${'1'.repeat(RECORDING_CSV_MAX_LINE_CHARS + 1)}\n`,
      error: {
        line: 3,
        column: 1,
        reason: `the line is longer than ${RECORDING_CSV_MAX_LINE_CHARS} characters`,
        message: `line 3: the line is longer than ${RECORDING_CSV_MAX_LINE_CHARS} characters`,
      },
    },
  ];
  it.each(cases)('$name', ({ text, error }) => {
    expect(errorOf(text)).toEqual(error);
  });

  it.each(cases)('$name: same error when fed one character at a time', ({ text, error }) => {
    expect(parseRecordingCsvChunks([...text])).toEqual({ ok: false, error });
  });

  it('a file with more than the allowed metadata keys', () => {
    const lines = Array.from({ length: 257 }, (_, i) => `# k${i}=v`);
    expect(errorOf(`${lines.join('\n')}\n${H}\n`)).toEqual({
      line: 257,
      column: 1,
      reason: 'more than 256 metadata keys',
      message: 'line 257: more than 256 metadata keys',
    });
  });

  it('keeps at most 100 warnings and counts the rest', () => {
    const lines = Array.from({ length: 150 }, () => '# Bad-Key=1');
    const result = okOf(`${lines.join('\n')}\n${H}\n0,0,0,1,0,0,0\n`);
    expect(result.warnings).toHaveLength(101);
    expect(result.warnings[100]).toEqual({ line: 152, message: '50 more warnings not shown' });
  });

  it('accepts a line of exactly the maximum length (here a long comment)', () => {
    const comment = `#${'c'.repeat(RECORDING_CSV_MAX_LINE_CHARS - 1)}`;
    expect(okOf(`${comment}\n${H}\n`).samples).toEqual([]);
  });

  it('reports a too-long unfinished line while streaming, without waiting for its end', () => {
    const parser = new RecordingCsvParser();
    parser.feed(`${H}\n`);
    parser.feed('1'.repeat(RECORDING_CSV_MAX_LINE_CHARS));
    expect(parser.error).toBeUndefined();
    parser.feed('1');
    expect(parser.error?.message).toBe(`line 2: the line is longer than ${RECORDING_CSV_MAX_LINE_CHARS} characters`);
  });
});

describe('RecordingCsvParser: chunking', () => {
  const text = '\uFEFF# roller_diameter_in=6\r\n# plain comment\r\n\r\n' + `${H}\r\n0,0.01,-0.02,1.001,0.5,-0.25,3\n\n0.005,-1e-3,2E+2,.5,5.,+7,-0\r\n0.01,1,2,3,4,5,6`;

  it('gives the whole-text result for a split at every position', () => {
    const whole = parseRecordingCsv(text);
    expect(whole.ok).toBe(true);
    for (let i = 0; i <= text.length; i++) {
      expect(parseRecordingCsvChunks([text.slice(0, i), text.slice(i)]), `split at ${i}`).toEqual(whole);
    }
  });

  it('gives the whole-text result for every pair of split positions', () => {
    const whole = parseRecordingCsv(text);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) {
        const result = parseRecordingCsvChunks([text.slice(0, i), text.slice(i, j), text.slice(j)]);
        if (JSON.stringify(result) !== JSON.stringify(whole)) {
          expect(result, `split at ${i} and ${j}`).toEqual(whole);
        }
      }
    }
  });

  it('gives the same error for a split at every position of an invalid file', () => {
    const bad = `# a=1\r\n${H}\r\n0,0,0,1,0,0,0\r\n0.01,0,0,1,x,0,0\r\n`;
    const whole = parseRecordingCsv(bad);
    expect(whole).toEqual({
      ok: false,
      error: { line: 4, column: 5, columnName: 'gx_dps', reason: '"x" is not a number', message: 'line 4, column 5 (gx_dps): "x" is not a number' },
    });
    for (let i = 0; i <= bad.length; i++) {
      expect(parseRecordingCsvChunks([bad.slice(0, i), bad.slice(i)]), `split at ${i}`).toEqual(whole);
    }
  });

  it('returns each sample from the feed() call that completes its line', () => {
    const parser = new RecordingCsvParser();
    expect(parser.feed(`# a=1\n${H}\n1,2,3,4,5,6,`)).toEqual([]);
    expect(parser.headerRead).toBe(true);
    expect(parser.metadata).toEqual({ a: '1' });
    expect(parser.feed('7')).toEqual([]);
    expect(parser.feed('\r')).toEqual([]);
    expect(parser.feed('\n2,2,3,4,5,6,7\n3,')).toEqual([sample(1, 2, 3, 4, 5, 6, 7), sample(2, 2, 3, 4, 5, 6, 7)]);
    expect(parser.finish()).toEqual([]);
    expect(parser.error).toEqual({
      line: 5,
      column: 3,
      columnName: 'ay_g',
      reason: 'missing field: found 2 fields, expected 7',
      message: 'line 5, column 3 (ay_g): missing field: found 2 fields, expected 7',
    });
    expect(parser.sampleCount).toBe(2);
  });

  it('stops at the first error and ignores later chunks', () => {
    const parser = new RecordingCsvParser();
    expect(parser.feed(`${H}\n1,0,0,1,0,0,0\nbad\n2,0,0,1,0,0,0\n`)).toEqual([sample(1, 0, 0, 1, 0, 0, 0)]);
    expect(parser.error?.line).toBe(3);
    expect(parser.feed('3,0,0,1,0,0,0\n')).toEqual([]);
    expect(parser.finish()).toEqual([]);
    expect(parser.error?.line).toBe(3);
  });

  it('strips a BOM only at the very start, even after empty chunks', () => {
    expect(parseRecordingCsvChunks(['', '\uFEFF', '', `${H}\n0,0,0,1,0,0,0`])).toMatchObject({ ok: true, samples: [sample(0, 0, 0, 1, 0, 0, 0)] });
    expect(errorOf(`\uFEFF\uFEFF${H}\n`).line).toBe(1);
  });

  it('rejects use after finish()', () => {
    const parser = new RecordingCsvParser();
    parser.finish();
    expect(() => parser.feed('x')).toThrow('feed() called after finish()');
    expect(() => parser.finish()).toThrow('finish() called twice');
  });
});

describe('isDecimalNumber', () => {
  const check = (s: string) => isDecimalNumber(s, 0, s.length);
  it.each(['0', '-0', '+1', '1.', '.5', '1.5', '-1.5e-7', '1E+21', '5e-324', '007'])('accepts %j', (s) => {
    expect(check(s)).toBe(true);
  });
  it.each(['', '-', '+', '.', '-.', '1e', '1e+', 'e5', '.e1', '1.2.3', '1,5', ' 1', '1 ', '0x1', 'NaN', 'Infinity', '1_000', '١'])('rejects %j', (s) => {
    expect(check(s)).toBe(false);
  });
});

describe('number values', () => {
  it('reads every decimal exactly as Number() does (fast path and fallback)', () => {
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
    const fields: string[] = [];
    for (let i = 0; i < 35_000; i++) {
      const sign = ['', '-', '+'][Math.floor(next() * 3)] as string;
      const whole = digits(Math.floor(next() * 12));
      const fraction = next() < 0.7 ? `.${digits(Math.floor(next() * 12))}` : '';
      const mantissa = whole + fraction === '' || whole + fraction === '.' ? '0' : whole + fraction;
      const exponent = next() < 0.3 ? `${next() < 0.5 ? 'e' : 'E'}${Math.floor(next() * 70) - 35}` : '';
      fields.push(sign + mantissa + exponent);
    }
    fields.push('0.1', '-0.0', '9007199254740993', '999999999999999', '0.000000000000000000000001', '1e22', '1e23', '123456789012345e-22');
    while (fields.length % 6 !== 0) fields.push('0');
    const rows = [H];
    for (let i = 0; i < fields.length; i += 6) rows.push(`${i},${fields.slice(i, i + 6).join(',')}`);
    const result = okOf(rows.join('\n'));
    const read = result.samples.flatMap((s) => [s.axG, s.ayG, s.azG, s.gxDps, s.gyDps, s.gzDps]);
    for (let i = 0; i < fields.length; i++) {
      if (!Object.is(read[i], Number(fields[i]))) expect.fail(`${fields[i]}: read ${read[i]}, Number() gives ${Number(fields[i])}`);
    }
  });
});

describe('a large file', () => {
  it('parses 100,000 rows, values checked (the time it takes: npm run bench -- import)', () => {
    const rows: string[] = [H];
    for (let i = 0; i < 100_000; i++) {
      const t = i * 0.005;
      rows.push(`${t},${Math.sin(t) * 0.3},${-0.012 + i * 1e-9},${1 + Math.cos(t) * 0.01},${Math.sin(i) * 45.123},-0.5,${i % 7}`);
    }
    const text = `${rows.join('\n')}\n`;
    const result = okOf(text);
    expect(result.samples).toHaveLength(100_000);
    expect(result.samples[99_999]?.tS).toBe(99_999 * 0.005);
    expect(result.samples[12_345]?.gxDps).toBe(Math.sin(12_345) * 45.123);
  });
});

describe('parseRecordingCsv: time limits a caller asks for', () => {
  const rows = (ts: number[]) => ts.map((t) => `${t},0,0,1,0,0,0`).join('\n');
  const limits = { maxAbsTimeS: 1e10, maxSpanS: 100 };

  it('accepts times within the limits, and any finite time without them', () => {
    const text = `${H}\n${rows([-1e10, -1e10 + 100])}\n`;
    expect(parseRecordingCsv(text, limits).ok).toBe(true);
    expect(parseRecordingCsv(`${H}\n${rows([0, 1e300])}\n`).ok).toBe(true);
  });

  it('names the line of a time too far from zero, or too long after the first sample', () => {
    const far = parseRecordingCsv(`${H}\n${rows([1, 2])}\n1e15,0,0,1,0,0,0\n`, limits);
    expect(far.ok ? null : far.error).toEqual({
      line: 4,
      column: 1,
      columnName: 't_s',
      reason: 't_s "1e15" is too far from zero: sample times must lie within ±10000000000 s',
      message: 'line 4, column 1 (t_s): t_s "1e15" is too far from zero: sample times must lie within ±10000000000 s',
    });
    const long = parseRecordingCsvChunks([`# a=b\n\n${H}\n${rows([5, 6])}`, `\n${rows([105.5])}\n`], limits);
    expect(long.ok ? null : long.error.message).toBe('line 6, column 1 (t_s): t_s "105.5" is 100.5 s after the first sample (line 4): a recording may span at most 100 s');
    const parser = new RecordingCsvParser({ maxSpanS: 1 });
    expect(parser.feed(`${H}\n${rows([0, 1, 1.5])}\n`)).toHaveLength(2);
    expect(parser.error?.line).toBe(4);
  });
});

describe('parseRecordingCsv: a bound on sample lines', () => {
  const rows = (ts: number[]) => ts.map((t) => `${t},0,0,1,0,0,0`).join('\n');

  it('accepts up to the bound and names the line of the first sample beyond it', () => {
    expect(parseRecordingCsv(`${H}\n${rows([0, 1, 2])}\n`, { maxSamples: 3 }).ok).toBe(true);
    const over = parseRecordingCsvChunks([`# a=b\n${H}\n${rows([0, 1])}\n\n`, `${rows([2, 3])}\n`], { maxSamples: 3 });
    expect(over.ok ? null : over.error.message).toBe('line 7: more than 3 samples: a recording may hold at most 3 sample lines');
  });

  it('tells the span read so far', () => {
    const parser = new RecordingCsvParser();
    expect(parser.firstSampleT).toBeNaN();
    parser.feed(`${H}\n${rows([2.5, 3, 3])}\n`);
    expect([parser.firstSampleT, parser.lastSampleT, parser.sampleCount]).toEqual([2.5, 3, 3]);
  });
});
