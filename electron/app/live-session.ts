/**
 * The coaching session that runs on the live samples: a motion engine, the session's figures
 * accumulated point by point (the ones shown live, at the end and stored), the recording in the
 * store, live points in display-rate batches, coaching events at once, the status once a second.
 * A hands-free session (the profile's `handsFree`, or a routine that runs hands-free) is guided
 * by the pure `HandsFreeMachine` (armed → rolling ⇄ paused) on the engine's track points; a
 * guided routine by its `RoutinePacer`; a free hands-free session also by its `FreeSessionGuide`
 * (the next area, the time left today), which hears the hands-free changes and the warnings so
 * they come first. What they say goes out as `prompt` events; a routine that is over ends the
 * session (completed).
 * Answers `session.start`, `session.stop` and `routines.tally`.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import type { SensorConfig } from '../../sensor-protocol/gatt/sensor-config';
import type { Scheduler } from '../ble/scheduler';
import type { EventName, EventPayload, Profile, RollingNow, RoutineKind, SessionStatus, VoicePrompt } from '../ipc/ipc-contract';
import { MotionEngine, type EngineCounters } from '../motion/motion-engine';
import type { MotionSettings } from '../motion/motion-settings';
import type { CoachEvent, TrackPoint } from '../motion/motion-types';
import { SessionFiguresAccumulator } from '../motion/session-figures';
import type { SessionFigures } from '../motion/session-figures-schema';
import { profileSettings } from '../session/profile';
import type { AppStore, EndReason, SessionMeta, SessionRecording } from './app-store';
import { FreeSessionGuide } from './free-session-guide';
import { HandsFreeMachine } from './hands-free-machine';
import { routinePacer, type RoutinePacer } from './routine-pacer';
import type { LiveBatcher } from './live-batcher';
import type { RequestHandlers } from './request-handlers';

/** The end reason of a session whose end could not be stored. */
export const NOT_SAVED = 'not saved';

/** Where the session's samples come from, as it starts. */
export interface LiveSourceInfo {
  kind: SessionMeta['source'];
  sensor: SessionMeta['sensor'];
  /** Our sensor's protocol configuration when it streams (its raw frames are recorded), else null. */
  sensorConfig: SensorConfig | null;
  resetStream(): void;
}

export interface LiveSessionOptions {
  store: AppStore;
  scheduler: Scheduler;
  now: () => Date;
  profile: () => Profile;
  source: () => LiveSourceInfo | null;
  batcher: LiveBatcher;
  emit: <N extends EventName>(name: N, payload: EventPayload<N>) => void;
  /** A problem for the user (a storage problem never stops coaching). */
  notice: (message: string) => void;
  /** Before a session starts (a calibration pass running is cancelled). */
  beforeStart: () => void;
  changed: () => void;
  /** How often the session status is pushed while a session runs, ms. */
  statusEveryMs?: number;
}

interface ActiveSession {
  engine: MotionEngine;
  figures: SessionFiguresAccumulator;
  recording: SessionRecording;
  startedAt: Date;
  firstT: number | null;
  lastT: number | null;
  /** The recording keeps raw protocol frames (our sensor), else decoded samples. */
  storesFrames: boolean;
  pendingTrack: TrackPoint[];
  pendingEvents: CoachEvent[];
  statusTimer: unknown;
  /** Hands-free: armed, rolling, paused (null: started and stopped by hand). */
  handsFree: HandsFreeMachine | null;
  routine: RoutinePacer | null;
  /** A free hands-free session's guide (null: a routine, or started by hand). */
  freeGuide: FreeSessionGuide | null;
  /** The routine is over: the session ends once the current samples are through the engine. */
  finishing: boolean;
}

/** Track points are written to the store in batches of about this many. */
const WRITE_EVERY_POINTS = 25;

export class LiveSession {
  private active: ActiveSession | null = null;
  private ended: SessionStatus | null = null;
  private endedCounters: EngineCounters | null = null;

  constructor(private readonly o: LiveSessionOptions) {}

  readonly handlers: Pick<RequestHandlers, 'session.start' | 'session.stop' | 'routines.tally'> = {
    'session.start': ({ routine }) => this.start(routine ?? null),
    'session.stop': ({ reason }) => this.stop(reason),
    'routines.tally': () => ({ extension: this.o.store.routineTally('thoracic-extension', this.o.now()) }),
  };

  get running(): boolean {
    return this.active !== null;
  }

  /** The running session's engine (null: none runs). */
  get engine(): MotionEngine | null {
    return this.active?.engine ?? null;
  }

  /** The id of the session being recorded (null: none). */
  get recordingId(): number | null {
    return this.active?.recording.id ?? null;
  }

  /** The engine's counters: the running session's, else the last one's (null: none yet). */
  engineCounters(): EngineCounters | null {
    const c = this.active?.engine.counters ?? this.endedCounters;
    return c ? { ...c } : null;
  }

  samples(samples: readonly ImuSample[]): void {
    const ses = this.active;
    if (!ses) return;
    if (!ses.storesFrames) this.record(() => ses.recording.appendSamples(samples));
    for (const s of samples) {
      ses.engine.push(s);
      // After the sample's warnings: they come first.
      const prompt = ses.freeGuide?.take();
      if (prompt) this.say([prompt]);
    }
    ses.firstT ??= samples[0]?.tS ?? null;
    ses.lastT = samples[samples.length - 1]?.tS ?? ses.lastT;
    if (ses.pendingTrack.length >= WRITE_EVERY_POINTS) this.flushRecording(ses);
    if (ses.finishing && this.active === ses) this.stop('completed');
  }

  frame(frame: { bytes: Uint8Array; arrivalMs: number }): void {
    const ses = this.active;
    if (ses?.storesFrames) this.record(() => ses.recording.appendFrames([frame]));
  }

  /** Back after a drop-out during a recorded session: marked in the stored frames. */
  reconnected(): void {
    const ses = this.active;
    if (ses?.storesFrames) this.record(() => ses.recording.noteReconnect());
  }

  /** Forgets the last ended session (the user's data was erased). */
  forgetEnded(): void {
    this.ended = null;
    this.endedCounters = null;
  }

  start(routineKind: RoutineKind | null = null): SessionStatus {
    if (this.active) return this.status();
    this.o.beforeStart();
    const now = this.o.now();
    const settings = profileSettings(this.o.profile(), { priorDailyRollingS: this.o.store.todayRollingS(now) });
    const source = this.o.source();
    const sensorConfig = source?.sensorConfig ?? null;
    const recording = this.o.store.startSession({ startedAt: now, source: source?.kind ?? 'simulated', sensor: source?.sensor ?? null, settings, sensorConfig, routine: routineKind });
    const routine = routineKind ? routinePacer(routineKind) : null;
    const handsFree = (routine ? routine.handsFree : this.o.profile().handsFree) ? new HandsFreeMachine() : null;
    const freeGuide = handsFree && !routine ? new FreeSessionGuide(settings.dailyBudgetMin * 60, settings.priorDailyRollingS) : null;
    const ses = this.newSession(settings, recording, now, sensorConfig !== null, handsFree, routine, freeGuide);
    source?.resetStream();
    this.active = ses;
    this.ended = null;
    const tick = () => {
      ses.statusTimer = this.o.scheduler.setTimeout(tick, this.o.statusEveryMs ?? 1000);
      this.flushRecording(ses);
      this.o.emit('session', this.status());
    };
    tick();
    this.o.changed();
    if (routine) this.say(routine.begin());
    else if (handsFree) this.say([{ kind: 'armed' }]);
    return this.status();
  }

  stop(reason: EndReason): SessionStatus {
    const ses = this.active;
    if (!ses) return this.status();
    this.o.scheduler.clearTimeout(ses.statusTimer);
    ses.handsFree?.stop();
    ses.engine.finish();
    this.o.batcher.flush();
    this.flushRecording(ses);
    const figures = ses.figures.figures();
    const saved = this.finishRecording(ses, reason, figures);
    if (saved.problem) this.o.notice(saved.problem);
    const status: SessionStatus = { ...this.status(), state: 'ended', endReason: saved.endReason, saveProblem: saved.problem, figures };
    this.active = null;
    this.ended = status;
    this.endedCounters = { ...ses.engine.counters };
    this.o.emit('session', status);
    this.o.changed();
    return status;
  }

  status(): SessionStatus {
    const ses = this.active;
    const budget = this.o.profile().dailyBudgetMin * 60;
    if (!ses) {
      return (
        this.ended ?? {
          state: 'none',
          sessionId: null,
          startedAt: null,
          elapsedS: 0,
          figures: null,
          todayRollingS: this.o.store.todayRollingS(this.o.now()),
          dailyBudgetS: budget,
          endReason: null,
          saveProblem: null,
        }
      );
    }
    const figures = ses.figures.figures();
    return {
      state: 'running',
      sessionId: ses.recording.id,
      startedAt: ses.startedAt.toISOString(),
      elapsedS: ses.firstT !== null && ses.lastT !== null ? ses.lastT - ses.firstT : 0,
      figures,
      todayRollingS: todayRollingS(ses, figures.rollingS),
      dailyBudgetS: budget,
      endReason: null,
      saveProblem: null,
      handsFree: ses.handsFree && ses.handsFree.phase !== 'stopped' ? { phase: ses.handsFree.phase, activeS: ses.handsFree.activeS } : null,
      routine: ses.routine?.status() ?? null,
    };
  }

  /** The running session's rolling time and today's, for the live batches (null: no session). */
  rollingNow(): RollingNow | null {
    const ses = this.active;
    if (!ses) return null;
    const rollingS = ses.figures.rollingS;
    return { rollingS, todayRollingS: todayRollingS(ses, rollingS) };
  }

  private newSession(
    settings: MotionSettings,
    recording: SessionRecording,
    startedAt: Date,
    storesFrames: boolean,
    handsFree: HandsFreeMachine | null,
    routine: RoutinePacer | null,
    freeGuide: FreeSessionGuide | null,
  ): ActiveSession {
    const figures = new SessionFiguresAccumulator(settings);
    const pendingTrack: TrackPoint[] = [];
    const pendingEvents: CoachEvent[] = [];
    const engine: MotionEngine = new MotionEngine(settings, {
      track: (p) => {
        figures.pushPoint(p);
        pendingTrack.push(p);
        const { atRest, gapBridged } = p.diagnostics;
        this.o.batcher.add({ t: p.t, positionCm: p.positionCm, speedInPerS: p.speedInPerS, zone: p.zone, dwellS: engine.currentDwellS, atRest, gapBridged });
        this.guide(ses, p);
      },
      event: (e) => {
        figures.pushEvent(e);
        pendingEvents.push(e);
        freeGuide?.heard(e.t);
        this.o.batcher.flush();
        this.o.emit('coach', e);
      },
    });
    const ses: ActiveSession = {
      engine,
      figures,
      recording,
      startedAt,
      firstT: null,
      lastT: null,
      storesFrames,
      pendingTrack,
      pendingEvents,
      statusTimer: null,
      handsFree,
      routine,
      freeGuide,
      finishing: false,
    };
    return ses;
  }

  /** The hands-free machine and the routine on one track point: what they say, a new phase pushed at once. */
  private guide(ses: ActiveSession, p: TrackPoint): void {
    if (!ses.handsFree && !ses.routine) return;
    const { atRest, gapBridged } = p.diagnostics;
    const change = ses.handsFree?.push({ t: p.t, speedInPerS: p.speedInPerS, atRest, gapBridged }) ?? null;
    const prompts: VoicePrompt[] = change ? [{ kind: change }] : [];
    if (ses.freeGuide && ses.handsFree) {
      if (change) ses.freeGuide.heard(p.t);
      ses.freeGuide.step({ t: p.t, phase: ses.handsFree.phase, zoneTimeS: ses.figures.zoneTimeS, todayRollingS: todayRollingS(ses, ses.figures.rollingS) });
    }
    if (ses.routine && !ses.routine.done) {
      prompts.push(...ses.routine.step({ t: p.t, positionCm: p.positionCm, speedInPerS: p.speedInPerS, gapBridged, phase: ses.handsFree?.phase ?? null, activeS: ses.handsFree?.activeS ?? 0 }));
      if (ses.routine.done) ses.finishing = true;
    }
    if (prompts.length === 0) return;
    this.o.batcher.flush();
    this.say(prompts);
    if (change) this.o.emit('session', this.status());
  }

  private say(prompts: readonly VoicePrompt[]): void {
    for (const prompt of prompts) this.o.emit('prompt', prompt);
  }

  private flushRecording(ses: ActiveSession): void {
    if (ses.pendingTrack.length > 0) this.record(() => ses.recording.appendTrack(ses.pendingTrack.splice(0)));
    if (ses.pendingEvents.length > 0) this.record(() => ses.recording.appendEvents(ses.pendingEvents.splice(0)));
  }

  /** A storage problem never stops coaching: it becomes a notice, and the session goes on. */
  private record(write: () => void): void {
    try {
      write();
    } catch (err) {
      this.o.notice(`Recording problem: ${(err as Error).message}`);
    }
  }

  /**
   * Ends the recording: 'completed' (or the reason given) only when all of it is stored;
   * otherwise 'not saved', with what to tell the user.
   */
  private finishRecording(ses: ActiveSession, reason: EndReason, figures: SessionFigures): { endReason: string; problem: string | null } {
    try {
      return { endReason: reason, problem: ses.recording.finish(reason, figures, this.o.now()).lost };
    } catch (err) {
      const why = (err as Error).message.replace(/[.\s]+$/, '');
      const kept = (err as { kind?: unknown }).kind === 'not-found' || /kept/.test(why) ? '' : '; what was saved before is kept and shows as interrupted';
      return { endReason: NOT_SAVED, problem: `This session could not be saved${/^[A-Z]/.test(why) ? '. ' : ': '}${why}${kept}.` };
    }
  }
}

/** Today's rolling time: the stored earlier sessions of the day (read at the start) + this session's. */
function todayRollingS(ses: ActiveSession, rollingS: number): number {
  return ses.engine.settings.priorDailyRollingS + rollingS;
}
