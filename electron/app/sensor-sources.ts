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
import { DEFAULT_SIMULATED_SCENARIO } from '../sim/default-scenario';
import { BUILT_IN_SCENARIO_NAMES } from '../sim/scenario-catalog';
import { ReplaySource } from '../sources/replay-source';
import type { SensorSource, SensorSourceEvents } from '../sources/sensor-source';
import { IMPORT_TIME_LIMITS } from '../session/import-limits';
import type { RequestHandlers } from './request-handlers';
import { logSourceEvents, type BluetoothEvents } from './source-log';
import { silentLog, type SupportLog } from './support-log';

/** The sources' notes kept for the snapshot, the newest. */
const KEPT_NOTES = 5;

export type SourceKind = 'ble' | 'simulated' | 'replay';

export interface SensorSourcesOptions {
  scheduler: Scheduler;
  loadSystemNoble: () => NobleLoad;
  /** A noble on simulated bindings with the simulated roller (scenario name), and how to stop its timers. */
  makeSimulatedNoble: (scenario: string) => { noble: NobleLike; dispose(): void };
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
  private simulated: { source: BleSensorSource; scenario: string; dispose(): void } | null = null;
  private replay: { source: ReplaySource; off(): void } | null = null;
  private current: { source: SensorSource; kind: SourceKind } | null = null;
  private batteryPercent: number | null = null;
  private sensorStatus: SensorStatus | null = null;
  private lastRejected: string | null = null;
  private readonly notes: string[] = [];
  private feed: LiveFeed | null = null;
  private readonly unsubs: (() => void)[] = [];

  constructor(private readonly o: SensorSourcesOptions) {
    this.system = new BleSensorSource({
      loadNoble: o.loadSystemNoble,
      scheduler: o.scheduler,
      ...(o.sampleRateHz !== undefined ? { sampleRateHz: o.sampleRateHz } : {}),
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
      source.on('samples', (samples) => isActive() && this.feed?.samples(samples)),
      source.on('raw', (raw) => isActive() && this.feed?.raw(raw)),
      source.on('battery', (b) => {
        if (isActive()) this.batteryPercent = b;
        this.o.changed();
      }),
      source.on('connection', (c) => {
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
      source.on('gap', () => isActive() && this.o.changed()),
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
        ...(this.o.sampleRateHz !== undefined ? { sampleRateHz: this.o.sampleRateHz } : {}),
      });
      this.simulated = { source: fresh, scenario, dispose: () => made.dispose() };
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
