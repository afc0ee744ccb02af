/**
 * The app's store in the data folder: the session database (electron/session/) seen through
 * the AppStore interface — profile, screening, the live recorder, today's rolling time, notices
 * for the user (a damaged database kept aside, interrupted sessions).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import type { RememberedSensorStore } from '../ble/remembered-sensor';
import type { Profile, Screening } from '../ipc/ipc-contract';
import { openSessionStore, type OpenedSessionStore } from '../session/open-session-store';
import { priorDailyRollingS } from '../session/session-history';
import { routineTally, tallyFromMs } from '../session/routine-tally';
import { SessionRecorder, type RecorderStats } from '../session/session-recorder';
import { MOTION_ENGINE_VERSION } from '../session/engine-version';
import { ensureContentHash } from '../session/content-hash';
import { exportSessionSteps, type ExportedFiles } from '../session/session-export';
import { importRecordingFile } from '../session/session-import';
import { reanalyzeSession } from '../session/session-reanalysis';
import type { AppStore, SessionMeta, SessionRecording } from './app-store';
import { pastSession, sessionHistory, sessionReview } from './past-sessions';
import { IMPORT_UPLOADS_FOLDER } from './upload-files';

export interface OpenedAppStore extends AppStore {
  remembered: RememberedSensorStore;
  close(): void;
}

export function openAppStore(dataDir: string, now: () => number = Date.now): OpenedAppStore {
  const opened: OpenedSessionStore = openSessionStore({ dataDir, now });
  const store = opened.store;
  const notices = [...opened.notices];
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const fn of listeners) fn();
  };
  const note = (m: string) => {
    if (notices.includes(m)) return;
    notices.push(m);
    changed();
  };
  const withdraw = (m: string | null) => {
    const i = m === null ? -1 : notices.indexOf(m);
    if (i < 0) return;
    notices.splice(i, 1);
    changed();
  };
  return {
    loadProfile() {
      const { screening: _s, ...profile } = store.getProfile();
      return profile;
    },
    saveProfile(profile: Profile) {
      store.updateProfile(profile, now());
    },
    loadScreening() {
      const s = store.getProfile().screening;
      return s && s.acknowledgedNotMedicalAdvice ? (s as Screening) : null;
    },
    saveScreening(screening: Screening) {
      store.recordScreening(screening, now());
    },
    startSession(meta: SessionMeta): SessionRecording {
      // While saving fails the user sees why; once it works again that notice gives way to one
      // saying so, which goes when the session ends (its end says what was saved).
      let failing: string | null = null;
      let recovered: string | null = null;
      let id = 0;
      const recorder: SessionRecorder = new SessionRecorder(store, {
        clock: now,
        timers: { setInterval: (fn, ms) => setInterval(fn, ms), clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>) },
        onError: (err) => {
          withdraw(recovered);
          recovered = null;
          failing = `Recording problem: ${err.message}`;
          note(failing);
        },
        onRecovered: () => {
          withdraw(failing);
          failing = null;
          withdraw(recovered);
          recovered = savingAgainText(id, recorder.stats.dropped);
          note(recovered);
        },
      });
      id = recorder.start({
        source: meta.source === 'simulated' ? 'simulator' : meta.source,
        sensor: meta.sensor ? { id: meta.sensor.id, name: meta.sensor.name, kind: meta.sensor.kind === 'witmotion' ? 'witmotion' : 'roller' } : null,
        settings: meta.settings,
        startedAt: meta.startedAt.getTime(),
        sensorConfig: meta.sensorConfig,
        engineVersion: MOTION_ENGINE_VERSION,
        routine: meta.routine ?? null,
      });
      return {
        id,
        // The recorder stamps arrival on its own wall clock (the frames' arrival times are on the
        // app's monotonic scheduler clock, which is not comparable with the session's start).
        appendFrames: (frames) => recorder.appendFrames(frames.map((f) => f.bytes)),
        noteReconnect: () => recorder.noteReconnect(),
        appendSamples: (samples: readonly ImuSample[]) => recorder.appendSamples(samples),
        appendTrack: (points) => recorder.appendTrack(points),
        appendEvents: (events) => recorder.appendEvents(events),
        finish: (reason, summary, endedAt) => {
          withdraw(recovered);
          try {
            recorder.finish({ endReason: reason, summary, endedAt: endedAt.getTime() });
          } catch (err) {
            // The app gives the session up: the next open marks it interrupted with what was stored.
            recorder.abandon();
            throw err;
          }
          // The samples' hash, so an export of this session imported again is recognised; a
          // failure here costs nothing but that (the hash is computed when first needed).
          try {
            ensureContentHash(store, store.getSession(id));
          } catch {
            // kept without a hash for now
          }
          return { lost: droppedText(recorder.stats.dropped) };
        },
      };
    },
    todayRollingS(at: Date) {
      return priorDailyRollingS(store, at.getTime(), -at.getTimezoneOffset());
    },
    routineTally(routine, at) {
      return routineTally(store.routineStarts(routine, tallyFromMs(at.getTime())), at.getTime());
    },
    notices: () => [...notices],
    onNotice(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    history: (days, at) => sessionHistory(store, days, at),
    review: (id) => sessionReview(store, id),
    async exportSession(id, folder, chartPng, progress): Promise<ExportedFiles> {
      mkdirSync(folder, { recursive: true });
      const steps = exportSessionSteps(store, id, folder, chartPng ? { chartPng } : {});
      let last = performance.now();
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
        // Let the event loop breathe (live coaching, other requests) every ~20 ms of work.
        if (performance.now() - last > 20) {
          progress(r.value);
          await new Promise<void>((resolve) => setImmediate(resolve));
          last = performance.now();
        }
      }
    },
    importRecording(fileName, path, settings, at, modifiedAt) {
      // An upload's temporary file is new: without the user's file's time, the recording is taken to have ended now.
      const r = importRecordingFile(store, path, { fileName, settings, now: at.getTime(), fileModifiedAt: modifiedAt ?? at.getTime() });
      return { session: pastSession(r.session), alreadyStored: r.alreadyStored, samples: r.samples, warnings: r.warnings };
    },
    reanalyze(id, coaching, at) {
      const own = store.getSession(id).settings;
      const r = reanalyzeSession(store, id, { settings: coaching(own), now: at.getTime() });
      return {
        session: pastSession(r.session),
        before: r.before,
        after: { events: store.events(id).length, engineVersion: r.session.engineVersion },
        samples: r.samples,
      };
    },
    saveNote: (id, note, at) => pastSession(store.saveNote(id, note, at.getTime())),
    deleteSession: (id) => store.deleteSession(id),
    eraseAll() {
      store.eraseAll();
      // Uploads waiting to be imported are the user's data too.
      rmSync(join(opened.dataDir, IMPORT_UPLOADS_FOLDER), { recursive: true, force: true });
      // Damaged copies kept aside hold the user's older data too (another program's file is not ours).
      for (const name of readdirSync(opened.dataDir)) if (/^roller\.sqlite\.damaged-/.test(name)) rmSync(join(opened.dataDir, name), { force: true });
    },
    dataFolder: opened.dataDir,
    remembered: {
      get: () => {
        const s = store.knownSensors()[0];
        return s && (s.kind === 'roller' || s.kind === 'witmotion') ? { id: s.id, name: s.name, kind: s.kind } : null;
      },
      set: (sensor) => {
        if (sensor) store.rememberSensor(sensor, now());
        else for (const s of store.knownSensors()) store.forgetSensor(s.id);
      },
    },
    close: () => store.close(),
  };
}

/** What a recording dropped while saving failed (its memory cap reached), in words; null when nothing. */
export function droppedText(d: RecorderStats['dropped']): string | null {
  const parts = [
    [d.frames, 'sensor notification'],
    [d.samples, 'sensor reading'],
    [d.trackPoints, 'track point'],
    [d.events, 'warning'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${n as number} ${what as string}${n === 1 ? '' : 's'}`);
  if (parts.length === 0) return null;
  return `Part of this session could not be saved: ${parts.join(', ')} arrived while saving failed and could not be kept. The rest is saved.`;
}

/** The notice once saving works again after a failure. */
export function savingAgainText(id: number, d: RecorderStats['dropped']): string {
  const dropped = d.frames + d.samples + d.trackPoints + d.events;
  return `Saving session ${id} works again${dropped === 0 ? ': what arrived while it failed is saved too.' : `, but ${dropped} items that arrived while it failed could not be kept.`}`;
}
