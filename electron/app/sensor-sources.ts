/**
 * The app's sensor sources and which one feeds the live path: the system's Bluetooth (always
 * there, loaded lazily), the simulated roller (simulated noble bindings, made on request) and
 * a recording played back. Answers the `sensors.*` requests, tells the app about the active
 * source's samples, frames and reconnects, and describes the sources for the snapshot.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { BleSensorSource } from '../ble/ble-sensor-source';
import type { NobleLoad } from '../ble/noble-loader';
import type { NobleLike } from '../ble/noble-types';
import { memoryRememberedSensorStore, type RememberedSensorStore } from '../ble/remembered-sensor';
import type { Scheduler } from '../ble/scheduler';
import type { SensorStatus } from '../../sensor-protocol/gatt/sensor-status';
import type { AdapterInfo, Connection, Device, SourceHealth } from '../ipc/ipc-contract';
import type { SensorLinkInfo } from '../ble/sensor-link';
import { WITMOTION_SUPPORTED_RATES_HZ } from '../../sensor-protocol/witmotion/witmotion-commands';
import { SAMPLE_RATE_CHOICES_HZ, type SampleRateChoiceHz } from '../session/profile';
import { DEFAULT_SIMULATED_SCENARIO } from '../sim/default-scenario';
import { BUILT_IN_SCENARIO_NAMES } from '../sim/scenario-catalog';
import { LinkMeter, type LinkFigures } from '../sources/link-meter';
import { ReplaySource } from '../sources/replay-source';
import type { SensorSource, SensorSourceEvents } from '../sources/sensor-source';
import { IMPORT_TIME_LIMITS } from '../session/import-limits';
import type { RequestHandlers } from './request-handlers';
import { logSourceEvents, type BluetoothEvents } from './source-log';
import { silentLog, type SupportLog } from './support-log';

/** The sample rate asked of sensors unless the app or the user chose one, Hz. */
export const DEFAULT_SAMPLE_RATE_HZ = 100;

/** The sources' notes kept for the snapshot, the newest. */
const KEPT_NOTES = 5;

export type SourceKind = 'ble' | 'simulated' | 'replay';

/** What the app may ask of the person on the simulated roller. */
export interface SimulatedPerson {
  /** Do the calibration pass's steps from now, then the scenario again. */
  followCalibrationPass(): void;
  /** Back to the scenario now. */
  endInterlude(): void;
}

/** The simulated roller as the app makes it: a noble on simulated bindings, the person on it, how to stop its timers. */
export interface SimulatedNobleParts {
  noble: NobleLike;
  dispose(): void;
  person?: SimulatedPerson;
}

export interface SensorSourcesOptions {
  scheduler: Scheduler;
  loadSystemNoble: () => NobleLoad;
  /** A noble on simulated bindings with the simulated roller (scenario name), and how to stop its timers. */
  makeSimulatedNoble: (scenario: string) => SimulatedNobleParts;
  remembered?: RememberedSensorStore;
  platform?: string;
  /** The sample rate to ask sensors for, Hz (default: the Bluetooth source's). */
  sampleRateHz?: number;
  /** Something the snapshot shows changed (coalesced by the app). */
  changed: () => void;
  /** The user changed something the snapshot shows: push it now. */
  changedNow: () => void;
  /** The support log (adapter, scans, connections, gaps, rejected frames). */
  log?: SupportLog;
}

/** What the live path hears from the active source. */
export interface LiveFeed {
  samples(samples: ImuSample[]): void;
  raw(frame: SensorSourceEvents['raw']): void;
  /** The link is back after a drop-out. */
  reconnected(): void;
}

export class SensorSources {
  private readonly system: BleSensorSource;
  private simulated: { source: BleSensorSource; scenario: string; person: SimulatedPerson | null; dispose(): void } | null = null;
  private replay: { source: ReplaySource; off(): void } | null = null;
  private current: { source: SensorSource; kind: SourceKind } | null = null;
  private batteryPercent: number | null = null;
  private sensorStatus: SensorStatus | null = null;
  private lastRejected: string | null = null;
  private readonly notes: string[] = [];
  private feed: LiveFeed | null = null;
  private readonly unsubs: (() => void)[] = [];
  /** The active source's link, measured (a new meter for each source chosen). */
  private meter = new LinkMeter();
  /** Arrival of the notification whose samples are being processed (null: none pending). */
  private frameArrivalMs: number | null = null;
  private rateHz: number;

  constructor(private readonly o: SensorSourcesOptions) {
    this.rateHz = o.sampleRateHz ?? DEFAULT_SAMPLE_RATE_HZ;
    this.system = new BleSensorSource({
      loadNoble: o.loadSystemNoble,
      scheduler: o.scheduler,
      sampleRateHz: this.rateHz,
      remembered: o.remembered ?? memoryRememberedSensorStore(),
      ...(o.platform ? { platform: o.platform } : {}),
    });
    this.wire(this.system, 'bluetooth', { onAdapter: (fn) => this.system.on('adapter', fn), devicesFound: () => this.system.deviceList.length });
    this.unsubs.push(
      // Bluetooth's own notes (a failed scan) matter before any sensor is chosen.
      this.system.on('note', (m) => this.current?.source !== this.system && this.note(m)),
      this.system.on('devices', () => o.changed()),
      this.system.on('adapter', () => o.changed()),
    );
  }

  readonly handlers: Pick<RequestHandlers, 'sensors.scan' | 'sensors.connect' | 'sensors.useSimulated' | 'sensors.useReplay' | 'sensors.disconnect' | 'sensors.forget' | 'sensors.identify'> = {
    'sensors.scan': async ({ on }) => {
      if (on) await this.system.startScan();
      else await this.system.stopScan();
      return { ok: true };
    },
    'sensors.connect': async ({ id }) => {
      await this.use(this.system, 'ble');
      void this.system.connect(id);
      return { ok: true };
    },
    'sensors.useSimulated': async ({ scenario }) => {
      await this.useSimulated(scenario ?? DEFAULT_SIMULATED_SCENARIO);
      return { ok: true };
    },
    'sensors.useReplay': async ({ fileName, text, speed }) => {
      await this.useReplay(fileName, text, speed);
      return { ok: true };
    },
    'sensors.disconnect': async () => {
      await this.disconnect();
      return { ok: true };
    },
    'sensors.forget': () => {
      this.system.forget();
      this.o.changedNow();
      return { ok: true };
    },
    'sensors.identify': async () => {
      await this.current?.source.identify(5);
      return { ok: true };
    },
  };

  /** Where the active source's samples, frames and reconnects go. */
  setFeed(feed: LiveFeed): void {
    this.feed = feed;
  }

  /** The active source, and what kind it is (null: none chosen). */
  get active(): { source: SensorSource; kind: SourceKind } | null {
    return this.current;
  }

  /**
   * A calibration pass starts (true) or ends (false): when the simulated roller is the active
   * source, its person follows the pass's steps, and afterwards goes back to the scenario.
   */
  calibrationPass(running: boolean): void {
    const sim = this.simulated;
    if (!sim?.person || this.current?.source !== sim.source) return;
    if (running) sim.person.followCalibrationPass();
    else sim.person.endInterlude();
  }

  /** Loads Bluetooth (lazily) and reconnects to the remembered sensor when there is one. */
  start(): void {
    this.system.start();
  }

  async disconnect(): Promise<void> {
    await this.current?.source.disconnect();
    this.current = null;
    this.o.changedNow();
  }

  /** Forgets the remembered sensor and lets go of the active one (the user's data is erased). */
  async forgetAll(): Promise<void> {
    await this.current?.source.disconnect();
    this.current = null;
    this.system.forget();
  }

  async dispose(): Promise<void> {
    for (const u of this.unsubs.splice(0)) u();
    await this.system.dispose();
    await this.dropSimulated();
    await this.dropReplay();
  }

  adapter(): AdapterInfo {
    const { state, message, fix } = this.system.adapter;
    return { state, message, fix };
  }

  devices(): Device[] {
    return this.system.deviceList.map(({ id, name, kind, rssiDbm, batteryPercent, remembered }) => ({ id, name, kind, rssiDbm, batteryPercent, remembered }));
  }

  simulatedScenarios(): string[] {
    return [...BUILT_IN_SCENARIO_NAMES];
  }

  /** The sample rate asked of sensors, Hz. */
  get sampleRateHz(): number {
    return this.rateHz;
  }

  /** Asks every Bluetooth source for this rate from now on; a streaming sensor is set up again at once. */
  async setSampleRate(hz: number): Promise<void> {
    this.rateHz = hz;
    this.meter.restartRate();
    await this.system.setSampleRate(hz);
    await this.simulated?.source.setSampleRate(hz);
    this.meter.restartRate();
    this.o.changedNow();
  }

  /** The rates the active source offers to choose from (none: a recording, or nothing chosen). */
  rateChoices(): SampleRateChoiceHz[] {
    const a = this.current;
    if (!a || a.kind === 'replay') return [];
    if (a.source.linkedSensor?.kind === 'witmotion') return SAMPLE_RATE_CHOICES_HZ.filter((hz) => (WITMOTION_SUPPORTED_RATES_HZ as readonly number[]).includes(hz));
    return [...SAMPLE_RATE_CHOICES_HZ];
  }

  /** The active link's technical facts (null: none, or a recording). */
  linkInfo(): SensorLinkInfo | null {
    return this.current?.source.linkInfo ?? null;
  }

  /** What the active source runs at: a sensor's own rate, a recording's rate × its speed, Hz. */
  sourceRateHz(): number | null {
    const source = this.current?.source;
    if (!source) return null;
    if (source instanceof ReplaySource) {
      const r = source.recordedRateHz;
      return r === null ? null : r * source.settings.speed;
    }
    return source instanceof BleSensorSource && source.connection.name === 'streaming' ? (source.linkSampleRateHz ?? null) : null;
  }

  /** The active link's figures as measured now (see electron/sources/link-meter.ts). */
  linkFigures(): LinkFigures {
    const a = this.current;
    if (!a || a.kind === 'replay' || a.source.linkInfo?.clock === 'host') this.meter.unsequenced();
    return this.meter.figures(this.o.scheduler.nowMs());
  }

  /** Reads the signal strength once (in the background; the next figures carry it). */
  sampleSignal(): void {
    const source = this.current?.source;
    const meter = this.meter;
    if (!source?.readRssi || source.connection.name !== 'streaming') return;
    void source.readRssi().then((dbm) => {
      if (dbm !== null && meter === this.meter) meter.rssi(dbm, this.o.scheduler.nowMs());
    });
  }

  /** The sources' notes, and the active source's counters, refused frames and status. */
  health(): SourceHealth {
    const c = this.current?.source.counters;
    return {
      notes: [...this.notes],
      samples: c?.samples ?? 0,
      rejectedFrames: c?.rejected ?? 0,
      lastRejected: this.lastRejected,
      gaps: c?.gaps ?? 0,
      reconnects: c?.reconnects ?? 0,
      status: this.sensorStatus,
    };
  }

  connection(): Connection {
    const a = this.current;
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

  /** Hears the source; returns how to stop hearing it. */
  private wire(source: SensorSource, label: string, bluetooth?: BluetoothEvents): () => void {
    const isActive = () => this.current?.source === source;
    const offLog = logSourceEvents(source, { log: this.o.log ?? silentLog, scheduler: this.o.scheduler, label, ...(bluetooth ? { bluetooth } : {}) });
    let linkWas: string = source.connection.name;
    const offs = [
      source.on('samples', (samples) => {
        if (!isActive()) return;
        this.meter.samples(samples, this.o.scheduler.nowMs());
        this.feed?.samples(samples);
        if (this.frameArrivalMs !== null) this.meter.processed(this.o.scheduler.nowMs() - this.frameArrivalMs);
        this.frameArrivalMs = null;
      }),
      source.on('raw', (raw) => {
        if (!isActive()) return;
        this.meter.frame();
        this.frameArrivalMs = raw.arrivalMs;
        this.feed?.raw(raw);
      }),
      source.on('battery', (b) => {
        if (isActive()) this.batteryPercent = b;
        this.o.changed();
      }),
      source.on('connection', (c) => {
        if (c.name === 'streaming' && isActive()) this.meter.restartRate();
        if (c.name === 'streaming' && linkWas === 'reconnecting' && isActive()) this.feed?.reconnected();
        linkWas = c.name;
        this.o.changed();
      }),
      source.on('note', (m) => isActive() && this.note(m)),
      source.on('status', (status) => {
        if (!isActive()) return;
        this.sensorStatus = status;
        this.o.changed();
      }),
      source.on('rejected', (r) => {
        if (!isActive()) return;
        this.lastRejected = r.message;
        this.o.changed();
      }),
      source.on('gap', (gap) => {
        if (!isActive()) return;
        if (gap.cause === 'frames-lost') this.meter.framesLost(gap.lostFrames);
        this.o.changed();
      }),
    ];
    const off = () => {
      offs.forEach((o) => o());
      offLog();
    };
    this.unsubs.push(off);
    return off;
  }

  private async use(source: SensorSource, kind: SourceKind): Promise<void> {
    if (this.current && this.current.source !== source) await this.current.source.disconnect();
    if (this.current?.source !== source) this.meter = new LinkMeter();
    this.current = { source, kind };
    this.batteryPercent = null;
    this.sensorStatus = null;
    this.lastRejected = null;
  }

  /** Keeps the latest notes (a repeat of the last one is not added again). */
  private note(message: string): void {
    if (this.notes[this.notes.length - 1] === message) return;
    this.notes.push(message);
    if (this.notes.length > KEPT_NOTES) this.notes.splice(0, this.notes.length - KEPT_NOTES);
    this.o.changed();
  }

  private async dropSimulated(): Promise<void> {
    const old = this.simulated;
    if (!old) return;
    this.simulated = null;
    if (this.current?.source === old.source) this.current = null;
    await old.source.dispose();
    old.dispose();
  }

  private async dropReplay(): Promise<void> {
    const old = this.replay;
    if (!old) return;
    this.replay = null;
    old.off();
    if (this.current?.source === old.source) this.current = null;
    await old.source.dispose();
  }

  /** Plays a recording through the live path (a replay before it is let go). */
  private async useReplay(fileName: string, text: string, speed: number | undefined): Promise<void> {
    const load = ReplaySource.fromText(fileName, text, this.o.scheduler, speed !== undefined ? { speed } : {}, IMPORT_TIME_LIMITS);
    if (!load.ok) throw new Error(load.error);
    await this.dropReplay();
    this.replay = { source: load.source, off: this.wire(load.source, 'replay') };
    await this.use(load.source, 'replay');
    load.source.start();
    this.o.changedNow();
  }

  private async useSimulated(scenario: string): Promise<void> {
    if (!BUILT_IN_SCENARIO_NAMES.includes(scenario)) throw new Error(`no simulated scenario "${scenario}" (known: ${BUILT_IN_SCENARIO_NAMES.join(', ')})`);
    // Another scenario: a fresh simulated sensor plays it from its start.
    if (this.simulated && this.simulated.scenario !== scenario) await this.dropSimulated();
    const sim = this.simulated?.source;
    if (sim) {
      await this.use(sim, 'simulated');
      await sim.startScan();
    } else {
      const made = this.o.makeSimulatedNoble(scenario);
      const noble = made.noble;
      const fresh = new BleSensorSource({
        loadNoble: () => ({ ok: true, noble }),
        scheduler: this.o.scheduler,
        remembered: memoryRememberedSensorStore(),
        sampleRateHz: this.rateHz,
      });
      this.simulated = { source: fresh, scenario, person: made.person ?? null, dispose: () => made.dispose() };
      this.wire(fresh, 'simulated');
      connectFirstRoller(fresh);
      await this.use(fresh, 'simulated');
      fresh.start();
    }
    this.o.changedNow();
    await this.streaming(this.simulated!.source, 15_000);
  }

  /** Resolves once the source streams; a clear error if it does not within `ms`. */
  private streaming(source: SensorSource, ms: number): Promise<void> {
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
}

/** The simulated roller: scan once the adapter is on, connect to the roller as soon as it shows up. */
function connectFirstRoller(sim: BleSensorSource): void {
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
}
