/**
 * Import of a recording CSV as a session: source `import`, the samples stored losslessly
 * (./sample-batch-codec.ts), analysed with the current engine and the given settings (the
 * recording's `roller_diameter_in`, `neck_above_cm` and `lumbar_below_cm` override them, as
 * in `roller analyze`), end reason `completed`.
 *
 * Streamed, in two passes over the text, so memory does not grow with the file:
 * ```
 * pass 1  chunks ─▶ reader ─▶ (samples dropped)     metadata, warnings, count, first/last t_s
 *                                                   → settings, start time, the day's prior rolling
 * pass 2  chunks ─▶ reader ─┬▶ SampleBatcher ───────▶ sample batches ─┐
 *                           └▶ StoredAnalysisStream ▶ track batches ──┼▶ one transaction
 *                                                    summary, events ─┘
 * ```
 * The first pass checks the whole file before anything is written (the start time, and with
 * it the rolling done earlier that day, may depend on the recording's length) and hashes its
 * samples (./content-hash.ts): a recording already stored — the same file imported twice, or
 * an export of a session — is not stored again; the result names the session that holds it
 * (`alreadyStored`). The second pass hashes again and must agree. Everything is
 * written in one transaction: a bad file imports nothing, and the error names its line and
 * column; a file that changes between the passes imports nothing either. Limits: ./import-limits.ts.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { parseWellKnownRecordingMetadata, type RecordingMetadata } from '../../sensor-protocol/recording/recording-csv-format';
import { RecordingCsvParser, type RecordingCsvReadLimits, type RecordingCsvWarning } from '../../sensor-protocol/recording/recording-csv-reader';
import type { MotionSettings } from '../motion/motion-settings';
import { SampleHasher, findSameRecording } from './content-hash';
import { MOTION_ENGINE_VERSION } from './engine-version';
import { IMPORT_LIMITS, IMPORT_MAX_BYTES } from './import-limits';
import { SampleBatcher } from './sample-batcher';
import { priorDailyRollingS } from './session-history';
import { recordingSettings } from './recording-settings';
import { RoutineKindSchema } from './routine-kind';
import type { StoredSession } from './session-records';
import type { SessionStore } from './session-store';
import { localIsoTime } from './session-export';
import { noteFromMetadata } from './session-note';
import { SessionStoreError } from './store-error';
import { StoredAnalysisStream } from './stored-analysis-stream';
import { textFileChunks } from './text-file-chunks';

export { IMPORT_TIME_LIMITS } from './import-limits';

/** A recording's text as chunks; each call reads it again from the start (an import reads it twice). */
export type RecordingText = () => Iterable<string>;

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
  /** What the reader refuses (default IMPORT_LIMITS; tests ask for less). */
  limits?: RecordingCsvReadLimits;
}

export interface ImportResult {
  /** The new session; or, when `alreadyStored`, the session that already holds these samples. */
  session: StoredSession;
  /** True when the recording was already stored: nothing was added. */
  alreadyStored: boolean;
  samples: number;
  /** The reader's warnings (e.g. a misspelt metadata key). */
  warnings: string[];
}

/** What the first pass learns about a recording. */
interface RecordingCheck {
  metadata: RecordingMetadata;
  metadataLines: Record<string, number>;
  warnings: readonly RecordingCsvWarning[];
  samples: number;
  firstT: number;
  lastT: number;
  /** The samples' content hash. */
  contentHash: string;
}

/** A recording held in memory (a string, or its pieces in order). */
export function importRecordingText(store: SessionStore, text: string | readonly string[], options: ImportOptions): ImportResult {
  return importRecording(store, typeof text === 'string' ? () => [text] : () => text, options);
}

/** A recording file, read twice from disk, never held whole. `options.fileName` defaults to the path. */
export function importRecordingFile(store: SessionStore, path: string, options: Omit<ImportOptions, 'fileName'> & { fileName?: string }): ImportResult {
  const name = options.fileName ?? path;
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    throw fileError(err, path, name);
  }
  if (stat.isDirectory()) throw new SessionStoreError('bad-import', `${name}: is a folder, not a recording`);
  if (stat.size > IMPORT_MAX_BYTES) {
    throw new SessionStoreError('bad-import', `${name}: the file holds ${stat.size} bytes; an import takes at most ${IMPORT_MAX_BYTES} (4 GiB); nothing was imported`);
  }
  const text: RecordingText = () => readOrExplain(path, name);
  return importRecording(store, text, { fileModifiedAt: stat.mtimeMs, ...options, fileName: name });
}

export function importRecording(store: SessionStore, text: RecordingText, options: ImportOptions): ImportResult {
  const name = options.fileName;
  const limits = options.limits ?? IMPORT_LIMITS;
  const check = checkRecording(text, limits, name);
  const { values, issues } = parseWellKnownRecordingMetadata(check.metadata);
  // The reader already notes a bad well-known value with its line; keep the one with the line.
  const readerNotes = check.warnings.map((w) => w.message);
  const warnings = [...readerNotes, ...issues.map((i) => i.message).filter((m) => !readerNotes.some((n) => n.includes(m)))];
  const same = findSameRecording(store, check.contentHash, check.samples);
  if (same) return { session: same, alreadyStored: true, samples: check.samples, warnings };
  const durationMs = (check.lastT - check.firstT) * 1000;
  const start = startOf(values.started_at, (options.fileModifiedAt ?? options.now) - durationMs);
  const chosen = recordingSettings(options.settings, check);
  if (!chosen.ok) throw new SessionStoreError('bad-import', `${name}: ${chosen.message}; nothing was imported`);
  const base = chosen.settings;
  const settings: MotionSettings = { ...base, priorDailyRollingS: priorDailyRollingS(store, start.ms, start.offsetMin) };
  const session = store.insertSessionInPieces(
    {
      startedAt: start.ms,
      utcOffsetMin: start.offsetMin,
      source: 'import',
      sensor: null,
      sensorConfig: null,
      settings,
      engineVersion: MOTION_ENGINE_VERSION,
      dataKind: 'samples',
      ownerPid: null,
      origin: { fileName: basename(name), metadata: check.metadata },
      contentHash: check.contentHash,
      // An export's note (`note_*` metadata) comes along; it dates from the session's start.
      note: noteFromMetadata(check.metadata),
      // So does the routine it ran (`routine`; a value this version does not know is left out).
      routine: RoutineKindSchema.safeParse(check.metadata['routine']).data ?? null,
    },
    (pieces) => {
      const samples = new SampleBatcher((b) => pieces.samples(b));
      const analysis = new StoredAnalysisStream(settings, (b) => pieces.track(b));
      const parser = new RecordingCsvParser(limits);
      const hasher = new SampleHasher();
      const take = (read: readonly ImuSample[]) => {
        hasher.push(read);
        for (const s of read) {
          samples.push(s);
          analysis.push(s);
        }
      };
      for (const chunk of text()) {
        take(parser.feed(chunk));
        if (parser.error) break;
      }
      if (!parser.error) take(parser.finish());
      if (parser.error) throw new SessionStoreError('bad-import', `${name}: ${parser.error.message}; nothing was imported`);
      if (parser.sampleCount !== check.samples || parser.lastSampleT !== check.lastT || hasher.digest() !== check.contentHash) {
        throw new SessionStoreError('bad-import', `${name}: the file changed while it was being imported; nothing was imported`);
      }
      samples.flush();
      const { counters: _c, trackPoints: _t, ...write } = analysis.finish(options.now);
      return write;
    },
    { endedAt: start.ms + Math.round(durationMs), endReason: 'completed' },
  );
  return { session, alreadyStored: false, samples: check.samples, warnings };
}

/** Pass 1: reads the whole recording, keeping no samples; throws a 'bad-import' error naming the line. */
function checkRecording(text: RecordingText, limits: RecordingCsvReadLimits, name: string): RecordingCheck {
  const parser = new RecordingCsvParser(limits);
  const hasher = new SampleHasher();
  for (const chunk of text()) {
    hasher.push(parser.feed(chunk));
    if (parser.error) break;
  }
  if (!parser.error) hasher.push(parser.finish());
  if (parser.error) throw new SessionStoreError('bad-import', `${name}: ${parser.error.message}; nothing was imported`);
  if (parser.sampleCount === 0) throw new SessionStoreError('bad-import', `${name}: the recording holds no samples; nothing was imported`);
  return {
    metadata: { ...parser.metadata },
    metadataLines: { ...parser.metadataLines },
    warnings: [...parser.warnings],
    samples: parser.sampleCount,
    firstT: parser.firstSampleT,
    lastT: parser.lastSampleT,
    contentHash: hasher.digest(),
  };
}

function* readOrExplain(path: string, name: string): Generator<string> {
  try {
    yield* textFileChunks(path);
  } catch (err) {
    throw fileError(err, path, name);
  }
}

/** "already in your sessions: 2025-03-01 18:30, session #12": what an import of a stored recording says (local time of the session). */
export function alreadyStoredText(session: StoredSession): string {
  return `already in your sessions: ${localIsoTime(session.startedAt, session.utcOffsetMin).slice(0, 16).replace('T', ' ')}, session #${session.id}`;
}

function fileError(err: unknown, path: string, name: string): SessionStoreError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new SessionStoreError('not-found', `${name}: no such file`);
  if (code === 'EISDIR') return new SessionStoreError('bad-import', `${name}: is a folder, not a recording`);
  return new SessionStoreError('io', `${name === path ? path : `${name} (${path})`}: cannot read (${(err as Error).message})`, { cause: err });
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
