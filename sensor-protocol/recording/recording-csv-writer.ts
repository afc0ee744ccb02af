/**
 * Recording CSV writer: `ImuSample`s + metadata in, text out (LF line endings, no BOM,
 * trailing newline). Layout and rules: `./recording-csv-format.ts` and `./README.md`.
 *
 * ```
 * # key=value          ← one line per metadata entry, in the object's key order
 * t_s,ax_g,…,gz_dps    ← header
 * 0,0.01,…,-0.5        ← one line per sample
 * ```
 * Numbers are printed with {@link formatRecordingCsvNumber}: the shortest text that reads
 * back as exactly the same float64 (ECMAScript `Number.prototype.toString`, which the
 * language specifies to round-trip), plus `-0` for negative zero. So write → read returns
 * identical samples and metadata.
 *
 * The writer refuses input that the reader would reject or change, by throwing
 * {@link RecordingCsvWriteError}: invalid metadata keys or values, non-finite numbers, and
 * `t_s` going backwards (also across chunks).
 * Pure: no I/O; the caller decides where the text goes.
 */
import type { ImuSample } from '../imu-sample';
import {
  RECORDING_CSV_COLUMNS,
  RECORDING_CSV_HEADER,
  RECORDING_CSV_MAX_LINE_CHARS,
  RECORDING_CSV_MAX_METADATA_KEYS,
  formatRecordingMetadataLine,
  recordingMetadataKeyProblem,
  recordingMetadataValueProblem,
  type RecordingMetadata,
} from './recording-csv-format';

/** Thrown for input that cannot be written as a valid recording. */
export class RecordingCsvWriteError extends Error {
  override readonly name = 'RecordingCsvWriteError';
}

/**
 * Shortest text that parses back to exactly `value` (`String(value)`, with `-0` kept).
 * Throws for NaN and ±Infinity, which a recording cannot hold.
 */
export function formatRecordingCsvNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RecordingCsvWriteError(`${String(value)} is not a finite number`);
  return formatFinite(value);
}

/**
 * The metadata lines and the header, each ending in LF. Throws {@link RecordingCsvWriteError}
 * when a key or value is invalid.
 */
export function formatRecordingCsvPreamble(metadata: Readonly<RecordingMetadata> = {}): string {
  const keys = Object.keys(metadata);
  if (keys.length > RECORDING_CSV_MAX_METADATA_KEYS) {
    throw new RecordingCsvWriteError(`${keys.length} metadata keys: a recording can hold at most ${RECORDING_CSV_MAX_METADATA_KEYS}`);
  }
  let text = '';
  for (const key of keys) {
    const value = metadata[key];
    if (typeof value !== 'string') {
      throw new RecordingCsvWriteError(`metadata value for "${key}" is a ${typeof value}, expected a string`);
    }
    const problem = recordingMetadataKeyProblem(key) ?? recordingMetadataValueProblem(key, value);
    if (problem !== undefined) throw new RecordingCsvWriteError(problem);
    const line = formatRecordingMetadataLine(key, value);
    if (line.length > RECORDING_CSV_MAX_LINE_CHARS) {
      throw new RecordingCsvWriteError(`metadata "${key}" is too long: its line would exceed ${RECORDING_CSV_MAX_LINE_CHARS} characters`);
    }
    text += `${line}\n`;
  }
  return `${text}${RECORDING_CSV_HEADER}\n`;
}

/**
 * Incremental writer: the first {@link write} (or {@link finish}, for an empty recording)
 * returns the metadata and header, then every call returns the rows of its samples.
 * Concatenating all returned strings gives the file.
 */
export class RecordingCsvWriter {
  private preamble: string | undefined;
  private previousT = Number.NEGATIVE_INFINITY;
  private written = 0;
  private finished = false;

  /** Validates the metadata now; throws {@link RecordingCsvWriteError} if it is invalid. */
  constructor(metadata: Readonly<RecordingMetadata> = {}) {
    this.preamble = formatRecordingCsvPreamble(metadata);
  }

  /** Samples written so far. */
  get sampleCount(): number {
    return this.written;
  }

  /**
   * Returns the text for `samples` (preceded by the preamble on the first call). On invalid
   * input it throws and the writer is unchanged, so nothing of this chunk is written.
   */
  write(samples: readonly ImuSample[]): string {
    if (this.finished) throw new RecordingCsvWriteError('write() called after finish()');
    let previousT = this.previousT;
    const blocks: string[] = [];
    let rows: string[] = [];
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i] as ImuSample;
      if (!isFiniteSample(s)) throw notFiniteError(s, this.written + i + 1);
      if (s.tS < previousT) {
        throw new RecordingCsvWriteError(`sample ${this.written + i + 1}: t_s ${s.tS} is less than the previous sample's ${previousT}; ` + 'time must not go backwards');
      }
      previousT = s.tS;
      rows.push(`${formatFinite(s.tS)},${formatFinite(s.axG)},${formatFinite(s.ayG)},${formatFinite(s.azG)},` + `${formatFinite(s.gxDps)},${formatFinite(s.gyDps)},${formatFinite(s.gzDps)}\n`);
      if (rows.length === ROWS_PER_BLOCK) {
        blocks.push(rows.join(''));
        rows = [];
      }
    }
    blocks.push(rows.join(''));
    this.previousT = previousT;
    this.written += samples.length;
    return this.takePreamble() + blocks.join('');
  }

  /** Ends the file: returns the preamble if nothing was written yet, else `''`. */
  finish(): string {
    if (this.finished) throw new RecordingCsvWriteError('finish() called twice');
    this.finished = true;
    return this.takePreamble();
  }

  private takePreamble(): string {
    const text = this.preamble ?? '';
    this.preamble = undefined;
    return text;
  }
}

/** A whole recording as text. Throws {@link RecordingCsvWriteError} for invalid input. */
export function formatRecordingCsv(samples: readonly ImuSample[], metadata: Readonly<RecordingMetadata> = {}): string {
  const writer = new RecordingCsvWriter(metadata);
  return writer.write(samples) + writer.finish();
}

/** Rows joined per block: joining in blocks keeps a long recording from building one deep string rope. */
const ROWS_PER_BLOCK = 1024;

function formatFinite(value: number): string {
  return value === 0 && 1 / value < 0 ? '-0' : String(value);
}

function isFiniteSample(s: ImuSample): boolean {
  return Number.isFinite(s.tS) && Number.isFinite(s.axG) && Number.isFinite(s.ayG) && Number.isFinite(s.azG) && Number.isFinite(s.gxDps) && Number.isFinite(s.gyDps) && Number.isFinite(s.gzDps);
}

const SAMPLE_FIELDS = ['tS', 'axG', 'ayG', 'azG', 'gxDps', 'gyDps', 'gzDps'] as const satisfies readonly (keyof ImuSample)[];

function notFiniteError(sample: ImuSample, number: number): RecordingCsvWriteError {
  const index = SAMPLE_FIELDS.findIndex((field) => !Number.isFinite(sample[field]));
  const field = SAMPLE_FIELDS[index] ?? 'tS';
  return new RecordingCsvWriteError(`sample ${number}: ${RECORDING_CSV_COLUMNS[index] ?? field} is ${String(sample[field])}; only finite numbers can be written`);
}
