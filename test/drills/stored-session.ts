/**
 * Reads a session back from the data folder after the app has closed it, the way a later start
 * of the app (or the CLI) would: the stored notifications, the samples decoded from them again,
 * the stored track and events.
 */
import { openSessionStore, type OpenedSessionStore } from '../../electron/session/open-session-store';
import { decodeFrameBatch } from '../../electron/session/frame-batch-codec';
import { loadSessionSamples, loadSessionTrack, type DecodeReport } from '../../electron/session/session-data';
import type { StoredSession } from '../../electron/session/session-records';
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import type { CoachEvent } from '../../electron/motion/motion-types';
import type { TrackColumns } from '../../electron/motion/track-columns';

export interface StoredSessionData {
  session: StoredSession;
  /** Stored notification bytes in order (reconnect markers left out), with their arrival, ms since the session start. */
  frames: { bytes: Uint8Array; arrivalMs: number }[];
  /** Zero-length entries: reconnects the recorder was told about. */
  reconnectMarkers: number;
  samples: ImuSample[];
  report: DecodeReport;
  track: TrackColumns;
  events: CoachEvent[];
}

export function readStoredSession(opened: OpenedSessionStore, id: number): StoredSessionData {
  const { store } = opened;
  const session = store.getSession(id);
  const frames: StoredSessionData['frames'] = [];
  let reconnectMarkers = 0;
  for (const b of store.frameBatches(id)) {
    const batch = decodeFrameBatch(b.data);
    batch.frames.forEach((bytes, i) => {
      if (bytes.length === 0) reconnectMarkers++;
      else frames.push({ bytes, arrivalMs: batch.arrivalMs[i]! });
    });
  }
  const { samples, report } = loadSessionSamples(store, session);
  return { session, frames, reconnectMarkers, samples, report, track: loadSessionTrack(store, id), events: store.events(id) };
}

/** Opens the data folder again (as the next start of the app does) and reads one session. */
export function reopenAndRead(dataDir: string, id: number, now?: () => number): StoredSessionData & { opened: OpenedSessionStore } {
  const opened = openSessionStore({ dataDir, ...(now ? { now } : {}) });
  return { ...readStoredSession(opened, id), opened };
}
