/**
 * The main process's services, in one place: sensor sources → decoder → motion engine →
 * session store → events for the renderer. Both hosts (Electron IPC and the browser host)
 * adapt this same object, so the renderer sees one API wherever it runs.
 *
 * Everything time-based runs on the injected scheduler; nothing here knows about Electron.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { BleSensorSource } from '../ble/ble-sensor-source';
import type { NobleLoad } from '../ble/noble-loader';
import type { NobleLike } from '../ble/noble-types';
import { memoryRememberedSensorStore, type RememberedSensorStore } from '../ble/remembered-sensor';
import type { Scheduler } from '../ble/scheduler';
import { CalibrationPass } from '../motion/calibration-pass';
import { MotionEngine } from '../motion/motion-engine';
import type { CoachEvent, TrackPoint } from '../motion/motion-types';
import { SessionFiguresAccumulator } from '../motion/session-figures';
import type { SessionFigures } from '../motion/session-figures-schema';
import {
  ProfileSchema,
  type AppSnapshot,
  type CalibrationStatus,
  type Connection,
  type EventName,
  type EventPayload,
  type Profile,
  type RequestName,
  type RequestParams,
  type RequestResult,
  type RollingNow,
  type Screening,
  type ScreeningAnswers,
  type SessionStatus,
} from '../ipc/ipc-contract';
import type { AppStore, EndReason, SessionRecording } from './app-store';
import { BUILT_IN_SCENARIO_NAMES } from '../sim/scenario-catalog';
import { DEFAULT_SIMULATED_SCENARIO } from '../sim/default-scenario';
import { dwellLimitAfterNudge } from '../motion/motion-settings';
import { DEFAULT_PROFILE, profileSettings } from '../session/profile';
import { LiveBatcher } from './live-batcher';
import { SessionActions } from './session-actions';

export interface RollerAppOptions {
  host: 'electron' | 'browser';
  scheduler: Scheduler;
  store: AppStore;
  loadSystemNoble: () => NobleLoad;
  /**
   * A noble running on simulated bindings with the simulated roller (scenario name), and how to
   * stop its timers once the app is done with it.
   */
  makeSimulatedNoble: (scenario: string) => { noble: NobleLike; dispose(): void };
  remembered?: RememberedSensorStore;
  platform?: string;
  now?: () => Date;
  /** How often the session status is pushed while a session runs, ms. */
  statusEveryMs?: number;
  /** Where exported sessions are written (see export-folder.ts; default: a folder in the temp dir). */
  exportFolder?: string;
}

/** The end reason of a session whose end could not be stored. */
export const NOT_SAVED = 'not saved';

interface ActiveSession {
  engine: MotionEngine;
  /** The session's figures, accumulated point by point (the ones shown live, at the end and stored). */
  figures: SessionFiguresAccumulator;
  recording: SessionRecording;
  startedAt: Date;
  firstT: number | null;
  lastT: number | null;
  /** The recording keeps raw protocol frames (our sensor), else decoded samples. */
  storesFrames: boolean;
  events: CoachEvent[];
  pendingTrack: TrackPoint[];
  pendingEvents: CoachEvent[];
  statusTimer: unknown;
}

interface ActiveCalibration {
  engine: MotionEngine;
  pass: CalibrationPass;
  lastPositionCm: number | null;
  result: CalibrationStatus;
}

type Listener<N extends EventName> = (payload: EventPayload<N>) => void;

export class RollerApp {
  private readonly o: RollerAppOptions;
  private readonly listeners = new Map<EventName, Set<(p: never) => void>>();
  private readonly system: BleSensorSource;
  private simulated: BleSensorSource | null = null;
  private simulatedNoble: { dispose(): void } | null = null;
  private simulatedScenario: string | null = null;
  private active: { source: BleSensorSource; kind: 'ble' | 'simulated' } | null = null;
  private profile: Profile;
  private screening: Screening | null;
  private session: ActiveSession | null = null;
  private lastSession: SessionStatus | null = null;
  private calibration: ActiveCalibration | null = null;
  private batteryPercent: number | null = null;
  private readonly batcher: LiveBatcher;
  private readonly unsubs: (() => void)[] = [];
  private snapshotTimer: unknown = null;
  private readonly extraNotices: string[] = [];
  private readonly past: SessionActions;
  private readonly exportFolder: string;

  constructor(options: RollerAppOptions) {
    this.o = options;
    const parsed = ProfileSchema.safeParse(options.store.loadProfile() ?? DEFAULT_PROFILE);
    this.profile = parsed.success ? parsed.data : ProfileSchema.parse(DEFAULT_PROFILE);
    this.screening = options.store.loadScreening();
    this.batcher = new LiveBatcher(options.scheduler, (points) => this.emit('live', { points, rolling: this.rollingNow() }));
    this.system = new BleSensorSource({
      loadNoble: options.loadSystemNoble,
      scheduler: options.scheduler,
      remembered: options.remembered ?? memoryRememberedSensorStore(),
      ...(options.platform ? { platform: options.platform } : {}),
    });
    this.wire(this.system, 'ble');
    const offNotice = options.store.onNotice?.(() => this.scheduleSnapshot());
    if (offNotice) this.unsubs.push(offNotice);
    this.exportFolder = options.exportFolder ?? join(tmpdir(), 'roller-companion-exports');
    this.past = new SessionActions({
      store: options.store,
      exportFolder: this.exportFolder,
      now: () => this.now(),
      profile: () => this.profile,
      recordingId: () => this.session?.recording.id ?? null,
      progress: (p) => this.emit('progress', p),
    });
  }

  /** Loads Bluetooth (lazily) and reconnects to the remembered sensor when there is one. */
  start(): void {
    this.system.start();
    this.pushSnapshot();
  }

  async dispose(): Promise<void> {
    if (this.session) this.stopSession('completed');
    for (const u of this.unsubs) u();
    await this.system.dispose();
    await this.simulated?.dispose();
    this.simulatedNoble?.dispose();
    this.simulatedNoble = null;
    // No timer outlives the app (a pending snapshot, a live batch).
    this.o.scheduler.clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    this.batcher.flush();
    this.o.store.close?.();
  }

  on<N extends EventName>(name: N, fn: Listener<N>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  /** Answers one request from the renderer (params already parsed against the contract). */
  async handle<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResult<N>> {
    const p = params as Record<string, unknown>;
    const r = async (): Promise<unknown> => {
      switch (name) {
        case 'app.snapshot':
          return this.snapshot();
        case 'screening.submit':
          return this.submitScreening(params as ScreeningAnswers);
        case 'profile.update':
          return this.updateProfile(params as Partial<Profile>);
        case 'sensors.scan':
          if (p['on']) await this.system.startScan();
          else await this.system.stopScan();
          return { ok: true };
        case 'sensors.connect':
          await this.useSource(this.system, 'ble');
          void this.system.connect(String(p['id']));
          return { ok: true };
        case 'sensors.useSimulated':
          await this.useSimulated(typeof p['scenario'] === 'string' ? p['scenario'] : DEFAULT_SIMULATED_SCENARIO);
          return { ok: true };
        case 'sensors.disconnect':
          await this.active?.source.disconnect();
          this.active = null;
          this.pushSnapshot();
          return { ok: true };
        case 'sensors.forget':
          this.system.forget();
          this.pushSnapshot();
          return { ok: true };
        case 'sensors.identify':
          await this.active?.source.identify(5);
          return { ok: true };
        case 'calibration.start':
          return this.startCalibration();
        case 'calibration.cancel':
          return this.cancelCalibration();
        case 'calibration.accept':
          return this.acceptCalibration();
        case 'session.start':
          return this.startSession();
        case 'session.stop':
          return this.stopSession(p['reason'] === 'stopped: pain' ? 'stopped: pain' : 'completed');
        case 'history.get':
          return this.o.store.history(typeof p['days'] === 'number' ? p['days'] : 90, this.now());
        case 'review.get':
          return this.o.store.review(Number(p['id']));
        case 'sessions.export':
          return this.past.export(Number(p['id']), typeof p['chartPngBase64'] === 'string' ? p['chartPngBase64'] : undefined);
        case 'import.begin':
          return this.past.importBegin(String(p['fileName']), Number(p['bytes']));
        case 'import.chunk':
          return this.past.importChunk(String(p['uploadId']), Number(p['index']), String(p['text']));
        case 'import.finish':
          return this.past.importFinish(String(p['uploadId']), Number(p['pieces']));
        case 'import.cancel':
          return this.past.importCancel(String(p['uploadId']));
        case 'sessions.reanalyze':
          return this.past.reanalyze(Number(p['id']));
        case 'sessions.delete':
          return this.past.delete(Number(p['id']));
        case 'data.eraseAll':
          return this.eraseAll();
        default:
          throw new Error(`unknown request ${String(name)}`);
      }
    };
    return (await r()) as RequestResult<N>;
  }

  snapshot(): AppSnapshot {
    return {
      host: this.o.host,
      screening: this.screening,
      profile: this.profile,
      adapter: (({ state, message, fix }) => ({ state, message, fix }))(this.system.adapter),
      devices: this.system.deviceList.map(({ id, name, kind, rssiDbm, batteryPercent, remembered }) => ({ id, name, kind, rssiDbm, batteryPercent, remembered })),
      connection: this.connection(),
      session: this.sessionStatus(),
      calibration: this.calibrationStatus(),
      notices: [...this.o.store.notices(), ...this.extraNotices],
      simulatedScenarios: [...BUILT_IN_SCENARIO_NAMES],
      storage: { dataFolder: this.o.store.dataFolder, exportFolder: this.exportFolder },
    };
  }

  /**
   * Erases everything stored: sessions, profile, screening answers, the remembered sensor. The
   * app goes back to its first run (the screening questions). Refused while a session runs.
   */
  private async eraseAll(): Promise<{ ok: true }> {
    if (this.session) throw new Error('a session is running; stop it before erasing your data');
    this.cancelCalibration();
    await this.active?.source.disconnect();
    this.active = null;
    this.system.forget();
    this.o.store.eraseAll();
    this.profile = ProfileSchema.parse(DEFAULT_PROFILE);
    this.screening = null;
    this.lastSession = null;
    this.extraNotices.length = 0;
    this.pushSnapshot();
    return { ok: true };
  }

  // ---------- sources ----------

  private wire(source: BleSensorSource, kind: 'ble' | 'simulated'): void {
    const isActive = () => this.active?.source === source;
    let linkWas: string = source.connection.name;
    this.unsubs.push(
      source.on('samples', (samples) => isActive() && this.onSamples(samples)),
      source.on('raw', (raw) => {
        const ses = this.session;
        if (isActive() && ses?.storesFrames) this.record(() => ses.recording.appendFrames([raw]));
      }),
      source.on('battery', (b) => {
        if (isActive()) this.batteryPercent = b;
        this.scheduleSnapshot();
      }),
      source.on('connection', (c) => {
        // Back after a drop-out during a recorded session: mark it in the stored frames.
        const ses = this.session;
        if (c.name === 'streaming' && linkWas === 'reconnecting' && isActive() && ses?.storesFrames) this.record(() => ses.recording.noteReconnect());
        linkWas = c.name;
        this.scheduleSnapshot();
      }),
      source.on('devices', () => kind === 'ble' && this.scheduleSnapshot()),
      source.on('adapter', () => this.scheduleSnapshot()),
    );
  }

  private async useSource(source: BleSensorSource, kind: 'ble' | 'simulated'): Promise<void> {
    if (this.active && this.active.source !== source) await this.active.source.disconnect();
    this.active = { source, kind };
    this.batteryPercent = null;
  }

  private async useSimulated(scenario: string): Promise<void> {
    if (!BUILT_IN_SCENARIO_NAMES.includes(scenario)) throw new Error(`no simulated scenario "${scenario}" (known: ${BUILT_IN_SCENARIO_NAMES.join(', ')})`);
    if (this.simulated && this.simulatedScenario !== scenario) {
      // Another scenario: a fresh simulated sensor plays it from its start.
      const old = this.simulated;
      this.simulated = null;
      if (this.active?.source === old) this.active = null;
      await old.dispose();
      this.simulatedNoble?.dispose();
      this.simulatedNoble = null;
    }
    this.simulatedScenario = scenario;
    if (!this.simulated) {
      const made = this.o.makeSimulatedNoble(scenario);
      this.simulatedNoble = made;
      const noble = made.noble;
      this.simulated = new BleSensorSource({ loadNoble: () => ({ ok: true, noble }), scheduler: this.o.scheduler, remembered: memoryRememberedSensorStore() });
      this.wire(this.simulated, 'simulated');
      const sim = this.simulated;
      const off = sim.on('devices', (list) => {
        const roller = list.find((d) => d.kind === 'roller');
        if (roller && sim.connection.name === 'scanning') {
          off();
          void sim.connect(roller.id);
        }
      });
      const offAdapter = sim.on('adapter', (a) => {
        if (a.state === 'poweredOn') {
          offAdapter();
          void sim.startScan();
        }
      });
      await this.useSource(sim, 'simulated');
      sim.start();
    } else {
      await this.useSource(this.simulated, 'simulated');
      await this.simulated.startScan();
    }
    this.pushSnapshot();
    await this.streaming(this.simulated, 15_000);
  }

  /** Resolves once the source streams; a clear error if it does not within `ms`. */
  private streaming(source: BleSensorSource, ms: number): Promise<void> {
    if (source.connection.name === 'streaming') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = this.o.scheduler.setTimeout(() => {
        off();
        reject(new Error(`the simulated roller did not start streaming within ${ms / 1000} s`));
      }, ms);
      const off = source.on('connection', (c) => {
        if (c.name !== 'streaming') return;
        this.o.scheduler.clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  private connection(): Connection {
    const a = this.active;
    const s = (a?.source ?? this.system).connection;
    return {
      name: s.name,
      ...('deviceId' in s ? { deviceId: s.deviceId } : {}),
      ...('attempt' in s ? { attempt: s.attempt } : {}),
      ...('reason' in s ? { reason: s.reason } : {}),
      source: a?.kind ?? null,
      description: a?.source.linkDescription ?? null,
      batteryPercent: this.batteryPercent,
    };
  }

  // ---------- samples → engines ----------

  private onSamples(samples: ImuSample[]): void {
    const cal = this.calibration;
    if (cal) for (const s of samples) cal.engine.push(s);
    const ses = this.session;
    if (ses) {
      if (!ses.storesFrames) this.record(() => ses.recording.appendSamples(samples));
      for (const s of samples) ses.engine.push(s);
      ses.firstT ??= samples[0]?.tS ?? null;
      ses.lastT = samples[samples.length - 1]?.tS ?? ses.lastT;
      if (ses.pendingTrack.length >= 25) this.flushRecording(ses);
    }
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
      const message = `Recording problem: ${(err as Error).message}`;
      if (!this.extraNotices.includes(message)) {
        this.extraNotices.push(message);
        this.scheduleSnapshot();
      }
    }
  }

  // ---------- sessions ----------

  private startSession(): SessionStatus {
    if (this.session) return this.sessionStatus();
    this.cancelCalibration();
    const now = this.now();
    const prior = this.o.store.todayRollingS(now);
    const settings = profileSettings(this.profile, { priorDailyRollingS: prior });
    const active = this.active;
    const sensorConfig = active?.source.connection.name === 'streaming' ? active.source.linkConfig : null;
    const recording = this.o.store.startSession({
      startedAt: now,
      source: active?.kind ?? 'simulated',
      sensor: active ? active.source.linkedSensor : null,
      settings,
      sensorConfig,
    });
    const ses: ActiveSession = {
      engine: undefined as unknown as MotionEngine,
      figures: new SessionFiguresAccumulator(settings),
      recording,
      startedAt: now,
      firstT: null,
      lastT: null,
      storesFrames: sensorConfig !== null,
      events: [],
      pendingTrack: [],
      pendingEvents: [],
      statusTimer: null,
    };
    ses.engine = new MotionEngine(settings, {
      track: (p) => {
        ses.figures.pushPoint(p);
        ses.pendingTrack.push(p);
        this.batcher.add({ t: p.t, positionCm: p.positionCm, speedInPerS: p.speedInPerS, zone: p.zone, dwellS: ses.engine.currentDwellS, atRest: p.diagnostics.atRest, gapBridged: p.diagnostics.gapBridged });
      },
      event: (e) => {
        ses.figures.pushEvent(e);
        ses.events.push(e);
        ses.pendingEvents.push(e);
        this.batcher.flush();
        this.emit('coach', e);
      },
    });
    active?.source.resetStream();
    this.session = ses;
    this.lastSession = null;
    const tick = () => {
      ses.statusTimer = this.o.scheduler.setTimeout(tick, this.o.statusEveryMs ?? 1000);
      this.flushRecording(ses);
      this.emit('session', this.sessionStatus());
    };
    tick();
    this.pushSnapshot();
    return this.sessionStatus();
  }

  private stopSession(reason: EndReason): SessionStatus {
    const ses = this.session;
    if (!ses) return this.sessionStatus();
    this.o.scheduler.clearTimeout(ses.statusTimer);
    ses.engine.finish();
    this.batcher.flush();
    this.flushRecording(ses);
    const figures = ses.figures.figures();
    const saved = this.finishRecording(ses, reason, figures);
    if (saved.problem) this.extraNotices.push(saved.problem);
    const status: SessionStatus = { ...this.sessionStatus(), state: 'ended', endReason: saved.endReason, saveProblem: saved.problem, figures };
    this.session = null;
    this.lastSession = status;
    this.emit('session', status);
    this.pushSnapshot();
    return status;
  }

  /**
   * Ends the recording: 'completed' (or the reason given) only when all of it is stored;
   * otherwise 'not saved', with what to tell the user.
   */
  private finishRecording(ses: ActiveSession, reason: EndReason, figures: SessionFigures): { endReason: string; problem: string | null } {
    try {
      return { endReason: reason, problem: ses.recording.finish(reason, figures, this.now()).lost };
    } catch (err) {
      const why = (err as Error).message.replace(/[.\s]+$/, '');
      const kept = (err as { kind?: unknown }).kind === 'not-found' || /kept/.test(why) ? '' : '; what was saved before is kept and shows as interrupted';
      return { endReason: NOT_SAVED, problem: `This session could not be saved${/^[A-Z]/.test(why) ? '. ' : ': '}${why}${kept}.` };
    }
  }

  private sessionStatus(): SessionStatus {
    const ses = this.session;
    const budget = this.profile.dailyBudgetMin * 60;
    if (!ses) {
      return (
        this.lastSession ?? { state: 'none', sessionId: null, startedAt: null, elapsedS: 0, figures: null, todayRollingS: this.o.store.todayRollingS(this.now()), dailyBudgetS: budget, endReason: null, saveProblem: null }
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
    };
  }

  /** The running session's rolling time and today's, for the live batches (null: no session). */
  private rollingNow(): RollingNow | null {
    const ses = this.session;
    if (!ses) return null;
    const rollingS = ses.figures.rollingS;
    return { rollingS, todayRollingS: todayRollingS(ses, rollingS) };
  }

  // ---------- calibration ----------

  private startCalibration(): CalibrationStatus {
    const settings = profileSettings({ ...this.profile, neckAboveCm: null, lumbarBelowCm: null });
    const pass = new CalibrationPass();
    const cal: ActiveCalibration = {
      pass,
      lastPositionCm: null,
      result: { state: 'running', step: 'roll-up', heldS: 0, positionCm: null, neckAboveCm: null, lumbarBelowCm: null, message: null },
      engine: undefined as unknown as MotionEngine,
    };
    let lastSentT = -Infinity;
    cal.engine = new MotionEngine(settings, {
      track: (p) => {
        const step = pass.push(p);
        cal.lastPositionCm = p.positionCm;
        if (step === 'done') {
          this.finishCalibration(cal);
          return;
        }
        if (p.t - lastSentT >= 0.2) {
          lastSentT = p.t;
          cal.result = { ...cal.result, step, heldS: pass.heldS, positionCm: p.positionCm };
          this.emit('calibration', cal.result);
        }
      },
    });
    this.active?.source.resetStream();
    this.calibration = cal;
    this.emit('calibration', cal.result);
    return cal.result;
  }

  private finishCalibration(cal: ActiveCalibration): void {
    if (this.calibration !== cal) return;
    const v = cal.pass.verdict();
    cal.result = v.ok
      ? { state: 'done', step: 'done', heldS: 0, positionCm: cal.lastPositionCm, neckAboveCm: v.neckAboveCm, lumbarBelowCm: v.lumbarBelowCm, message: v.message }
      : { state: 'failed', step: cal.pass.step, heldS: 0, positionCm: cal.lastPositionCm, neckAboveCm: null, lumbarBelowCm: null, message: v.message };
    this.calibration = null;
    this.lastCalibration = cal.result;
    this.emit('calibration', cal.result);
  }

  private lastCalibration: CalibrationStatus | null = null;

  private cancelCalibration(): CalibrationStatus {
    const cal = this.calibration;
    if (cal) {
      cal.engine.finish();
      const v = cal.pass.verdict();
      this.calibration = null;
      this.lastCalibration = v.ok ? { ...cal.result, state: 'done', neckAboveCm: v.neckAboveCm, lumbarBelowCm: v.lumbarBelowCm, message: v.message } : { ...cal.result, state: 'failed', message: v.message };
      this.emit('calibration', this.lastCalibration);
    }
    return this.calibrationStatus();
  }

  private acceptCalibration(): Profile {
    const c = this.lastCalibration;
    if (!c || c.state !== 'done' || c.neckAboveCm === null || c.lumbarBelowCm === null) throw new Error('there is no successful calibration pass to accept');
    return this.updateProfile({ neckAboveCm: round1(c.neckAboveCm), lumbarBelowCm: round1(c.lumbarBelowCm), calibratedAt: this.now().toISOString() });
  }

  private calibrationStatus(): CalibrationStatus {
    return this.calibration?.result ?? this.lastCalibration ?? { state: 'idle', step: null, heldS: 0, positionCm: null, neckAboveCm: null, lumbarBelowCm: null, message: null };
  }

  // ---------- profile and screening ----------

  private submitScreening(a: ScreeningAnswers): Screening {
    const screening: Screening = { ...a, answeredAt: this.now().toISOString(), needsClearance: Object.values(a.answers).some(Boolean) };
    this.o.store.saveScreening(screening);
    this.screening = screening;
    this.pushSnapshot();
    return screening;
  }

  private updateProfile(patch: Partial<Profile>): Profile {
    const next = ProfileSchema.parse({ ...this.profile, ...patch });
    if (!dwellLimitAfterNudge(next)) throw new Error('the dwell limit must be longer than the nudge');
    this.profile = next;
    this.o.store.saveProfile(next);
    this.pushSnapshot();
    return next;
  }

  // ---------- events ----------

  private now(): Date {
    return this.o.now ? this.o.now() : new Date();
  }

  /** Coalesces bursts of changes into one snapshot push. */
  private scheduleSnapshot(): void {
    if (this.snapshotTimer !== null) return;
    this.snapshotTimer = this.o.scheduler.setTimeout(() => {
      this.snapshotTimer = null;
      this.pushSnapshot();
    }, 100);
  }

  private pushSnapshot(): void {
    this.emit('snapshot', this.snapshot());
  }

  private emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const fn of set) (fn as Listener<N>)(payload);
  }
}

/** Today's rolling time: the stored earlier sessions of the day (read at the start) + this session's. */
function todayRollingS(ses: ActiveSession, rollingS: number): number {
  return ses.engine.settings.priorDailyRollingS + rollingS;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
