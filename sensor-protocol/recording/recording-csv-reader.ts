/**
 * Recording CSV reader: text in, `ImuSample`s + metadata out, or one precise error.
 *
 * ```
 * chunk ──▶ [carry: unfinished line] ──▶ line ──┬─ blank ─────────────▶ skipped
 *                                               ├─ `#…` before header ▶ metadata / comment
 *                                               ├─ header ────────────▶ switch to data
 *                                               └─ data line ─────────▶ ImuSample
 * ```
 * - Chunks may be any size and split lines (or a CRLF) anywhere; the result is the same as
 *   parsing the whole text at once. Memory besides the output: the unfinished line, at most
 *   {@link RECORDING_CSV_MAX_LINE_CHARS} characters.
 * - Decisions: a header-only file is valid (zero samples, with a warning); any `#` line after
 *   the header is an error (metadata must come first, and a `#` among samples usually means
 *   two files were joined); blank lines are skipped everywhere; equal consecutive `t_s` are
 *   allowed, decreasing ones are an error; a repeated metadata key is an error.
 * - Errors stop the parse: the first one is kept with its 1-based file line and 1-based column
 *   (field index) and the column's name. Samples returned before it are valid.
 * - Numbers: fields are scanned by hand (no regular expression or zod per line); up to 15
 *   significant digits are converted exactly with one float operation, longer ones by
 *   `Number()`. Either way the value is the correctly rounded float64 of the text.
 * Pure: no I/O, no clock.
 */
import type { ImuSample } from '../imu-sample';
import {
  RECORDING_CSV_COLUMNS,
  RECORDING_CSV_FIELD_COUNT,
  RECORDING_CSV_HEADER,
  RECORDING_CSV_MAX_LINE_CHARS,
  RECORDING_CSV_MAX_METADATA_KEYS,
  isValidRecordingMetadataKey,
  parseWellKnownRecordingMetadata,
  quoteForMessage,
  type RecordingMetadata,
} from './recording-csv-format';

/** Where and why a recording could not be read. */
export interface RecordingCsvError {
  /** 1-based line in the file (a BOM does not count; an error at end of file names the line after the last). */
  line: number;
  /** 1-based field index on that line; 1 for errors about the whole line. */
  column: number;
  /** Name of the column at `column` in the format (the expected name for header errors). */
  columnName?: string;
  /** What went wrong, without the location: `"abc" is not a number`. */
  reason: string;
  /** User-facing text with the location: `line 12, column 3 (ay_g): "abc" is not a number`. */
  message: string;
}

/** Something worth showing that did not stop the read. */
export interface RecordingCsvWarning {
  /** 1-based line the warning is about. */
  line: number;
  /** User-facing text with the location: `line 2: ...`. */
  message: string;
}

export type RecordingCsvParseResult =
  | {
      ok: true;
      metadata: RecordingMetadata;
      /** The 1-based line of each metadata key, for messages about a value. */
      metadataLines: Record<string, number>;
      samples: ImuSample[];
      warnings: RecordingCsvWarning[];
    }
  | { ok: false; error: RecordingCsvError };

/** At most this many warnings are kept; later ones are counted in a final warning. */
export const RECORDING_CSV_MAX_WARNINGS = 100;

/**
 * Optional bounds on `t_s` a caller may ask for (the format itself takes any finite time): a
 * sample time beyond either is an error naming its line. The session import uses them, since
 * the motion engine's work grows with the time a recording spans, not with its lines.
 */
export interface RecordingCsvReadLimits {
  /** Largest |t_s|, s. */
  maxAbsTimeS?: number;
  /** Largest t_s after the first sample's, s. */
  maxSpanS?: number;
  /** Most sample lines; one more is an error on its line. */
  maxSamples?: number;
}

const CHAR_CR = 13;
const CHAR_TAB = 9;
const CHAR_SPACE = 32;
const CHAR_HASH = 35;
const CHAR_COMMA = 44;
const CHAR_PLUS = 43;
const CHAR_MINUS = 45;
const CHAR_DOT = 46;
const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_LOWER_T = 116;
const CHAR_UPPER_E = 69;
const CHAR_LOWER_E = 101;
const CHAR_BOM = 0xfeff;

/** Text before `=` in a comment that was probably meant as a metadata key (no spaces, no punctuation). */
const KEY_LIKE = /^[A-Za-z0-9_.-]+$/;

type ParserState = 'preamble' | 'data' | 'failed' | 'finished';

/**
 * Incremental reader. Call {@link feed} with each chunk of text, then {@link finish} once.
 * Both return the samples completed by that call. On an error, {@link error} is set, the call
 * returns the samples completed before the bad line, and later calls return `[]`; check
 * `error` after every call (or at least after `finish`).
 */
export class RecordingCsvParser {
  private state: ParserState = 'preamble';
  /** Line of the header, 0 until it has been read. */
  private headerLineNumber = 0;
  private carry = '';
  private lineNumber = 0;
  private bomChecked = false;
  private sawContent = false;
  private readonly metadataLineMap = new Map<string, number>();
  private readonly metadataMap: RecordingMetadata = {};
  private readonly warningList: RecordingCsvWarning[] = [];
  private droppedWarnings = 0;
  private samplesRead = 0;
  private previousT = Number.NEGATIVE_INFINITY;
  private previousTLine = 0;
  private firstT = 0;
  private firstTLine = 0;
  private readonly maxAbsTimeS: number;
  private readonly maxSpanS: number;
  private readonly maxSamples: number;
  private failure: RecordingCsvError | undefined;
  /** Positions of the six commas of the data line being parsed. */
  private readonly commas = new Int32Array(RECORDING_CSV_FIELD_COUNT - 1);

  constructor(limits: RecordingCsvReadLimits = {}) {
    this.maxAbsTimeS = limits.maxAbsTimeS ?? Number.POSITIVE_INFINITY;
    this.maxSpanS = limits.maxSpanS ?? Number.POSITIVE_INFINITY;
    this.maxSamples = limits.maxSamples ?? Number.POSITIVE_INFINITY;
  }

  /** The first error, or `undefined` while the input is valid. */
  get error(): RecordingCsvError | undefined {
    return this.failure;
  }

  /** Metadata read so far (complete once the header has been read). */
  get metadata(): Readonly<RecordingMetadata> {
    return this.metadataMap;
  }

  /** The 1-based line each metadata key was read from. */
  get metadataLines(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.metadataLineMap);
  }

  get warnings(): readonly RecordingCsvWarning[] {
    return this.warningList;
  }

  /** True once the header line has been read. */
  get headerRead(): boolean {
    return this.headerLineNumber > 0;
  }

  /** Samples produced so far. */
  get sampleCount(): number {
    return this.samplesRead;
  }

  /** `t_s` of the first and of the latest sample, s (NaN before the first sample). */
  get firstSampleT(): number {
    return this.samplesRead > 0 ? this.firstT : NaN;
  }

  get lastSampleT(): number {
    return this.samplesRead > 0 ? this.previousT : NaN;
  }

  /** Complete lines consumed so far. */
  get linesRead(): number {
    return this.lineNumber;
  }

  /** Consumes a chunk of text; returns the samples of the lines it completed. */
  feed(chunk: string): ImuSample[] {
    if (this.state === 'finished') throw new Error('RecordingCsvParser: feed() called after finish()');
    const out: ImuSample[] = [];
    if (this.state === 'failed' || chunk.length === 0) return out;
    if (!this.bomChecked) {
      this.bomChecked = true;
      if (chunk.charCodeAt(0) === CHAR_BOM) {
        chunk = chunk.slice(1);
        if (chunk.length === 0) return out;
      }
    }
    let start = 0;
    if (this.carry.length > 0) {
      const newline = chunk.indexOf('\n');
      if (newline === -1) {
        this.carry += chunk;
        this.checkCarryLength();
        return out;
      }
      const line = this.carry + chunk.slice(0, newline);
      this.carry = '';
      if (!this.line(line, 0, line.length, out)) return out;
      start = newline + 1;
    }
    for (;;) {
      const newline = chunk.indexOf('\n', start);
      if (newline === -1) break;
      if (!this.line(chunk, start, newline, out)) return out;
      start = newline + 1;
    }
    if (start < chunk.length) {
      this.carry = chunk.slice(start);
      this.checkCarryLength();
    }
    return out;
  }

  /** Ends the input: reads a last line without line ending and checks that a header was seen. */
  finish(): ImuSample[] {
    if (this.state === 'finished') throw new Error('RecordingCsvParser: finish() called twice');
    const out: ImuSample[] = [];
    if (this.state !== 'failed' && this.carry.length > 0) {
      const line = this.carry;
      this.carry = '';
      this.line(line, 0, line.length, out);
    }
    if (this.state === 'preamble') {
      if (this.sawContent) {
        this.fail(this.lineNumber + 1, 1, `no header line: the file ended before ${RECORDING_CSV_HEADER}`);
      } else {
        this.fail(this.lineNumber + 1, 1, `the file is empty: expected the header ${RECORDING_CSV_HEADER}`);
      }
    } else if (this.state === 'data' && this.samplesRead === 0) {
      this.warn(this.headerLineNumber, 'the recording has a header but no samples');
    }
    if (this.droppedWarnings > 0) {
      this.warningList.push({
        line: this.lineNumber,
        message: `${this.droppedWarnings} more warnings not shown`,
      });
      this.droppedWarnings = 0;
    }
    this.state = 'finished';
    return out;
  }

  private checkCarryLength(): void {
    if (this.carry.length > RECORDING_CSV_MAX_LINE_CHARS) {
      this.carry = '';
      this.fail(this.lineNumber + 1, 1, tooLongReason());
    }
  }

  /** Handles the line `text[start, end)` (end excludes the LF). Returns false on error. */
  private line(text: string, start: number, end: number, out: ImuSample[]): boolean {
    const lineNumber = ++this.lineNumber;
    if (end - start > RECORDING_CSV_MAX_LINE_CHARS) return this.fail(lineNumber, 1, tooLongReason());
    if (end > start && text.charCodeAt(end - 1) === CHAR_CR) end--;
    if (end === start) return true;
    const first = text.charCodeAt(start);
    if ((first === CHAR_SPACE || first === CHAR_TAB) && text.slice(start, end).trim() === '') return true;
    if (this.state === 'data') {
      if (first === CHAR_HASH) {
        return this.fail(lineNumber, 1, 'a "#" comment or metadata line after the header: "#" lines are only allowed before the header');
      }
      if (first === CHAR_LOWER_T && text.slice(start, end) === RECORDING_CSV_HEADER) {
        return this.fail(lineNumber, 1, 'the header appears again: were two recordings joined?');
      }
      return this.dataLine(text, start, end, lineNumber, out);
    }
    this.sawContent = true;
    if (first === CHAR_HASH) return this.commentLine(text.slice(start + 1, end), lineNumber);
    return this.headerLine(text.slice(start, end), lineNumber);
  }

  private commentLine(body: string, lineNumber: number): boolean {
    const equals = body.indexOf('=');
    if (equals === -1) return true;
    const key = body.slice(0, equals).trim();
    if (!isValidRecordingMetadataKey(key)) {
      if (KEY_LIKE.test(key)) {
        this.warn(lineNumber, `${quoteForMessage(key)} is not a metadata key (use lowercase letters, digits and "_", ` + 'starting with a letter); the line is read as a plain comment');
      }
      return true;
    }
    const firstLine = this.metadataLineMap.get(key);
    if (firstLine !== undefined) {
      return this.fail(lineNumber, 1, `metadata key "${key}" is repeated (first set on line ${firstLine})`);
    }
    if (this.metadataLineMap.size >= RECORDING_CSV_MAX_METADATA_KEYS) {
      return this.fail(lineNumber, 1, `more than ${RECORDING_CSV_MAX_METADATA_KEYS} metadata keys`);
    }
    this.metadataLineMap.set(key, lineNumber);
    this.metadataMap[key] = body.slice(equals + 1).trim();
    return true;
  }

  private headerLine(line: string, lineNumber: number): boolean {
    if (line === RECORDING_CSV_HEADER) {
      this.state = 'data';
      this.headerLineNumber = lineNumber;
      for (const issue of parseWellKnownRecordingMetadata(this.metadataMap).issues) {
        this.warn(this.metadataLineMap.get(issue.key) ?? lineNumber, `${issue.message}; the value is ignored`);
      }
      return true;
    }
    const fields = line.split(',');
    const expected = ` (the header must be exactly ${RECORDING_CSV_HEADER})`;
    const firstField = fields[0] ?? '';
    if (isDecimalNumber(firstField, 0, firstField.length)) {
      return this.fail(lineNumber, 1, `missing header: this looks like a data line; the first line that is not "#" or blank must be ${RECORDING_CSV_HEADER}`);
    }
    for (let i = 0; i < RECORDING_CSV_FIELD_COUNT; i++) {
      const name = RECORDING_CSV_COLUMNS[i] as string;
      const found = fields[i];
      if (found === undefined) {
        return this.fail(lineNumber, i + 1, `header is missing column "${name}"${expected}`, name);
      }
      if (found !== name) {
        const reason = `expected header column "${name}" but found ${quoteForMessage(found)}${expected}`;
        return this.fail(lineNumber, i + 1, reason, name);
      }
    }
    const extra = fields[RECORDING_CSV_FIELD_COUNT] ?? '';
    const reason = `unexpected extra header column ${quoteForMessage(extra)}${expected}`;
    return this.fail(lineNumber, RECORDING_CSV_FIELD_COUNT + 1, reason);
  }

  private dataLine(text: string, start: number, end: number, lineNumber: number, out: ImuSample[]): boolean {
    const commas = this.commas;
    let count = 0;
    let position = start;
    for (;;) {
      const comma = text.indexOf(',', position);
      if (comma === -1 || comma >= end) break;
      if (count === RECORDING_CSV_FIELD_COUNT - 1) {
        let fields = RECORDING_CSV_FIELD_COUNT + 1;
        for (let i = comma + 1; i < end; i++) if (text.charCodeAt(i) === CHAR_COMMA) fields++;
        return this.fail(lineNumber, RECORDING_CSV_FIELD_COUNT + 1, `too many fields: found ${fields}, expected ${RECORDING_CSV_FIELD_COUNT}`);
      }
      commas[count++] = comma;
      position = comma + 1;
    }
    if (count < RECORDING_CSV_FIELD_COUNT - 1) {
      const missing = count + 1;
      return this.fail(lineNumber, missing + 1, `missing field: found ${missing} fields, expected ${RECORDING_CSV_FIELD_COUNT}`, RECORDING_CSV_COLUMNS[missing]);
    }
    const c0 = commas[0] as number;
    const c1 = commas[1] as number;
    const c2 = commas[2] as number;
    const c3 = commas[3] as number;
    const c4 = commas[4] as number;
    const c5 = commas[5] as number;
    if (this.samplesRead >= this.maxSamples) {
      return this.fail(lineNumber, 1, `more than ${this.maxSamples} samples: a recording may hold at most ${this.maxSamples} sample lines`);
    }
    const tS = this.field(text, start, c0, 0, lineNumber);
    if (tS !== tS) return false;
    if (tS < this.previousT) {
      return this.fail(
        lineNumber,
        1,
        `time goes backwards: t_s ${text.slice(start, c0)} is less than ${this.previousT} on line ${this.previousTLine} ` + '(equal times are allowed, decreasing times are not)',
        RECORDING_CSV_COLUMNS[0],
      );
    }
    if (Math.abs(tS) > this.maxAbsTimeS) {
      const reason = `t_s ${quoteForMessage(text.slice(start, c0))} is too far from zero: sample times must lie within ±${this.maxAbsTimeS} s`;
      return this.fail(lineNumber, 1, reason, RECORDING_CSV_COLUMNS[0]);
    }
    if (this.samplesRead === 0) {
      this.firstT = tS;
      this.firstTLine = lineNumber;
    } else if (tS - this.firstT > this.maxSpanS) {
      const reason =
        `t_s ${quoteForMessage(text.slice(start, c0))} is ${Number((tS - this.firstT).toPrecision(6))} s after the first sample ` +
        `(line ${this.firstTLine}): a recording may span at most ${this.maxSpanS} s`;
      return this.fail(lineNumber, 1, reason, RECORDING_CSV_COLUMNS[0]);
    }
    const axG = this.field(text, c0 + 1, c1, 1, lineNumber);
    if (axG !== axG) return false;
    const ayG = this.field(text, c1 + 1, c2, 2, lineNumber);
    if (ayG !== ayG) return false;
    const azG = this.field(text, c2 + 1, c3, 3, lineNumber);
    if (azG !== azG) return false;
    const gxDps = this.field(text, c3 + 1, c4, 4, lineNumber);
    if (gxDps !== gxDps) return false;
    const gyDps = this.field(text, c4 + 1, c5, 5, lineNumber);
    if (gyDps !== gyDps) return false;
    const gzDps = this.field(text, c5 + 1, end, 6, lineNumber);
    if (gzDps !== gzDps) return false;
    this.previousT = tS;
    this.previousTLine = lineNumber;
    this.samplesRead++;
    out.push({ tS, axG, ayG, azG, gxDps, gyDps, gzDps });
    return true;
  }

  /** Parses `text[start, end)` as a finite decimal; on error records it and returns NaN. */
  private field(text: string, start: number, end: number, index: number, lineNumber: number): number {
    const value = parseDecimal(text, start, end);
    if (value === value) {
      if (value !== Infinity && value !== -Infinity) return value;
      const reason = `${quoteForMessage(text.slice(start, end))} is out of range (too large for a 64-bit float)`;
      this.fail(lineNumber, index + 1, reason, RECORDING_CSV_COLUMNS[index]);
      return NaN;
    }
    this.fail(lineNumber, index + 1, notANumberReason(text.slice(start, end)), RECORDING_CSV_COLUMNS[index]);
    return NaN;
  }

  private fail(line: number, column: number, reason: string, columnName?: string): false {
    let where = `line ${line}`;
    if (columnName !== undefined) where += `, column ${column} (${columnName})`;
    else if (column !== 1) where += `, column ${column}`;
    const error: RecordingCsvError = { line, column, reason, message: `${where}: ${reason}` };
    if (columnName !== undefined) error.columnName = columnName;
    this.failure = error;
    this.state = 'failed';
    this.carry = '';
    return false;
  }

  private warn(line: number, reason: string): void {
    if (this.warningList.length >= RECORDING_CSV_MAX_WARNINGS) {
      this.droppedWarnings++;
      return;
    }
    this.warningList.push({ line, message: `line ${line}: ${reason}` });
  }
}

/** Reads a whole recording CSV. Never throws. */
export function parseRecordingCsv(text: string, limits?: RecordingCsvReadLimits): RecordingCsvParseResult {
  return parseRecordingCsvChunks([text], limits);
}

/** Reads a recording CSV given as consecutive chunks of text (e.g. decoded file blocks). Never throws. */
export function parseRecordingCsvChunks(chunks: Iterable<string>, limits?: RecordingCsvReadLimits): RecordingCsvParseResult {
  const parser = new RecordingCsvParser(limits);
  let samples: ImuSample[] = [];
  for (const chunk of chunks) {
    const more = parser.feed(chunk);
    if (samples.length === 0) samples = more;
    else for (const sample of more) samples.push(sample);
    if (parser.error !== undefined) break;
  }
  if (parser.error === undefined) {
    for (const sample of parser.finish()) samples.push(sample);
  }
  const error = parser.error;
  if (error !== undefined) return { ok: false, error };
  return { ok: true, metadata: { ...parser.metadata }, metadataLines: { ...parser.metadataLines }, samples, warnings: [...parser.warnings] };
}

/**
 * True when `text[start, end)` is a decimal number: optional sign, digits with an optional
 * `.` (at least one digit in all), optional exponent `e`/`E` with optional sign and digits.
 * No spaces, hex, `NaN` or `Infinity`.
 */
export function isDecimalNumber(text: string, start: number, end: number): boolean {
  let i = start;
  let c = text.charCodeAt(i);
  if (c === CHAR_PLUS || c === CHAR_MINUS) c = text.charCodeAt(++i);
  let digits = 0;
  while (i < end && c >= CHAR_0 && c <= CHAR_9) {
    digits++;
    c = text.charCodeAt(++i);
  }
  if (i < end && c === CHAR_DOT) {
    c = text.charCodeAt(++i);
    while (i < end && c >= CHAR_0 && c <= CHAR_9) {
      digits++;
      c = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (i < end && (c === CHAR_LOWER_E || c === CHAR_UPPER_E)) {
    c = text.charCodeAt(++i);
    if (i < end && (c === CHAR_PLUS || c === CHAR_MINUS)) c = text.charCodeAt(++i);
    let exponentDigits = 0;
    while (i < end && c >= CHAR_0 && c <= CHAR_9) {
      exponentDigits++;
      c = text.charCodeAt(++i);
    }
    if (exponentDigits === 0) return false;
  }
  return i === end;
}

/** Exact powers of ten as float64 (10^22 is the largest exactly representable one). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Largest count of significant digits whose integer is exact in a float64 (10^15 < 2^53). */
const FAST_PATH_MAX_DIGITS = 15;

/**
 * Value of the decimal `text[start, end)` (grammar of {@link isDecimalNumber}), correctly
 * rounded to float64; NaN when it is not a decimal, ±Infinity when it overflows.
 * Fast path (Clinger): with at most 15 significant digits and a power of ten up to 10^22,
 * the digits and the power are exact doubles, so one multiplication or division rounds
 * correctly. Anything else goes to `Number()`, which is correctly rounded for every input.
 */
function parseDecimal(text: string, start: number, end: number): number {
  let i = start;
  let c = text.charCodeAt(i);
  let negative = false;
  if (c === CHAR_PLUS || c === CHAR_MINUS) {
    negative = c === CHAR_MINUS;
    c = text.charCodeAt(++i);
  }
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let scale = 0;
  while (i < end && c >= CHAR_0 && c <= CHAR_9) {
    digits++;
    if (significant > 0 || c !== CHAR_0) {
      significant++;
      mantissa = mantissa * 10 + (c - CHAR_0);
    }
    c = text.charCodeAt(++i);
  }
  if (i < end && c === CHAR_DOT) {
    c = text.charCodeAt(++i);
    while (i < end && c >= CHAR_0 && c <= CHAR_9) {
      digits++;
      scale--;
      if (significant > 0 || c !== CHAR_0) {
        significant++;
        mantissa = mantissa * 10 + (c - CHAR_0);
      }
      c = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return NaN;
  if (i < end && (c === CHAR_LOWER_E || c === CHAR_UPPER_E)) {
    c = text.charCodeAt(++i);
    let exponentNegative = false;
    if (i < end && (c === CHAR_PLUS || c === CHAR_MINUS)) {
      exponentNegative = c === CHAR_MINUS;
      c = text.charCodeAt(++i);
    }
    let exponent = 0;
    let exponentDigits = 0;
    while (i < end && c >= CHAR_0 && c <= CHAR_9) {
      exponentDigits++;
      if (exponent < 100_000) exponent = exponent * 10 + (c - CHAR_0);
      c = text.charCodeAt(++i);
    }
    if (exponentDigits === 0) return NaN;
    scale += exponentNegative ? -exponent : exponent;
  }
  if (i !== end) return NaN;
  if (significant <= FAST_PATH_MAX_DIGITS) {
    let value: number;
    if (mantissa === 0) value = 0;
    else if (scale >= 0 && scale <= 22) value = mantissa * (POWERS_OF_TEN[scale] as number);
    else if (scale < 0 && scale >= -22) value = mantissa / (POWERS_OF_TEN[-scale] as number);
    else return Number(text.slice(start, end));
    return negative ? -value : value;
  }
  return Number(text.slice(start, end));
}

function notANumberReason(field: string): string {
  if (field.length === 0) return 'empty field: expected a number';
  const trimmed = field.replace(/^[ \t]+|[ \t]+$/g, '');
  if (trimmed !== field && isDecimalNumber(trimmed, 0, trimmed.length)) {
    return `${quoteForMessage(field)} has spaces around the number; write it without spaces`;
  }
  const unsigned = trimmed.replace(/^[+-]/, '').toLowerCase();
  if (unsigned === 'nan' || unsigned === 'infinity' || unsigned === 'inf') {
    return `${quoteForMessage(field)} is not a finite number`;
  }
  return `${quoteForMessage(field)} is not a number`;
}

function tooLongReason(): string {
  return `the line is longer than ${RECORDING_CSV_MAX_LINE_CHARS} characters`;
}
