/**
 * The composition root of the main process's services: it wires the sensor sources to the
 * live path, keeps the event bus and the coalesced snapshot, and dispatches each request of the
 * IPC contract to the one service that answers it. Both hosts (Electron IPC and the browser
 * host) adapt this same object, so the renderer sees one API wherever it runs.
 *
 *   sensor-sources ──samples──► calibration-service (its own engine)
 *                  ──samples, frames, reconnects──► live-session ──► store, live/coach/session events
 *   profile-service (profile, screening) · session-actions (past sessions) · this file (snapshot, erase)
 *
 * Everything time-based runs on the injected scheduler; nothing here knows about Electron.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NobleLoad } from '../ble/noble-loader';
import type { RememberedSensorStore } from '../ble/remembered-sensor';
import type { Scheduler } from '../ble/scheduler';
import type { AppSnapshot, EventName, RequestName, RequestParams, RequestResult } from '../ipc/ipc-contract';
import { AppEvents, type Listener } from './app-events';
import type { AppStore } from './app-store';
import { CalibrationService } from './calibration-service';
import { LiveBatcher } from './live-batcher';
import { LiveSession } from './live-session';
import { ProfileService } from './profile-service';
import type { RequestHandlers } from './request-handlers';
import { SensorCheckService } from './sensor-check-service';
import { DEFAULT_SAMPLE_RATE_HZ, SensorSources, type SimulatedNobleParts } from './sensor-sources';
import { version as APP_VERSION } from '../../package.json';
import { SessionActions } from './session-actions';
import { silentLog, type SupportLog } from './support-log';

export { NOT_SAVED } from './live-session';

export interface RollerAppOptions {
  host: 'electron' | 'browser';
  scheduler: Scheduler;
  store: AppStore;
  loadSystemNoble: () => NobleLoad;
  /**
   * A noble running on simulated bindings with the simulated roller (scenario name), and how to
   * stop its timers once the app is done with it.
   */
  makeSimulatedNoble: (scenario: string) => SimulatedNobleParts;
  remembered?: RememberedSensorStore;
  platform?: string;
  /** The sample rate to ask sensors for, Hz (default: the Bluetooth source's). */
  sampleRateHz?: number;
  now?: () => Date;
  /** How often the session status is pushed while a session runs, ms. */
  statusEveryMs?: number;
  /** Where exported sessions are written (see export-folder.ts; default: a folder in the temp dir). */
  exportFolder?: string;
  /** The support log's newest lines, carried in `sensors.diagnostics` (default: none). */
  supportLogLines?: () => string[];
  /** Opens a folder with the system's file manager ('' when it worked, else why not); the desktop app only. */
  openFolder?: (folder: string) => Promise<string>;
  /** The support log (default: none). Sensors, store notices; never profile figures or notes. */
  log?: SupportLog;
  /** Where the support log's file is, for Settings → Your data (null: not kept in a file). */
  logFile?: string | null;
  /** Writes what the log holds and closes it (when the app is disposed of). */
  closeLog?: () => Promise<void>;
  /** Removes the support log's files (Erase all my data: the log names the sensor). */
  eraseLog?: () => Promise<void>;
}

/** Changes within this long are pushed as one snapshot, ms. */
const SNAPSHOT_COALESCE_MS = 100;

export class RollerApp {
  private readonly o: RollerAppOptions;
  private readonly events = new AppEvents();
  private readonly sources: SensorSources;
  private readonly profile: ProfileService;
  private readonly calibration: CalibrationService;
  private readonly session: LiveSession;
  private readonly past: SessionActions;
  private readonly batcher: LiveBatcher;
  private readonly sensorCheck: SensorCheckService;
  private readonly handlers: RequestHandlers;
  private readonly unsubs: (() => void)[] = [];
  private readonly extraNotices: string[] = [];
  private readonly exportFolder: string;
  private readonly log: SupportLog;
  private readonly loggedNotices = new Set<string>();
  private snapshotTimer: unknown = null;

  constructor(options: RollerAppOptions) {
    this.o = options;
    const now = () => this.now();
    const changed = () => this.scheduleSnapshot();
    this.exportFolder = options.exportFolder ?? join(tmpdir(), 'roller-companion-exports');
    this.log = options.log ?? silentLog;
    this.profile = new ProfileService({ store: options.store, now, changed: () => this.pushSnapshot() });
    // The user's rate choice (Sensor check) wins over the app's default.
    const sampleRateHz = this.profile.profile.sampleRateHz ?? options.sampleRateHz;
    this.sources = new SensorSources({ ...options, ...(sampleRateHz !== undefined ? { sampleRateHz } : {}), changed, changedNow: () => this.pushSnapshot() });
    this.batcher = new LiveBatcher(options.scheduler, (points) => this.events.emit('live', { points, rolling: this.session.rollingNow() }));
    this.calibration = new CalibrationService({
      profile: () => this.profile.profile,
      updateProfile: (patch) => this.profile.update(patch),
      resetStream: () => this.sources.active?.source.resetStream(),
      passRunning: (running) => this.sources.calibrationPass(running),
      emit: (status) => this.events.emit('calibration', status),
      now,
    });
    this.session = new LiveSession({
      store: options.store,
      scheduler: options.scheduler,
      now,
      profile: () => this.profile.profile,
      source: () => this.liveSource(),
      batcher: this.batcher,
      emit: (name, payload) => this.events.emit(name, payload),
      notice: (message) => this.notice(message),
      beforeStart: () => this.calibration.cancel(),
      changed: () => this.pushSnapshot(),
      ...(options.statusEveryMs !== undefined ? { statusEveryMs: options.statusEveryMs } : {}),
    });
    this.sensorCheck = new SensorCheckService({
      host: options.host,
      appVersion: APP_VERSION,
      sources: this.sources,
      profile: () => this.profile.profile,
      saveSampleRate: (hz) => this.profile.update({ sampleRateHz: hz }),
      sessionEngine: () => this.session.engine,
      sessionRunning: () => this.session.running,
      engineCounters: () => this.session.engineCounters(),
      adapter: () => this.sources.adapter(),
      connection: () => this.sources.connection(),
      ...(options.supportLogLines ? { logLines: options.supportLogLines } : {}),
      now,
    });
    this.sources.setFeed({
      samples: (samples) => {
        this.calibration.push(samples);
        this.session.samples(samples);
        this.sensorCheck.samples(samples);
      },
      raw: (frame) => this.session.frame(frame),
      reconnected: () => this.session.reconnected(),
    });
    this.past = new SessionActions({
      store: options.store,
      exportFolder: this.exportFolder,
      now,
      profile: () => this.profile.profile,
      recordingId: () => this.session.recordingId,
      progress: (p) => this.events.emit('progress', p),
      ...(options.openFolder ? { openFolder: options.openFolder } : {}),
    });
    const offNotice = options.store.onNotice?.(() => {
      this.logNotices(options.store.notices());
      changed();
    });
    if (offNotice) this.unsubs.push(offNotice);
    this.handlers = {
      'app.snapshot': () => this.snapshot(),
      ...this.profile.handlers,
      ...this.sources.handlers,
      ...this.sensorCheck.handlers,
      ...this.calibration.handlers,
      ...this.session.handlers,
      ...this.past.handlers,
      'data.eraseAll': () => this.eraseAll(),
    };
  }

  /** Loads Bluetooth (lazily) and reconnects to the remembered sensor when there is one. */
  start(): void {
    this.log.info('app started', { host: this.o.host });
    this.logNotices(this.o.store.notices());
    this.sources.start();
    this.pushSnapshot();
  }

  async dispose(): Promise<void> {
    if (this.session.running) this.session.stop('completed');
    for (const u of this.unsubs) u();
    await this.sources.dispose();
    // No timer outlives the app (a pending snapshot, a live batch).
    this.o.scheduler.clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    this.batcher.flush();
    this.o.store.close?.();
    this.log.info('app stopped');
    await this.o.closeLog?.();
  }

  on<N extends EventName>(name: N, fn: Listener<N>): () => void {
    return this.events.on(name, fn);
  }

  /** Answers one request from the renderer (params already parsed against the contract). */
  async handle<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResult<N>> {
    const handler: RequestHandlers[N] = this.handlers[name];
    return handler(params);
  }

  snapshot(): AppSnapshot {
    return {
      host: this.o.host,
      screening: this.profile.screening,
      profile: this.profile.profile,
      adapter: this.sources.adapter(),
      devices: this.sources.devices(),
      connection: this.sources.connection(),
      source: this.sources.health(),
      engine: this.session.engineCounters(),
      session: this.session.status(),
      calibration: this.calibration.status(),
      notices: [...this.o.store.notices(), ...this.extraNotices],
      simulatedScenarios: this.sources.simulatedScenarios(),
      storage: { dataFolder: this.o.store.dataFolder, exportFolder: this.exportFolder, logFile: this.o.logFile ?? null },
    };
  }

  /** The active source as a session records it. */
  private liveSource() {
    const active = this.sources.active;
    if (!active) return null;
    const { source, kind } = active;
    return {
      kind,
      sensor: source.linkedSensor,
      sensorConfig: source.connection.name === 'streaming' ? source.linkConfig : null,
      resetStream: () => source.resetStream(),
    };
  }

  /**
   * Erases everything stored: sessions, profile, screening answers, the remembered sensor, the
   * support log (it names the sensor). The
   * app goes back to its first run (the screening questions). Refused while a session runs.
   */
  private async eraseAll(): Promise<{ ok: true }> {
    if (this.session.running) throw new Error('a session is running; stop it before erasing your data');
    this.calibration.cancel();
    await this.sources.forgetAll();
    this.o.store.eraseAll();
    this.profile.reset();
    // The rate choice went with the profile: back to the app's default.
    await this.sources.setSampleRate(this.o.sampleRateHz ?? DEFAULT_SAMPLE_RATE_HZ);
    this.session.forgetEnded();
    this.extraNotices.length = 0;
    this.loggedNotices.clear();
    await this.o.eraseLog?.();
    this.pushSnapshot();
    return { ok: true };
  }

  /** Each store notice once in the support log (a damaged database, a full disk, …). */
  private logNotices(notices: readonly string[]): void {
    for (const n of notices) {
      if (this.loggedNotices.has(n)) continue;
      this.loggedNotices.add(n);
      this.log.warn('store notice', { notice: n });
    }
  }

  /** A problem for the user, shown once among the snapshot's notices. */
  private notice(message: string): void {
    if (this.extraNotices.includes(message)) return;
    this.log.warn('notice', { notice: message });
    this.extraNotices.push(message);
    this.scheduleSnapshot();
  }

  private now(): Date {
    return this.o.now ? this.o.now() : new Date();
  }

  /** Coalesces bursts of changes into one snapshot push. */
  private scheduleSnapshot(): void {
    if (this.snapshotTimer !== null) return;
    this.snapshotTimer = this.o.scheduler.setTimeout(() => {
      this.snapshotTimer = null;
      this.pushSnapshot();
    }, SNAPSHOT_COALESCE_MS);
  }

  private pushSnapshot(): void {
    this.events.emit('snapshot', this.snapshot());
  }
}
