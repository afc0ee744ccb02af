/**
 * Import of a recording CSV as a session: source `import`, the samples stored losslessly
 * (./sample-batch-codec.ts), analysed with the current engine and the given settings (the
 * recording's `roller_diameter_in`, `neck_above_cm` and `lumbar_below_cm` override them, as
 * in `roller analyze`), end reason `completed`. Everything is written in one transaction: a bad
 * file imports nothing, and the error names its line and column.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { parseWellKnownRecordingMetadata } from '../../sensor-protocol/recording/recording-csv-format';
import { parseRecordingCsvChunks, type RecordingCsvReadLimits } from '../../sensor-protocol/recording/recording-csv-reader';
import type { MotionSettings } from '../motion/motion-settings';
import { priorDailyRollingS } from './session-history';
import { recordingSettings } from './recording-settings';
import type { StoredSession } from './session-records';
import type { SessionStore } from './session-store';
import { SessionStoreError } from './store-error';
import { analyzeForStorage, sampleBatches } from './stored-analysis';

/**
 * Sample times an import accepts. The engine makes track points at its track rate across the
 * whole time a recording spans, gaps included, so a few lines with far-apart times could take
 * minutes and gigabytes (or never end, once times are so large that a track step no longer
 * changes them): a recording may span 12 hours, and its times must stay within ±10¹⁰ s.
 */
export const IMPORT_TIME_LIMITS: Readonly<Required<RecordingCsvReadLimits>> = Object.freeze({ maxSpanS: 12 * 3600, maxAbsTimeS: 1e10 });

export interface ImportOptions {
  /** Shown in messages and kept with the session. */
  fileName: string;
  /** Settings to analyse with (e.g. from the profile), before the recording's own hints. */
  settings: MotionSettings;
  /** Wall clock, ms since 1970. */
  now: number;
  /**
   * When the recording has no `started_at`: when its file was last modified, taken as the end of
   * the recording (default: it ended now).
   */
  fileModifiedAt?: number;
}

export interface ImportResult {
  session: StoredSession;
  samples: number;
  /** The reader's warnings (e.g. a misspelt metadata key). */
  warnings: string[];
}

export function importRecordingText(store: SessionStore, text: string | Iterable<string>, options: ImportOptions): ImportResult {
  const name = options.fileName;
  const parsed = parseRecordingCsvChunks(typeof text === 'string' ? [text] : text, IMPORT_TIME_LIMITS);
  if (!parsed.ok) throw new SessionStoreError('bad-import', `${name}: ${parsed.error.message}; nothing was imported`);
  const samples: ImuSample[] = parsed.samples;
  if (samples.length === 0) throw new SessionStoreError('bad-import', `${name}: the recording holds no samples; nothing was imported`);
  const { values, issues } = parseWellKnownRecordingMetadata(parsed.metadata);
  const durationMs = (samples.at(-1)!.tS - samples[0]!.tS) * 1000;
  const start = startOf(values.started_at, (options.fileModifiedAt ?? options.now) - durationMs);
  const chosen = recordingSettings(options.settings, parsed);
  if (!chosen.ok) throw new SessionStoreError('bad-import', `${name}: ${chosen.message}; nothing was imported`);
  const settings = chosen.settings;
  const prior = priorDailyRollingS(store, start.ms, start.offsetMin);
  const { write } = analyzeForStorage(samples, { ...settings, priorDailyRollingS: prior }, options.now);
  const session = store.insertCompleteSession(
    {
      startedAt: start.ms,
      utcOffsetMin: start.offsetMin,
      source: 'import',
      sensor: null,
      sensorConfig: null,
      settings: write.settings,
      engineVersion: write.engineVersion,
      dataKind: 'samples',
      ownerPid: null,
      origin: { fileName: basename(name), metadata: parsed.metadata },
    },
    sampleBatches(samples),
    write,
    { endedAt: start.ms + Math.round(durationMs), endReason: 'completed' },
  );
  // The reader already notes a bad well-known value with its line; keep the one with the line.
  const readerNotes = parsed.warnings.map((w) => w.message);
  const warnings = [...readerNotes, ...issues.map((i) => i.message).filter((m) => !readerNotes.some((n) => n.includes(m)))];
  return { session, samples: samples.length, warnings };
}

export function importRecordingFile(store: SessionStore, path: string, options: Omit<ImportOptions, 'fileName'>): ImportResult {
  let text: string;
  let modifiedAt: number;
  try {
    modifiedAt = statSync(path).mtimeMs;
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SessionStoreError('not-found', `${path}: no such file`);
    if (code === 'EISDIR') throw new SessionStoreError('bad-import', `${path}: is a folder, not a recording`);
    throw new SessionStoreError('io', `${path}: cannot read (${(err as Error).message})`, { cause: err });
  }
  return importRecordingText(store, text, { fileModifiedAt: modifiedAt, ...options, fileName: path });
}

/** Start time and UTC offset from `started_at` (`2025-03-01T18:30:00+01:00`), else the fallback, in this machine's local time. */
function startOf(startedAt: string | undefined, fallbackMs: number): { ms: number; offsetMin: number } {
  if (startedAt) {
    const ms = Date.parse(startedAt);
    const m = /([+-])(\d{2}):?(\d{2})$/.exec(startedAt);
    const offsetMin = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    if (Number.isFinite(ms)) return { ms, offsetMin };
  }
  return { ms: Math.round(fallbackMs), offsetMin: -new Date(fallbackMs).getTimezoneOffset() };
}
