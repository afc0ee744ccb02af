/**
 * Damaged recording CSVs for fuzzing the reader and the session import: a valid recording
 * (from the simulated roller through the CSV writer, or a session export) with bytes flipped,
 * cut anywhere, lines dropped, doubled or swapped, columns added or removed, odd numbers,
 * bytes that are not UTF-8, CRLF, a BOM, metadata gone wrong, far-apart times — one or
 * several at once. Text is made as a file's bytes are read: invalid UTF-8 becomes U+FFFD.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { RECORDING_CSV_FIELD_COUNT } from '../../sensor-protocol/recording/recording-csv-format';
import type { RecordingCsvParseResult, RecordingCsvReadLimits } from '../../sensor-protocol/recording/recording-csv-reader';
import { formatRecordingCsv } from '../../sensor-protocol/recording/recording-csv-writer';
import { simulationCsvMetadata } from '../../electron/sim/csv-metadata';
import { builtInScenario } from '../../electron/sim/scenario-catalog';
import { simulate } from '../../electron/sim/simulate';
import type { Dice } from './fuzz-harness';

/** A short simulated session as a recording CSV, with its metadata. */
export function simulatedRecordingCsv(scenario: string, seconds: number, seed = 7): string {
  const sim = simulate(builtInScenario(scenario), { seed, untilS: seconds });
  return formatRecordingCsv(sim.samples, { ...simulationCsvMetadata(sim.meta), started_at: '2025-03-01T18:30:00+01:00' });
}

/** Numbers and near-numbers a data field might hold. */
export const ODD_FIELDS = [
  '',
  ' ',
  '1e308',
  '1.7976931348623157e308',
  '1e309',
  '-1e999',
  '4.9e-324',
  '1e-400',
  '-0',
  '+0',
  '+.5',
  '5.',
  '.',
  '-',
  '+',
  'e5',
  '1e',
  '1e+',
  'NaN',
  '-nan',
  'Infinity',
  '-Infinity',
  'inf',
  '0x1F',
  '1_000',
  '1,5',
  ' 1',
  '1 ',
  '1\t',
  '١',
  '１',
  '12345678901234567890123456789',
  `0.${'0'.repeat(400)}1`,
  '9'.repeat(400),
  '1e2147483648',
  '1E+21',
  '00000000000001',
  '-.0e-0',
] as const;

/** Metadata lines, good and bad. */
const ODD_METADATA = [
  '# roller_diameter_in=4',
  '# roller_diameter_in=0',
  '# roller_diameter_in=-6',
  '# roller_diameter_in=1e300',
  '# roller_diameter_in=abc',
  '# neck_above_cm=1e-300',
  '# lumbar_below_cm=99',
  '# sample_rate_hz=',
  '# started_at=yesterday',
  '# started_at=2025-13-45T99:99:99Z',
  '# started_at=2025-03-01T18:30:00+23:59',
  '# started_at=-271821-04-20T00:00:00Z',
  '# Roller-Diameter=6',
  '#key=value',
  '# note=a\u0001b',
  '# note=tab\tinside',
  '# x=',
  '#',
  '# =value',
  '# a=b=c',
  `# long=${'v'.repeat(4090)}`,
  `#k=${'v'.repeat(4093)}`,
  '# source= padded ',
  '# __proto__=polluted',
  '# constructor=x',
  '# toString=1',
] as const;

function lines(text: string): string[] {
  return text.split('\n');
}

function utf8Decode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** The index range of data lines (after the header) in `ls`, or null when there is no header. */
function dataLines(ls: string[]): { from: number; to: number } | null {
  const h = ls.findIndex((l) => l.replace(/\r$/, '') === 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps');
  if (h < 0) return null;
  let to = ls.length;
  while (to > h + 1 && ls[to - 1]!.trim() === '') to--;
  return to > h + 1 ? { from: h + 1, to } : null;
}

/** One mutation of `text`. */
export function mutateCsv(text: string, d: Dice): string {
  const ls = lines(text);
  const anyLine = () => d.int(0, Math.max(0, ls.length - 1));
  const data = dataLines(ls);
  const dataLine = () => (data ? d.int(data.from, data.to - 1) : anyLine());
  switch (d.int(0, 21)) {
    case 0: {
      // Bit flips in the bytes.
      const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
      for (let k = d.int(1, 8); k > 0 && bytes.length > 0; k--) bytes[d.int(0, bytes.length - 1)]! ^= 1 << d.int(0, 7);
      return utf8Decode(bytes);
    }
    case 1: {
      // Bytes that are not UTF-8 (or a stray multi-byte start).
      const bytes = Array.from(Buffer.from(text, 'utf8'));
      for (let k = d.int(1, 4); k > 0; k--) bytes.splice(d.int(0, bytes.length), 0, ...d.pick([[0xff], [0xc3], [0xe2, 0x82], [0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0]]));
      return utf8Decode(Uint8Array.from(bytes));
    }
    case 2:
      return text.slice(0, d.int(0, text.length)); // cut anywhere
    case 3: {
      const at = anyLine();
      ls.splice(at, d.int(1, 5)); // lines dropped
      return ls.join('\n');
    }
    case 4: {
      const at = anyLine();
      ls.splice(at, 0, ls[at]!); // a line doubled (header, metadata or data)
      return ls.join('\n');
    }
    case 5: {
      const a = dataLine();
      const b = dataLine();
      [ls[a], ls[b]] = [ls[b]!, ls[a]!]; // lines swapped
      return ls.join('\n');
    }
    case 6: {
      const at = dataLine();
      const f = ls[at]!.split(',');
      if (d.chance(0.5)) f.splice(d.int(0, f.length), 0, d.pick(ODD_FIELDS));
      else f.splice(d.int(0, Math.max(0, f.length - 1)), 1);
      ls[at] = f.join(','); // a column more or less
      return ls.join('\n');
    }
    case 7: {
      const at = dataLine();
      const f = ls[at]!.split(',');
      f[d.int(0, f.length - 1)] = d.pick(ODD_FIELDS); // an odd number
      ls[at] = f.join(',');
      return ls.join('\n');
    }
    case 8:
      return d.chance(0.7) ? text.replace(/\n/g, '\r\n') : ls.map((l) => (d.chance(0.3) ? `${l}\r` : l)).join('\n'); // CRLF, all or some
    case 9:
      return d.chance(0.7) ? `\ufeff${text}` : (ls.splice(anyLine(), 0, '\ufeff'), ls.join('\n')); // BOM, at the start or inside
    case 10:
      return d.pick(['', '\ufeff', '\n', '\r\n', '   \n\t\n', '#', '# a=b\n# c=d\n']); // empty or nearly
    case 11: {
      // Only the metadata (cut before the header), or only the header.
      const h = ls.findIndex((l) => l.startsWith('t_s,'));
      return d.chance(0.5) ? ls.slice(0, Math.max(0, h)).join('\n') : ls.slice(0, h + 1).join('\n');
    }
    case 12:
      ls.splice(anyLine(), 0, 'x'.repeat(d.pick([4095, 4096, 4097, 10_000]))); // a long line
      return ls.join('\n');
    case 13:
      ls.splice(d.int(0, 3), 0, ...Array.from({ length: d.int(1, 3) }, () => d.pick(ODD_METADATA))); // metadata gone wrong
      return ls.join('\n');
    case 14:
      ls.splice(0, 0, ...Array.from({ length: d.pick([240, 249, 255, 256, 257, 300]) }, (_, k) => `# key_${k}=v`)); // many keys
      return ls.join('\n');
    case 15:
      ls.splice(dataLine(), 0, d.pick(['# late=1', '#', 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps', ' ', '\t', ',,,,,,', '1,2,3,4,5,6'])); // in the data
      return ls.join('\n');
    case 16: {
      // Far-apart times: from some line on, every time moves on by a jump.
      if (!data) return text;
      const from = dataLine();
      const jump = d.pick([0.5, 60, 3600, 43_199, 43_201, 1e5, 1e9, 1e10, 1e15, 1e300]);
      for (let k = from; k < data.to; k++) {
        const f = ls[k]!.split(',');
        const t = Number(f[0]);
        if (Number.isFinite(t)) f[0] = String(t + jump);
        ls[k] = f.join(',');
      }
      return ls.join('\n');
    }
    case 17: {
      // All times shifted far from zero (or to a huge value) at once.
      if (!data) return text;
      const shift = d.pick([-1e6, 1.7e9, 9.9e9, 1.1e10, 1e15, -1e15]);
      for (let k = data.from; k < data.to; k++) {
        const f = ls[k]!.split(',');
        const t = Number(f[0]);
        if (Number.isFinite(t)) f[0] = String(t + shift);
        ls[k] = f.join(',');
      }
      return ls.join('\n');
    }
    case 18: {
      // Every reading of a line at a full-scale extreme (valid numbers, wild physics).
      const at = dataLine();
      const f = ls[at]!.split(',');
      for (let k = 1; k < f.length; k++) f[k] = d.pick(['1e300', '-1e300', '16', '-2000', '0', '5e-324']);
      ls[at] = f.join(',');
      return ls.join('\n');
    }
    case 19:
      ls.splice(anyLine(), 0, ...Array.from({ length: d.int(1, 4) }, () => d.pick(['', ' ', '\t', '\r']))); // blank lines
      return ls.join('\n');
    case 20:
      return d.chance(0.5) ? `${text}\n` : text.replace(/\n+$/, ''); // line break at the end or not
    default:
      return mutateCsv(mutateCsv(text, d), d); // several at once
  }
}

/** Cuts `text` into random chunks (some empty, some splitting a CRLF or a surrogate pair). */
export function randomChunks(text: string, d: Dice): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    const n = d.chance(0.05) ? 0 : d.int(1, d.pick([1, 7, 100, 5000]));
    out.push(text.slice(at, at + n));
    at += n;
  }
  return out;
}

// ---------- checks ----------

/** Lines as the reader counts them (LF ends a line; a BOM does not count). */
function lineCount(text: string): number {
  if (text.length === 0) return 0;
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

export function sameSamples(a: readonly ImuSample[], b: readonly ImuSample[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!(
      Object.is(x.tS, y.tS) &&
      Object.is(x.axG, y.axG) &&
      Object.is(x.ayG, y.ayG) &&
      Object.is(x.azG, y.azG) &&
      Object.is(x.gxDps, y.gxDps) &&
      Object.is(x.gyDps, y.gyDps) &&
      Object.is(x.gzDps, y.gzDps)
    ))
      return false;
  }
  return true;
}

/** What is wrong with a reader result for `text`, or null. */
export function readerResultProblem(text: string, r: RecordingCsvParseResult, limits: RecordingCsvReadLimits = {}): string | null {
  if (!r.ok) {
    const e = r.error;
    const last = lineCount(text.startsWith('\ufeff') ? text.slice(1) : text);
    if (!Number.isInteger(e.line) || e.line < 1 || e.line > last + 1) return `error line ${e.line} outside 1 … ${last + 1}`;
    if (!Number.isInteger(e.column) || e.column < 1 || e.column > RECORDING_CSV_FIELD_COUNT + 1) return `error column ${e.column}`;
    const where = e.columnName !== undefined ? `line ${e.line}, column ${e.column} (${e.columnName}): ` : e.column !== 1 ? `line ${e.line}, column ${e.column}: ` : `line ${e.line}: `;
    if (e.message !== `${where}${e.reason}` || e.reason.length < 5) return `message ${JSON.stringify(e.message)} does not start with ${JSON.stringify(where)}`;
    return null;
  }
  let lastT = -Infinity;
  for (const [i, s] of r.samples.entries()) {
    const values = [s.tS, s.axG, s.ayG, s.azG, s.gxDps, s.gyDps, s.gzDps];
    if (!values.every(Number.isFinite)) return `sample ${i} has a value that is not finite`;
    if (s.tS < lastT) return `sample ${i} goes back in time`;
    if (limits.maxAbsTimeS !== undefined && Math.abs(s.tS) > limits.maxAbsTimeS) return `sample ${i} beyond the time limit`;
    if (limits.maxSpanS !== undefined && s.tS - r.samples[0]!.tS > limits.maxSpanS) return `sample ${i} beyond the span limit`;
    lastT = s.tS;
  }
  for (const w of r.warnings) if (!w.message.startsWith(`line ${w.line}: `) && !/more warnings not shown$/.test(w.message)) return `warning ${JSON.stringify(w.message)} names no line`;
  return null;
}
