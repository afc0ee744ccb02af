/**
 * Recording CSV: the file format for importing, exporting and analysing recorded sessions.
 *
 * ```
 * # roller_diameter_in=6                       ← optional `#` lines, before the header only:
 * # sample_rate_hz=200                           `# key=value` is metadata, anything else a comment
 * # recorded on the living-room floor          ← plain comment (ignored)
 * t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps      ← header, exactly this text
 * 0,0.012,-0.004,1.001,0.25,-0.5,0.125         ← one sample per line, 7 decimal numbers
 * 0.005,0.011,-0.003,0.999,0.5,-0.25,1e-7
 * ```
 * - `t_s`: sample time in seconds on the sensor clock; never decreases (equal times are allowed);
 *   a gap larger than the sample period means lost samples.
 * - `ax_g, ay_g, az_g`: specific force in g, sensor frame (+1 g on the axis pointing up at rest).
 * - `gx_dps, gy_dps, gz_dps`: angular rate in degrees per second, sensor frame, right-handed.
 *
 * Lines end in LF or CRLF; a UTF-8 byte order mark at the start and blank lines are ignored.
 * The full description (number grammar, errors, limits) is in `./README.md`.
 * Pure module: no I/O; zod only.
 */
import { z } from 'zod';

/** The seven columns in file order; also the `ImuSample` fields they map to. */
export const RECORDING_CSV_COLUMNS = ['t_s', 'ax_g', 'ay_g', 'az_g', 'gx_dps', 'gy_dps', 'gz_dps'] as const;

export type RecordingCsvColumn = (typeof RECORDING_CSV_COLUMNS)[number];

/** The header line, exactly (without the line ending). */
export const RECORDING_CSV_HEADER = RECORDING_CSV_COLUMNS.join(',');

/** Number of fields on the header and on every data line. */
export const RECORDING_CSV_FIELD_COUNT = RECORDING_CSV_COLUMNS.length;

/** First character of a comment / metadata line (only allowed before the header). */
export const RECORDING_CSV_COMMENT_PREFIX = '#';

/** Longest accepted line in characters, line ending included; bounds the reader's memory. */
export const RECORDING_CSV_MAX_LINE_CHARS = 4096;

/** Most metadata keys one file may carry. */
export const RECORDING_CSV_MAX_METADATA_KEYS = 256;

/** Longest metadata key in characters. */
export const RECORDING_METADATA_KEY_MAX_CHARS = 64;

/** Metadata: key → value, both strings, in file order. Well-known keys: {@link WELL_KNOWN_RECORDING_METADATA}. */
export type RecordingMetadata = Record<string, string>;

const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/**
 * A metadata key is lowercase snake case: a letter, then letters, digits or `_`, at most
 * {@link RECORDING_METADATA_KEY_MAX_CHARS} characters. Put the unit in the name (`_in`, `_hz`).
 */
export function isValidRecordingMetadataKey(key: string): boolean {
  return key.length <= RECORDING_METADATA_KEY_MAX_CHARS && KEY_PATTERN.test(key);
}

/** Describes why `key` is not a valid metadata key, or `undefined` when it is. */
export function recordingMetadataKeyProblem(key: string): string | undefined {
  if (isValidRecordingMetadataKey(key)) return undefined;
  return `metadata key ${quoteForMessage(key)} is invalid: use lowercase letters, digits and "_", ` + `starting with a letter, at most ${RECORDING_METADATA_KEY_MAX_CHARS} characters`;
}

/**
 * Describes why `value` cannot be written as a metadata value so that it reads back
 * identically, or `undefined` when it can. A value may be empty; it must not contain line
 * breaks or other control characters (tab is allowed inside) and must not start or end with
 * whitespace (the reader trims it).
 */
export function recordingMetadataValueProblem(key: string, value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 10 || c === 13) return `metadata value for "${key}" contains a line break`;
    if ((c < 32 && c !== 9) || c === 127) {
      return `metadata value for "${key}" contains a control character (U+${c.toString(16).toUpperCase().padStart(4, '0')})`;
    }
  }
  if (value !== value.trim()) return `metadata value for "${key}" starts or ends with whitespace`;
  return undefined;
}

/** The metadata line for one entry, as the writer prints it (without line ending). */
export function formatRecordingMetadataLine(key: string, value: string): string {
  return `${RECORDING_CSV_COMMENT_PREFIX} ${key}=${value}`;
}

/** Decimal number as the data lines use it: `-1.5`, `2`, `.5`, `3e-7`, `+1E+3` (no spaces, hex, NaN, Infinity). */
const DECIMAL_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const positiveDecimal = z.string().regex(DECIMAL_PATTERN, 'must be a decimal number').transform(Number).pipe(z.number().positive('must be greater than 0'));

/**
 * Well-known metadata keys and their values as parsed types. Any other key is allowed and
 * kept as a string. Values are validated per key with {@link parseWellKnownRecordingMetadata};
 * an invalid value is reported as a warning by the reader, never as a read error.
 */
export const wellKnownRecordingMetadataSchema = z.object({
  /** Outer diameter of the foam roller in inches, e.g. `6`. */
  roller_diameter_in: positiveDecimal.optional(),
  /** Nominal sample rate in Hz, e.g. `200` (actual times are in `t_s`). */
  sample_rate_hz: positiveDecimal.optional(),
  /** Where the samples came from, free text; we write `ble`, `simulator`, `replay` or `import`. */
  source: z.string().min(1, 'must not be empty').optional(),
  /** Sensor model / firmware, free text, e.g. `witmotion-wt901ble` or `roller-fw 1.2.0`. */
  sensor: z.string().min(1, 'must not be empty').optional(),
  /** Wall-clock time of the first sample: ISO 8601 with offset, e.g. `2025-03-01T18:30:00Z`. */
  started_at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2025-03-01T18:30:00Z' }).optional(),
});

export type WellKnownRecordingMetadata = z.infer<typeof wellKnownRecordingMetadataSchema>;

export type WellKnownRecordingMetadataKey = keyof WellKnownRecordingMetadata;

/** The well-known keys with a one-line meaning each (also listed in the README). */
export const WELL_KNOWN_RECORDING_METADATA: Readonly<Record<WellKnownRecordingMetadataKey, string>> = {
  roller_diameter_in: 'outer diameter of the foam roller, inches (positive decimal)',
  sample_rate_hz: 'nominal sample rate, Hz (positive decimal)',
  source: 'where the samples came from: ble, simulator, replay, import (free text)',
  sensor: 'sensor model and firmware (free text)',
  started_at: 'wall-clock time of the first sample, ISO 8601 with offset',
};

export interface RecordingMetadataIssue {
  key: WellKnownRecordingMetadataKey;
  message: string;
}

/**
 * Reads the well-known keys of `metadata` into typed values. Each key is checked on its own:
 * an invalid value is left out of `values` and described in `issues`; other keys are ignored.
 */
export function parseWellKnownRecordingMetadata(metadata: Readonly<RecordingMetadata>): {
  values: WellKnownRecordingMetadata;
  issues: RecordingMetadataIssue[];
} {
  const values: Record<string, unknown> = {};
  const issues: RecordingMetadataIssue[] = [];
  const shape = wellKnownRecordingMetadataSchema.shape;
  for (const key of Object.keys(shape) as WellKnownRecordingMetadataKey[]) {
    if (!Object.hasOwn(metadata, key)) continue;
    const raw = metadata[key];
    const parsed = shape[key].safeParse(raw);
    if (parsed.success) {
      values[key] = parsed.data;
    } else {
      const reason = parsed.error.issues[0]?.message ?? 'invalid value';
      issues.push({ key, message: `metadata ${key}=${quoteForMessage(raw ?? '')} ${reason}` });
    }
  }
  return { values, issues };
}

/** Quotes text for an error message, shortened to 40 characters, control characters escaped. */
export function quoteForMessage(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return JSON.stringify(short);
}
