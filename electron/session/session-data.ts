/**
 * A stored session's data read back: its samples (decoding the raw frames with the sensor
 * configuration they were recorded with, as the live decoder did, reconnects included; or
 * the stored samples), its track and its events.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { FrameDecoder, type FrameDecoderStats } from '../../sensor-protocol/frame/frame-decoder';
import { TrackColumns } from '../motion/track-columns';
import { sessionFiguresOf } from '../motion/session-figures';
import type { SessionFigures } from '../motion/session-figures-schema';
import { BlobFormatError } from './byte-buffer';
import { decodeFrameBatch } from './frame-batch-codec';
import { decodeSampleBatch } from './sample-batch-codec';
import { decodeTrackBatch } from './track-batch-codec';
import type { StoredSession } from './session-records';
import type { SessionStore } from './session-store';
import { SessionStoreError } from './store-error';

export interface SampleChunk {
  samples: ImuSample[];
}

export interface DecodeReport {
  /** Frame decoder counters (frame sessions). */
  decoder: FrameDecoderStats | null;
  /** First messages of rejected frames (at most 5). */
  rejections: string[];
}

/**
 * The session's samples, batch by batch (bounded memory for long sessions). `report` is
 * filled in as the chunks are read.
 */
export function* sessionSampleChunks(store: SessionStore, session: StoredSession, report: DecodeReport = { decoder: null, rejections: [] }): Generator<ImuSample[]> {
  if (session.dataKind === 'samples') {
    for (const b of store.sampleBatches(session.id)) yield readBlob(() => decodeSampleBatch(b.data, `sample batch ${b.seq} of session ${session.id}`));
    return;
  }
  const config = session.sensorConfig;
  if (!config) throw new SessionStoreError('damaged', `session ${session.id} holds frames but no sensor configuration to decode them with`);
  const decoder = new FrameDecoder(config);
  report.decoder = decoder.stats;
  for (const b of store.frameBatches(session.id)) {
    const batch = readBlob(() => decodeFrameBatch(b.data, `frame batch ${b.seq} of session ${session.id}`));
    const out: ImuSample[] = [];
    for (const frame of batch.frames) {
      if (frame.length === 0) {
        decoder.noteReconnect();
        continue;
      }
      const r = decoder.push(frame);
      if (r.ok) for (const s of r.samples) out.push(s);
      else if (report.rejections.length < 5) report.rejections.push(r.message);
    }
    yield out;
  }
}

export function loadSessionSamples(store: SessionStore, session: StoredSession): { samples: ImuSample[]; report: DecodeReport } {
  const report: DecodeReport = { decoder: null, rejections: [] };
  const samples: ImuSample[] = [];
  for (const chunk of sessionSampleChunks(store, session, report)) for (const s of chunk) samples.push(s);
  return { samples, report };
}

export function loadSessionTrack(store: SessionStore, id: number): TrackColumns {
  const track = new TrackColumns();
  for (const b of store.trackBatches(id)) readBlob(() => decodeTrackBatch(b.data, track, `track batch ${b.seq} of session ${id}`));
  return track;
}

/**
 * The session's time origin: the sensor time (s) of its first stored track point, which Review
 * shows as 0:00 (the sensor's clock runs from when it began streaming, not from the session's
 * start). 0 for a session without a track. Review and the export both take it from here.
 */
export function sessionTimeOrigin(store: SessionStore, id: number): number {
  for (const b of store.trackBatches(id)) {
    const first = new TrackColumns();
    readBlob(() => decodeTrackBatch(b.data, first, `track batch ${b.seq} of session ${id}`));
    if (first.length > 0) return first.t[0]!;
  }
  return 0;
}

/** The summary of what is stored (used when a session ended without one, e.g. interrupted). */
export function summarizeStoredSession(store: SessionStore, session: StoredSession): SessionFigures {
  return sessionFiguresOf(loadSessionTrack(store, session.id), store.events(session.id), session.settings);
}

function readBlob<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof BlobFormatError) throw new SessionStoreError('damaged', `${err.message}`, { cause: err });
    throw err;
  }
}
