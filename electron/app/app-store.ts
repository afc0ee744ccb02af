/**
 * What the app keeps between runs, as the app needs it: the profile, the safety screening, and
 * sessions being recorded. The session database (electron/session/) implements it; tests use
 * the in-memory one below.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import type { SensorConfig } from '../../sensor-protocol/gatt/sensor-config';
import type { History, ImportResult, PastSession, Profile, ReanalysisResult, Screening, SessionNoteInput, SessionReview } from '../ipc/ipc-contract';
import type { MotionSettings } from '../motion/motion-settings';
import type { CoachEvent, TrackPoint } from '../motion/motion-types';
import type { SessionFigures } from '../motion/session-figures-schema';
import type { RoutineKind } from '../session/routine-kind';
import { routineTally, type RoutineTally } from '../session/routine-tally';
import type { ExportedFiles } from '../session/session-export';

export interface SessionMeta {
  startedAt: Date;
  source: 'ble' | 'simulated' | 'replay' | 'import';
  sensor: { id: string; name: string; kind: string } | null;
  settings: MotionSettings;
  sensorConfig: SensorConfig | null;
  /** The guided routine the session runs (absent or null: a free session). */
  routine?: RoutineKind | null;
}

export type EndReason = 'completed' | 'stopped: pain' | 'sensor lost';

/** What ending a recording stored: all of it (`lost` null), or all but what `lost` says. */
export interface FinishedRecording {
  /** For the user: what could not be kept (data dropped while saving failed), or null. */
  lost: string | null;
}

export interface SessionRecording {
  readonly id: number;
  /** Raw protocol frames as received (kept for re-analysis), with host arrival times in ms. */
  appendFrames(frames: readonly { bytes: Uint8Array; arrivalMs: number }[]): void;
  /** The sensor link came back after a drop-out: replay must expect a restarted sensor clock here. */
  noteReconnect(): void;
  /** Decoded samples, for sources without protocol frames (WitMotion, imports). */
  appendSamples(samples: readonly ImuSample[]): void;
  appendTrack(points: readonly TrackPoint[]): void;
  appendEvents(events: readonly CoachEvent[]): void;
  /**
   * Stores what is left and ends the session once the database holds all of it. Throws (a
   * message for the user) when the session could not be saved; it is then given up.
   */
  finish(reason: EndReason, summary: SessionFigures, endedAt: Date): FinishedRecording;
}

export interface AppStore {
  loadProfile(): Profile | null;
  saveProfile(profile: Profile): void;
  loadScreening(): Screening | null;
  saveScreening(screening: Screening): void;
  startSession(meta: SessionMeta): SessionRecording;
  /** Rolling time already done today (local day of `now`), s. */
  todayRollingS(now: Date): number;
  /** How often this routine was done in the last 7 days, and the most on one day. */
  routineTally(routine: RoutineKind, now: Date): RoutineTally;
  /** Problems to show the user (e.g. a damaged database was kept aside). */
  notices(): string[];
  /** Hears of a new notice as it happens (e.g. the disk filled up while recording). */
  onNotice?(fn: () => void): () => void;
  /** Past sessions of the last `days` days, by day and week. */
  history(days: number, now: Date): History;
  /** One stored session for review; throws a clear error for an unknown id. */
  review(id: number): SessionReview;
  /**
   * Writes the session's recording CSV, JSON summary and chart image (given one) into `folder`;
   * `progress` hears the share written (0…1). Other work runs in between.
   */
  exportSession(id: number, folder: string, chartPng: Uint8Array | null, progress: (fraction: number) => void): Promise<ExportedFiles>;
  /**
   * Reads the recording file at `path` (streamed; `fileName` names it in messages and is kept),
   * analyses it with `settings` and stores it as a session — unless the same recording is stored
   * already (`alreadyStored`, nothing added). A recording without `started_at` is taken to have
   * ended when the user's file was last modified (`modifiedAt`), else now.
   */
  importRecording(fileName: string, path: string, settings: MotionSettings, now: Date, modifiedAt?: number | null): ImportResult;
  /** Analyses a stored session again with the current engine and these coaching settings. */
  reanalyze(id: number, coaching: (own: MotionSettings) => MotionSettings, now: Date): ReanalysisResult;
  /** Saves (or, when it says nothing, removes) the user's note on a session. */
  saveNote(id: number, note: SessionNoteInput, now: Date): PastSession;
  /** Removes a session and all its data. */
  deleteSession(id: number): void;
  /** Erases sessions, profile, screening and known sensors; the store stays open and empty. */
  eraseAll(): void;
  /** The folder holding the data, or null when it lives in memory. */
  readonly dataFolder: string | null;
  close?(): void;
}

export function memoryAppStore(): AppStore & {
  sessions: { meta: SessionMeta; frames: number; samples: number; track: number; events: CoachEvent[]; end?: { reason: EndReason; summary: SessionFigures } }[];
} {
  let profile: Profile | null = null;
  let screening: Screening | null = null;
  const sessions: { meta: SessionMeta; frames: number; samples: number; track: number; events: CoachEvent[]; end?: { reason: EndReason; summary: SessionFigures } }[] = [];
  return {
    sessions,
    loadProfile: () => profile,
    saveProfile: (p) => {
      profile = p;
    },
    loadScreening: () => screening,
    saveScreening: (s) => {
      screening = s;
    },
    startSession(meta) {
      const rec: (typeof sessions)[number] = { meta, frames: 0, samples: 0, track: 0, events: [] };
      sessions.push(rec);
      return {
        id: sessions.length,
        appendFrames: (f) => void (rec.frames += f.length),
        noteReconnect: () => undefined,
        appendSamples: (s) => void (rec.samples += s.length),
        appendTrack: (t) => void (rec.track += t.length),
        appendEvents: (e) => void rec.events.push(...e),
        finish: (reason, summary) => {
          rec.end = { reason, summary };
          return { lost: null };
        },
      };
    },
    todayRollingS: () => sessions.reduce((sum, s) => sum + (s.end?.summary.rollingS ?? 0), 0),
    routineTally: (routine, now) =>
      routineTally(
        sessions.filter((s) => s.meta.routine === routine).map((s) => ({ startedAt: s.meta.startedAt.getTime(), utcOffsetMin: -s.meta.startedAt.getTimezoneOffset() })),
        now.getTime(),
      ),
    notices: () => [],
    history: () => ({ sessions: [], days: [], weeks: [] }),
    review: (id) => {
      throw new Error(`there is no session ${id}`);
    },
    exportSession: (id) => Promise.reject(new Error(`there is no session ${id}`)),
    importRecording: (fileName) => {
      throw new Error(`${fileName}: this store keeps no past sessions`);
    },
    reanalyze: (id) => {
      throw new Error(`there is no session ${id}`);
    },
    saveNote: (id) => {
      throw new Error(`there is no session ${id}`);
    },
    deleteSession: (id) => {
      throw new Error(`there is no session ${id}`);
    },
    eraseAll: () => {
      profile = null;
      screening = null;
      sessions.length = 0;
    },
    dataFolder: null,
  };
}
