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
import { recordingMetadataValueProblem, type RecordingMetadata } from '../../sensor-protocol/recording/recording-csv-format';
import { RecordingCsvWriter } from '../../sensor-protocol/recording/recording-csv-writer';
import { spineMapFor } from '../motion/spine-map';
import { sessionSampleChunks, summarizeStoredSession, type DecodeReport } from './session-data';
import type { StoredSession } from './session-records';
import type { SessionStore } from './session-store';
import { SessionStoreError } from './store-error';

export interface ExportedFiles {
  csvPath: string;
  jsonPath: string;
  samples: number;
}

/** Local wall-clock time with its UTC offset, ISO 8601 to the second: `2025-03-01T18:30:00+01:00`. */
export function localIsoTime(ms: number, utcOffsetMin: number): string {
  const local = new Date(ms + utcOffsetMin * 60_000).toISOString().slice(0, 19);
  if (utcOffsetMin === 0) return `${local}Z`;
  const a = Math.abs(utcOffsetMin);
  return `${local}${utcOffsetMin > 0 ? '+' : '-'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** Metadata keys written from the stored session (an import's own values for them are not carried over). */
const OWN_KEYS = new Set(['source', 'sensor', 'roller_diameter_in', 'sample_rate_hz', 'accel_range_g', 'gyro_range_dps', 'started_at', 'neck_above_cm', 'lumbar_below_cm', 'body_height_cm', 'speed_limit_in_per_s', 'session_id', 'end_reason', 'engine_version']);

/** `roller-session-12-2025-03-01`: the base name of a session's exported files. */
export function exportBaseName(session: StoredSession): string {
  return `roller-session-${session.id}-${localIsoTime(session.startedAt, session.utcOffsetMin).slice(0, 10)}`;
}

/** The `# key=value` lines of an exported session: what the analyzer and an import read back. */
export function sessionCsvMetadata(session: StoredSession): RecordingMetadata {
  const s = session.settings;
  const meta: RecordingMetadata = {};
  // Other keys an imported recording carried come first; the ones we write are ours.
  for (const [k, v] of Object.entries(session.origin?.metadata ?? {})) if (!OWN_KEYS.has(k)) meta[k] = v;
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

/** The recording CSV of a stored session, in chunks. `report` is filled in while decoding. */
export function* sessionCsvChunks(store: SessionStore, session: StoredSession, report?: DecodeReport): Generator<string> {
  const writer = new RecordingCsvWriter(sessionCsvMetadata(session));
  for (const samples of sessionSampleChunks(store, session, report)) {
    if (samples.length > 0) yield writer.write(samples);
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

/** Writes `<base>.csv` and `<base>.json` into `outDir`. */
export function exportSessionFiles(store: SessionStore, id: number, outDir: string): ExportedFiles {
  const session = store.getSession(id);
  const base = join(outDir, exportBaseName(session));
  const csvPath = `${base}.csv`;
  const jsonPath = `${base}.json`;
  const report: DecodeReport = { decoder: null, rejections: [] };
  writeAtomically(csvPath, (write) => {
    const writer = sessionCsvChunks(store, session, report);
    for (const chunk of writer) write(chunk);
  });
  const samples = report.decoder ? report.decoder.samples : store.counts(id).samples;
  writeAtomically(jsonPath, (write) => write(`${JSON.stringify(sessionSummaryJson(store, session, report), null, 2)}\n`));
  return { csvPath, jsonPath, samples };
}

function writeAtomically(path: string, body: (write: (text: string) => void) => void): void {
  const tmp = `${path}.part`;
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (err) {
    throw new SessionStoreError('io', `${path}: cannot write (${(err as Error).message})`, { cause: err });
  }
  try {
    body((text) => {
      writeSync(fd, text);
    });
    closeSync(fd);
    renameSync(tmp, path);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    if (err instanceof SessionStoreError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new SessionStoreError(code === 'ENOSPC' ? 'disk-full' : 'io', `${path}: cannot write (${(err as Error).message})`, { cause: err });
  }
}

function clean(text: string): string {
  const t = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return recordingMetadataValueProblem('sensor', t) === undefined ? t : '';
}
