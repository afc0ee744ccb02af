/**
 * Export of a stored session: a recording CSV (the analyzer's input format: the samples
 * decoded from the stored frames with the stored sensor configuration, or the stored samples)
 * and a JSON summary (session facts, settings, summary, events, data counts).
 *
 * Files are written through a temporary name and renamed, so a failed export leaves no
 * half-written file. The CSV is streamed batch by batch (memory stays small for long sessions).
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  RECORDING_CSV_MAX_LINE_CHARS,
  RECORDING_CSV_MAX_METADATA_KEYS,
  formatRecordingMetadataLine,
  recordingMetadataKeyProblem,
  recordingMetadataValueProblem,
  type RecordingMetadata,
} from '../../sensor-protocol/recording/recording-csv-format';
import { RecordingCsvWriter } from '../../sensor-protocol/recording/recording-csv-writer';
import { spineMapFor } from '../motion/spine-map';
import { sessionSampleChunks, summarizeStoredSession, type DecodeReport } from './session-data';
import type { StoredSession } from './session-records';
import type { SessionStore } from './session-store';
import { SessionStoreError } from './store-error';

export interface ExportedFiles {
  csvPath: string;
  jsonPath: string;
  /** The chart image, when one was given. */
  pngPath: string | null;
  samples: number;
}

export interface ExportOptions {
  /** A PNG of the session's charts (drawn by the review screen), written as `<base>-charts.png`. */
  chartPng?: Uint8Array;
}

export function localIsoTime(ms: number, utcOffsetMin: number): string {
  const local = new Date(ms + utcOffsetMin * 60_000).toISOString().slice(0, 19);
  if (utcOffsetMin === 0) return `${local}Z`;
  const a = Math.abs(utcOffsetMin);
  return `${local}${utcOffsetMin > 0 ? '+' : '-'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** Metadata keys written from the stored session (an import's own values for them are not carried over). */
const OWN_KEYS = new Set([
  'source',
  'sensor',
  'roller_diameter_in',
  'sample_rate_hz',
  'accel_range_g',
  'gyro_range_dps',
  'started_at',
  'neck_above_cm',
  'lumbar_below_cm',
  'body_height_cm',
  'speed_limit_in_per_s',
  'session_id',
  'end_reason',
  'engine_version',
]);

/** `roller-session-12-2025-03-01`: the base name of a session's exported files. */
export function exportBaseName(session: StoredSession): string {
  return `roller-session-${session.id}-${localIsoTime(session.startedAt, session.utcOffsetMin).slice(0, 10)}`;
}

/** The `# key=value` lines of an exported session: what the analyzer and an import read back. */
export function sessionCsvMetadata(session: StoredSession): RecordingMetadata {
  const s = session.settings;
  const meta: RecordingMetadata = {};
  // Other keys an imported recording carried come first; the ones we write are ours. The reader
  // takes values the writer refuses (control characters, a line one space too long) and up to
  // as many keys as a file may hold: such values go out cleaned, or not at all, so the export works.
  let room = RECORDING_CSV_MAX_METADATA_KEYS - OWN_KEYS.size;
  for (const [k, v] of Object.entries(session.origin?.metadata ?? {})) {
    if (OWN_KEYS.has(k) || room === 0 || recordingMetadataKeyProblem(k) !== undefined) continue;
    const value = recordingMetadataValueProblem(k, v) === undefined ? v : clean(v);
    if (formatRecordingMetadataLine(k, value).length > RECORDING_CSV_MAX_LINE_CHARS) continue;
    meta[k] = value;
    room--;
  }
  meta['source'] = session.source;
  if (session.sensor) meta['sensor'] = clean(`${session.sensor.kind} ${session.sensor.name}`) || session.sensor.kind;
  meta['roller_diameter_in'] = String(s.rollerDiameterIn);
  if (session.sensorConfig) {
    meta['sample_rate_hz'] = String(session.sensorConfig.sampleRateHz);
    meta['accel_range_g'] = String(session.sensorConfig.accelRangeG);
    meta['gyro_range_dps'] = String(session.sensorConfig.gyroRangeDps);
  }
  meta['started_at'] = localIsoTime(session.startedAt, session.utcOffsetMin);
  if (s.neckAboveCm !== undefined) meta['neck_above_cm'] = String(s.neckAboveCm);
  if (s.lumbarBelowCm !== undefined) meta['lumbar_below_cm'] = String(s.lumbarBelowCm);
  meta['body_height_cm'] = String(s.bodyHeightCm);
  meta['speed_limit_in_per_s'] = String(s.speedLimitInPerS);
  meta['session_id'] = String(session.id);
  if (session.endReason) meta['end_reason'] = session.endReason;
  meta['engine_version'] = session.engineVersion;
  return meta;
}

/**
 * The recording CSV of a stored session, in chunks (one per stored batch). `report` is filled in
 * while decoding; `counted` hears how many samples each chunk holds.
 */
export function* sessionCsvChunks(store: SessionStore, session: StoredSession, report?: DecodeReport, counted?: (samples: number) => void): Generator<string> {
  const writer = new RecordingCsvWriter(sessionCsvMetadata(session));
  for (const samples of sessionSampleChunks(store, session, report)) {
    if (samples.length === 0) continue;
    counted?.(samples.length);
    yield writer.write(samples);
  }
  const rest = writer.finish();
  if (rest) yield rest;
}

/** The JSON summary of a stored session (plain data, ready for JSON.stringify). */
export function sessionSummaryJson(store: SessionStore, session: StoredSession, report?: DecodeReport): Record<string, unknown> {
  const counts = store.counts(session.id);
  return {
    format: 'roller-session-summary',
    version: 1,
    session: {
      id: session.id,
      startedAt: localIsoTime(session.startedAt, session.utcOffsetMin),
      endedAt: session.endedAt === null ? null : localIsoTime(session.endedAt, session.utcOffsetMin),
      endReason: session.endReason,
      source: session.source,
      sensor: session.sensor,
      sensorConfig: session.sensorConfig,
      engineVersion: session.engineVersion,
      analyzedAt: session.analyzedAt === null ? null : new Date(session.analyzedAt).toISOString(),
      importedFrom: session.origin?.fileName ?? null,
    },
    settings: session.settings,
    spineMap: spineMapFor(session.settings),
    summary: session.summary ?? summarizeStoredSession(store, session),
    events: store.events(session.id),
    stored: { ...counts, dataKind: session.dataKind },
    decoding: report ? { decoder: report.decoder, rejections: report.rejections } : null,
  };
}

/** Writes `<base>.csv` and `<base>.json` (and `<base>-charts.png`) into `outDir`. */
export function exportSessionFiles(store: SessionStore, id: number, outDir: string, options: ExportOptions = {}): ExportedFiles {
  const steps = exportSessionSteps(store, id, outDir, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The export as steps: yields the share of samples written so far (0…1) after each stored batch,
 * so a caller can report progress and let other work run in between; returns the files written.
 */
export function* exportSessionSteps(store: SessionStore, id: number, outDir: string, options: ExportOptions = {}): Generator<number, ExportedFiles> {
  const session = store.getSession(id);
  const base = join(outDir, exportBaseName(session));
  const csvPath = `${base}.csv`;
  const jsonPath = `${base}.json`;
  const pngPath = options.chartPng ? `${base}-charts.png` : null;
  const report: DecodeReport = { decoder: null, rejections: [] };
  const expected = Math.max(1, store.counts(id).samples);
  const csv = new AtomicFile(csvPath);
  try {
    let written = 0;
    for (const chunk of sessionCsvChunks(store, session, report, (n) => (written += n))) {
      csv.write(chunk);
      yield Math.min(1, written / expected);
    }
    csv.commit();
  } catch (err) {
    throw csv.abort(err);
  }
  const samples = report.decoder ? report.decoder.samples : store.counts(id).samples;
  writeWhole(jsonPath, `${JSON.stringify(sessionSummaryJson(store, session, report), null, 2)}\n`);
  if (pngPath && options.chartPng) writeWhole(pngPath, options.chartPng);
  return { csvPath, jsonPath, pngPath, samples };
}

function writeWhole(path: string, data: string | Uint8Array): void {
  const file = new AtomicFile(path);
  try {
    file.write(data);
    file.commit();
  } catch (err) {
    throw file.abort(err);
  }
}

/** A file written under a temporary name and renamed into place on commit (never half-written). */
class AtomicFile {
  private readonly tmp: string;
  private fd: number | null;

  constructor(private readonly path: string) {
    this.tmp = `${path}.part`;
    try {
      this.fd = openSync(this.tmp, 'w');
    } catch (err) {
      throw this.problem(err);
    }
  }

  write(data: string | Uint8Array): void {
    if (this.fd === null) throw new SessionStoreError('io', `${this.path}: already closed`);
    if (typeof data === 'string') writeSync(this.fd, data);
    else writeSync(this.fd, data);
  }

  commit(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    renameSync(this.tmp, this.path);
  }

  /** Removes the temporary file; returns the error to throw (a SessionStoreError). */
  abort(err: unknown): SessionStoreError {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = null;
    }
    rmSync(this.tmp, { force: true });
    return this.problem(err);
  }

  private problem(err: unknown): SessionStoreError {
    if (err instanceof SessionStoreError) return err;
    const code = (err as NodeJS.ErrnoException).code;
    return new SessionStoreError(code === 'ENOSPC' ? 'disk-full' : 'io', `${this.path}: cannot write (${(err as Error).message})`, { cause: err });
  }
}

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const t = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return recordingMetadataValueProblem('sensor', t) === undefined ? t : '';
}
