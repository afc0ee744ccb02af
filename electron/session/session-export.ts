/**
 * Export of a stored session: a recording CSV (the analyzer's input format: the samples
 * decoded from the stored frames with the stored sensor configuration, or the stored samples),
 * a JSON summary (session facts, the user's note, settings, summary, events, data counts) and
 * the derived track as JSON (`-track.json`: time, position, speed and zone of each stored
 * point; the format is in docs/export-files.md). JSON numbers go through the one rounding of
 * ./json-numbers.ts; the CSV keeps every sample exact.
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
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { spineMapFor, ZONES } from '../motion/spine-map';
import { TrackColumns } from '../motion/track-columns';
import { BlobFormatError } from './byte-buffer';
import { SampleHasher } from './content-hash';
import { JSON_DECIMALS, roundTo, roundedForJson } from './json-numbers';
import { NOTE_METADATA_KEYS, noteMetadata } from './session-note';
import { decodeTrackBatch } from './track-batch-codec';
import { sessionSampleChunks, sessionTimeOrigin, summarizeStoredSession, type DecodeReport } from './session-data';
import type { StoredSession } from './session-records';
import { routineJson } from './routine-name';
import type { SessionStore } from './session-store';
import { SessionStoreError } from './store-error';

export interface ExportedFiles {
  csvPath: string;
  jsonPath: string;
  /** The derived track (position, speed, zone per point). */
  trackPath: string;
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
  'imported_from',
  'routine',
  ...NOTE_METADATA_KEYS,
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
  if (session.origin) meta['imported_from'] = clean(session.origin.fileName) || 'a recording file';
  if (session.routine) meta['routine'] = session.routine;
  if (session.note) {
    for (const [k, v] of Object.entries(noteMetadata(session.note, RECORDING_CSV_MAX_LINE_CHARS - '# note_text='.length))) {
      if (recordingMetadataValueProblem(k, v) === undefined && formatRecordingMetadataLine(k, v).length <= RECORDING_CSV_MAX_LINE_CHARS) meta[k] = v;
    }
  }
  return meta;
}

/**
 * The recording CSV of a stored session, in chunks (one per stored batch). `report` is filled in
 * while decoding; `counted` hears how many samples each chunk holds.
 */
export function* sessionCsvChunks(store: SessionStore, session: StoredSession, report?: DecodeReport, seen?: (samples: readonly ImuSample[]) => void): Generator<string> {
  const writer = new RecordingCsvWriter(sessionCsvMetadata(session));
  for (const samples of sessionSampleChunks(store, session, report)) {
    if (samples.length === 0) continue;
    seen?.(samples);
    yield writer.write(samples);
  }
  const rest = writer.finish();
  if (rest) yield rest;
}

/** The JSON summary of a stored session (plain data, ready for JSON.stringify). */
export function sessionSummaryJson(store: SessionStore, session: StoredSession, report?: DecodeReport): Record<string, unknown> {
  const counts = store.counts(session.id);
  const timeOrigin = sessionTimeOrigin(store, session.id);
  const data = {
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
      imported: session.source === 'import',
      importedFrom: session.origin?.fileName ?? null,
      contentHash: session.contentHash,
      routine: routineJson(session.routine),
      /** The recording's time (s) that Review shows as 0:00. */
      timeOriginT: timeOrigin,
    },
    note: session.note
      ? { discomfort: session.note.discomfort, pain: session.note.pain, numbness: session.note.numbness, text: session.note.text, updatedAt: new Date(session.note.updatedAt).toISOString() }
      : null,
    settings: session.settings,
    spineMap: spineMapFor(session.settings),
    summary: session.summary ?? summarizeStoredSession(store, session),
    // `t` on the recording's clock (as in the CSV and `roller analyze`); `sinceStartS` as Review shows it.
    events: store.events(session.id).map((e) => ({ ...e, sinceStartS: e.t - timeOrigin })),
    stored: { ...counts, dataKind: session.dataKind },
    decoding: report ? { decoder: report.decoder, rejections: report.rejections } : null,
  };
  return roundedForJson(data) as Record<string, unknown>;
}

/** The stored track's points per second (./track-decimation.ts). */
const TRACK_POINTS_PER_S = 25;

/**
 * The derived track as JSON text, in chunks (one per stored track batch): a header object with
 * `points` as its last member, one point per line. Format: docs/export-files.md.
 */
export function* sessionTrackJsonChunks(store: SessionStore, session: StoredSession): Generator<string> {
  const head = {
    format: 'roller-session-track',
    version: 1,
    sessionId: session.id,
    startedAt: localIsoTime(session.startedAt, session.utcOffsetMin),
    engineVersion: session.engineVersion,
    pointsPerSecond: TRACK_POINTS_PER_S,
    spineMap: roundedForJson(spineMapFor(session.settings)),
  };
  yield `${JSON.stringify(head).slice(0, -1)},\n"points":[`;
  let first = true;
  for (const b of store.trackBatches(session.id)) {
    const track = readTrack(b.data, `track batch ${b.seq} of session ${session.id}`);
    const lines: string[] = [];
    for (let i = 0; i < track.length; i++) {
      const p = {
        t: roundTo(track.t[i]!, JSON_DECIMALS.seconds),
        positionCm: roundTo(track.positionCm[i]!, JSON_DECIMALS.cm),
        speedInPerS: roundTo(track.speedInPerS[i]!, JSON_DECIMALS.speed),
        zone: ZONES[track.zone[i]!],
      };
      lines.push(`${first ? '' : ','}\n${JSON.stringify(p)}`);
      first = false;
    }
    if (lines.length > 0) yield lines.join('');
  }
  yield '\n]}\n';
}

function readTrack(blob: Uint8Array, what: string): TrackColumns {
  try {
    return decodeTrackBatch(blob, new TrackColumns(), what);
  } catch (err) {
    if (err instanceof BlobFormatError) throw new SessionStoreError('damaged', err.message, { cause: err });
    throw err;
  }
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
  const trackPath = `${base}-track.json`;
  const pngPath = options.chartPng ? `${base}-charts.png` : null;
  const report: DecodeReport = { decoder: null, rejections: [] };
  const expected = Math.max(1, store.counts(id).samples);
  const csv = new AtomicFile(csvPath);
  // The export's samples are hashed as they are written: a session without a content hash yet
  // (stored before schema 5, interrupted) gets it, so this export imported again is recognised.
  const hasher = session.contentHash ? null : new SampleHasher();
  try {
    let written = 0;
    for (const chunk of sessionCsvChunks(store, session, report, (samples) => {
      written += samples.length;
      hasher?.push(samples);
    })) {
      csv.write(chunk);
      yield Math.min(1, written / expected);
    }
    csv.commit();
  } catch (err) {
    throw csv.abort(err);
  }
  if (hasher) store.setContentHash(id, hasher.digest());
  const samples = report.decoder ? report.decoder.samples : store.counts(id).samples;
  writeWhole(jsonPath, `${JSON.stringify(sessionSummaryJson(store, store.getSession(id), report), null, 2)}\n`);
  const track = new AtomicFile(trackPath);
  try {
    for (const chunk of sessionTrackJsonChunks(store, session)) track.write(chunk);
    track.commit();
  } catch (err) {
    throw track.abort(err);
  }
  if (pngPath && options.chartPng) writeWhole(pngPath, options.chartPng);
  return { csvPath, jsonPath, trackPath, pngPath, samples };
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
