/**
 * The Bluetooth sensor source: finds sensors, connects, streams decoded samples, and survives
 * drop-outs. Built on noble's object model, which it is given (the system noble, loaded lazily,
 * or one running on simulated bindings), so the same code runs with real hardware, in tests
 * and in the demo.
 *
 * - Adapter problems (no Bluetooth, off, not allowed) become an observable adapter state with a
 *   fix for the user's OS; nothing throws out of here.
 * - Scanning is filtered to our sensor's service and the supported vendor sensors; the device
 *   list updates live and scanning stops once connected.
 * - When the link drops mid-session the source reconnects by itself with backoff; the frame
 *   decoder keeps its place, so the session goes on with a marked gap and every sample
 *   received before and after is delivered.
 * - The last paired sensor is remembered and reconnected on the next start.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { FrameDecoder, type FrameGap } from '../../sensor-protocol/frame/frame-decoder';
import { DEFAULT_SENSOR_CONFIG, type SensorConfig } from '../../sensor-protocol/gatt/sensor-config';
import { BATTERY_SERVICE_UUID } from '../../sensor-protocol/gatt/gatt-profile';
import type { SensorStatus } from '../../sensor-protocol/gatt/sensor-status';
import { WitmotionStreamParser } from '../../sensor-protocol/witmotion/witmotion-stream';
import { adapterStateName, describeAdapterState, type AdapterState, type Platform } from './adapter-state';
import { ConnectionMachine, retryDelayMs, type ConnectionState, type ReconnectPolicy, DEFAULT_RECONNECT_POLICY } from './connection-machine';
import { DeviceList, type SeenDevice } from './device-list';
import { adapterFromLoadError, type NobleLoad } from './noble-loader';
import type { NobleLike, NoblePeripheral } from './noble-types';
import { memoryRememberedSensorStore, type RememberedSensorStore } from './remembered-sensor';
import { openRollerLink } from './roller-link';
import type { Scheduler } from './scheduler';
import { SCAN_SERVICE_UUIDS, sensorKindOf, type SensorKind } from './sensor-kinds';
import { withTimeout, type SensorLink, type SensorLinkHandlers, type SensorLinkInfo } from './sensor-link';
import { openWitmotionLink } from './witmotion-link';

export interface SourceGap extends FrameGap {
  /** Why the samples stopped: the link dropped, or frames were lost on a live link. */
  cause: 'link-lost' | 'frames-lost';
}

export interface BleSourceEvents {
  adapter: AdapterState;
  /** Raw notifications of the data characteristic, with host arrival time (ms on the scheduler clock). */
  raw: { bytes: Uint8Array; arrivalMs: number };
  devices: SeenDevice[];
  connection: ConnectionState;
  samples: ImuSample[];
  gap: SourceGap;
  rejected: { reason: string; message: string; total: number };
  battery: number;
  status: SensorStatus;
  note: string;
}

export interface BleSourceCounters {
  samples: number;
  rejected: number;
  gaps: number;
  reconnects: number;
}

export interface BleSensorSourceOptions {
  /** Loads noble (called once, on start). */
  loadNoble: () => NobleLoad;
  scheduler: Scheduler;
  platform?: Platform;
  sampleRateHz?: number;
  remembered?: RememberedSensorStore;
  reconnect?: ReconnectPolicy;
  connectTimeoutMs?: number;
  /** How long a reconnect attempt scans for the sensor before counting as failed. */
  rediscoverTimeoutMs?: number;
}

type Listener<K extends keyof BleSourceEvents> = (value: BleSourceEvents[K]) => void;

export class BleSensorSource {
  readonly counters: BleSourceCounters = { samples: 0, rejected: 0, gaps: 0, reconnects: 0 };
  private readonly o: Required<Omit<BleSensorSourceOptions, 'platform'>> & { platform: Platform };
  private readonly machine: ConnectionMachine;
  private readonly devices: DeviceList;
  private readonly listeners = new Map<keyof BleSourceEvents, Set<(v: never) => void>>();
  private noble: NobleLike | null = null;
  private adapterNow: AdapterState;
  private readonly peripherals = new Map<string, NoblePeripheral>();
  private link: SensorLink | null = null;
  private linkedPeripheral: NoblePeripheral | null = null;
  private decoder = new FrameDecoder(DEFAULT_SENSOR_CONFIG);
  private witmotion: WitmotionStreamParser | null = null;
  private scanning = false;
  private pruneTimer: unknown = null;
  private retryTimer: unknown = null;
  private waitingFor: { id: string; resolve: (p: NoblePeripheral) => void } | null = null;
  private lastSampleS: number | null = null;
  private linkLostSinceLastGap = false;
  /** Signal strength reads on this link: none under way, one under way, or the stack does not answer them. */
  private rssiRead: 'idle' | 'asking' | 'unanswered' = 'idle';
  /** The link is being set up again for a new rate: the pause that makes in the stream is not a gap. */
  private reconfiguring = false;
  /** Stops hearing the linked peripheral's disconnect (the link is set up again on purpose). */
  private stopHearingDrop: () => void = () => undefined;
  private disposed = false;

  constructor(options: BleSensorSourceOptions) {
    this.o = {
      platform: options.platform ?? process.platform,
      sampleRateHz: options.sampleRateHz ?? 100,
      remembered: options.remembered ?? memoryRememberedSensorStore(),
      reconnect: options.reconnect ?? DEFAULT_RECONNECT_POLICY,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      rediscoverTimeoutMs: options.rediscoverTimeoutMs ?? 5_000,
      loadNoble: options.loadNoble,
      scheduler: options.scheduler,
    };
    this.machine = new ConnectionMachine(this.o.reconnect);
    this.devices = new DeviceList(this.o.remembered.get()?.id ?? null);
    this.adapterNow = describeAdapterState('unknown', this.o.platform);
    this.machine.subscribe((s) => this.emit('connection', s));
  }

  get adapter(): AdapterState {
    return this.adapterNow;
  }

  get connection(): ConnectionState {
    return this.machine.state;
  }

  get deviceList(): SeenDevice[] {
    return this.devices.list();
  }

  get linkDescription(): string | null {
    return this.link?.description ?? null;
  }

  /** The rate the linked sensor runs at, Hz (null when not linked). */
  get linkSampleRateHz(): number | null {
    return this.link?.sampleRateHz ?? null;
  }

  /** The link's technical facts (null when not linked). */
  get linkInfo(): SensorLinkInfo | null {
    return this.link?.info ?? null;
  }

  /** The sample rate asked of sensors, Hz. */
  get sampleRateHz(): number {
    return this.o.sampleRateHz;
  }

  /**
   * Asks for another sample rate: kept for every later link, and a streaming sensor is set up
   * again at once on the same connection (its configuration written, streaming restarted).
   */
  async setSampleRate(hz: number): Promise<void> {
    this.o.sampleRateHz = hz;
    const p = this.linkedPeripheral;
    const old = this.link;
    if (!p || !old || this.machine.state.name !== 'streaming') return;
    this.link = null;
    this.linkedPeripheral = null;
    this.stopHearingDrop();
    this.reconfiguring = true;
    await old.close().catch(() => undefined);
    try {
      await this.attach(p);
    } catch (err) {
      // Set up again from the start, as after a drop-out.
      this.emit('note', `The sensor could not be set to ${hz} Hz: ${(err as Error).message}`);
      if (p.state === 'connected') await p.disconnectAsync().catch(() => undefined);
      this.machine.dispatch({ type: 'link-lost', reason: `the sensor could not be set to ${hz} Hz` });
      this.scheduleRetry();
    }
  }

  /**
   * Reads the linked sensor's signal strength, dBm (null: not linked, a read already under way,
   * or the stack did not say within a second — then this link is not asked again, as each
   * unanswered read leaves a listener waiting on the peripheral).
   */
  async readRssi(): Promise<number | null> {
    const p = this.linkedPeripheral;
    if (!p || typeof p.updateRssiAsync !== 'function' || this.rssiRead !== 'idle') return null;
    this.rssiRead = 'asking';
    try {
      const dbm = await withTimeout(p.updateRssiAsync(), 1000, 'reading the signal strength', this.o.scheduler.setTimeout, this.o.scheduler.clearTimeout);
      if (this.rssiRead === 'asking') this.rssiRead = 'idle';
      return typeof dbm === 'number' && Number.isFinite(dbm) ? dbm : null;
    } catch {
      if (this.rssiRead === 'asking') this.rssiRead = 'unanswered';
      return null;
    }
  }

  /** The protocol configuration of the linked sensor (null for vendor sensors or when not linked). */
  get linkConfig(): SensorConfig | null {
    return this.link?.config ?? null;
  }

  /** The linked (or last linked) sensor. */
  get linkedSensor(): { id: string; name: string; kind: SensorKind } | null {
    return this.o.remembered.get();
  }

  /** Subscribes to one kind of event; returns the unsubscribe function. */
  on<K extends keyof BleSourceEvents>(event: K, fn: Listener<K>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  /** Loads Bluetooth and, once the adapter is on, reconnects to the remembered sensor. */
  start(): void {
    let load: NobleLoad;
    try {
      load = this.o.loadNoble();
    } catch (err) {
      load = { ok: false, adapter: adapterFromLoadError(err, this.o.platform) };
    }
    if (!load.ok) {
      this.setAdapter(load.adapter);
      return;
    }
    const noble = load.noble;
    this.noble = noble;
    const describe = load.describe;
    noble.on('stateChange', (state: string) => {
      this.setAdapter(describe?.(state) ?? describeAdapterState(adapterStateName(state), this.o.platform));
      if (state === 'poweredOn') this.onPoweredOn();
    });
    noble.on('discover', (p: NoblePeripheral) => this.onDiscover(p));
    noble.on('warning', (message: string) => this.emit('note', `Bluetooth: ${message}`));
    // A noble that is already powered on (used before) does not say so again.
    const state = (noble as unknown as { state?: string }).state;
    if (state === 'poweredOn') {
      this.o.scheduler.setTimeout(() => {
        this.setAdapter(describeAdapterState('poweredOn', this.o.platform));
        this.onPoweredOn();
      }, 0);
    }
  }

  /** Starts a scan for sensors (the device list fills in live). */
  async startScan(): Promise<void> {
    if (!this.noble || this.adapterNow.state !== 'poweredOn') return;
    if (this.machine.state.name === 'idle' || this.machine.state.name === 'lost') this.machine.dispatch({ type: 'scan' });
    await this.scan(true);
  }

  async stopScan(): Promise<void> {
    await this.scan(false);
    if (this.machine.state.name === 'scanning') this.machine.dispatch({ type: 'stop' });
  }

  /** Connects to a sensor from the list (or the remembered one, scanning for it first). */
  async connect(id: string): Promise<void> {
    if (!this.noble || this.adapterNow.state !== 'poweredOn') return;
    this.clearRetry();
    this.machine.dispatch({ type: 'connect', deviceId: id });
    try {
      const p = this.peripherals.get(id) ?? (await this.rediscover(id));
      await this.attach(p);
    } catch (err) {
      await this.scan(false);
      this.machine.dispatch({ type: 'give-up', reason: (err as Error).message });
    }
  }

  /** Stops streaming and disconnects on purpose (no reconnect). */
  async disconnect(): Promise<void> {
    this.clearRetry();
    const p = this.linkedPeripheral;
    this.linkedPeripheral = null;
    const link = this.link;
    this.link = null;
    // Bounded: a stack that stopped answering (its bus gone) must not hold up the app's exit.
    const bounded = (work: Promise<unknown>, what: string) => withTimeout(work, this.o.connectTimeoutMs, what, this.o.scheduler.setTimeout, this.o.scheduler.clearTimeout).catch(() => undefined);
    if (link) await bounded(link.close(), 'stopping the stream');
    if (p && p.state === 'connected') await bounded(p.disconnectAsync(), 'disconnecting');
    this.machine.dispatch({ type: 'stop' });
  }

  /** Forgets the remembered sensor. */
  forget(): void {
    this.o.remembered.set(null);
    this.devices.setRemembered(null);
  }

  async identify(seconds = 5): Promise<void> {
    await this.link?.identify(seconds);
  }

  /** Starts a new session's stream: the next samples begin a new timeline. */
  resetStream(): void {
    this.decoder.reset();
    this.witmotion = null;
    this.lastSampleS = null;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.disconnect();
    await this.scan(false);
    this.noble?.removeAllListeners();
  }

  private onPoweredOn(): void {
    const remembered = this.o.remembered.get();
    if (remembered && this.machine.state.name === 'idle') void this.connect(remembered.id);
  }

  private onDiscover(p: NoblePeripheral): void {
    const kind = sensorKindOf(p.advertisement ?? {});
    if (!kind) return;
    this.peripherals.set(p.id, p);
    let changed = this.devices.seen(p.id, p.advertisement?.localName ?? '', kind, p.rssi, this.o.scheduler.nowMs() / 1000);
    const battery = (p.advertisement?.serviceData ?? []).find((d) => d.uuid === BATTERY_SERVICE_UUID);
    if (battery && battery.data.length >= 1 && battery.data[0]! <= 100 && this.devices.get(p.id)?.batteryPercent !== battery.data[0]) {
      this.devices.setBattery(p.id, battery.data[0]!);
      changed = true;
    }
    if (changed) this.emit('devices', this.devices.list());
    if (this.waitingFor && this.waitingFor.id === p.id) {
      const w = this.waitingFor;
      this.waitingFor = null;
      w.resolve(p);
    }
  }

  private async scan(on: boolean): Promise<void> {
    const noble = this.noble;
    if (!noble || on === this.scanning) return;
    this.scanning = on;
    if (on) {
      await noble.startScanningAsync([...SCAN_SERVICE_UUIDS], true).catch((err: Error) => {
        this.scanning = false;
        this.emit('note', `Scanning failed: ${err.message}`);
      });
      this.schedulePrune();
    } else {
      if (this.pruneTimer !== null) this.o.scheduler.clearTimeout(this.pruneTimer);
      this.pruneTimer = null;
      await noble.stopScanningAsync().catch(() => undefined);
    }
  }

  private schedulePrune(): void {
    this.pruneTimer = this.o.scheduler.setTimeout(() => {
      if (!this.scanning) return;
      if (this.devices.prune(this.o.scheduler.nowMs() / 1000)) this.emit('devices', this.devices.list());
      this.schedulePrune();
    }, 1000);
  }

  /** Scans until the sensor with this id is seen again. */
  private async rediscover(id: string): Promise<NoblePeripheral> {
    await this.scan(true);
    const found = new Promise<NoblePeripheral>((resolve) => (this.waitingFor = { id, resolve }));
    try {
      return await withTimeout(found, this.o.rediscoverTimeoutMs, 'looking for the sensor', this.o.scheduler.setTimeout, this.o.scheduler.clearTimeout);
    } finally {
      this.waitingFor = null;
    }
  }

  private async attach(p: NoblePeripheral): Promise<void> {
    await this.scan(false);
    if (p.state !== 'connected') {
      await this.bounded(p.connectAsync(), 'connecting');
    }
    const kind: SensorKind = sensorKindOf(p.advertisement ?? {}) ?? 'roller';
    const handlers = this.linkHandlers(p.id);
    // A discovery left unanswered by an earlier, abandoned setup on this peripheral would be handed
    // this connection's answer by noble (its callbacks wait on the peripheral object, not on a
    // connection), and the two setups would then trip over each other: forget it.
    p.removeAllListeners('servicesDiscover');
    // A sensor that drops out during setup never answers the pending request: fail the attempt
    // when the link is reported lost instead of waiting for the bound.
    let onDrop: (reason: unknown) => void = () => undefined;
    const dropped = new Promise<never>((_, reject) => {
      onDrop = (reason) => reject(new Error(`the sensor dropped out while being set up (${disconnectReason(reason)})`));
    });
    p.once('disconnect', onDrop);
    let link: SensorLink;
    try {
      // A BLE stack may never answer a GATT request (a write to a sensor that went away): bound it.
      if (kind === 'witmotion') {
        this.witmotion ??= new WitmotionStreamParser({ nominalRateHz: Math.min(200, this.o.sampleRateHz) });
        link = await Promise.race([this.bounded(openWitmotionLink(p, this.witmotion, this.o.sampleRateHz, this.o.scheduler, handlers), 'setting up the WitMotion sensor'), dropped]);
      } else {
        link = await Promise.race([this.bounded(openRollerLink(p, this.decoder, { sampleRateHz: this.o.sampleRateHz }, handlers), 'setting up the sensor'), dropped]);
      }
    } catch (err) {
      if (p.state !== 'disconnected') await p.disconnectAsync().catch(() => undefined);
      throw err;
    } finally {
      p.removeListener('disconnect', onDrop);
    }
    this.link = link;
    this.linkedPeripheral = p;
    this.rssiRead = 'idle';
    const onLost = (reason: unknown) => this.onLinkLost(p, disconnectReason(reason));
    this.stopHearingDrop = () => p.removeListener('disconnect', onLost);
    p.once('disconnect', onLost);
    this.o.remembered.set({ id: p.id, name: p.advertisement?.localName ?? '', kind });
    this.devices.setRemembered(p.id);
    this.machine.dispatch({ type: 'streaming' });
    this.emit('note', link.description);
  }

  private bounded<T>(p: Promise<T>, what: string): Promise<T> {
    return withTimeout(p, this.o.connectTimeoutMs, what, this.o.scheduler.setTimeout, this.o.scheduler.clearTimeout);
  }

  private linkHandlers(id: string): SensorLinkHandlers {
    return {
      raw: (bytes) => this.emit('raw', { bytes, arrivalMs: this.o.scheduler.nowMs() }),
      samples: (samples) => {
        // A gap comes with the samples after it: none came, so the restarted stream had none.
        this.reconfiguring = false;
        this.counters.samples += samples.length;
        this.lastSampleS = samples[samples.length - 1]!.tS;
        this.emit('samples', samples);
      },
      gap: (gap) => {
        if (this.reconfiguring) {
          // The pause while the sensor was set to a new rate (and frames sent meanwhile) was asked for.
          this.reconfiguring = false;
          return;
        }
        this.counters.gaps++;
        // The first gap after a lost link is the outage (its notifications may arrive before the reconnect is counted).
        const cause = this.linkLostSinceLastGap && gap.fromS === this.lastSampleS ? 'link-lost' : 'frames-lost';
        this.linkLostSinceLastGap = false;
        this.emit('gap', { ...gap, cause });
      },
      rejected: (reason, message) => {
        this.counters.rejected++;
        this.emit('rejected', { reason, message, total: this.counters.rejected });
      },
      battery: (percent) => {
        this.devices.setBattery(id, percent);
        this.emit('battery', percent);
      },
      status: (status) => this.emit('status', status),
      note: (message) => this.emit('note', message),
    };
  }

  private onLinkLost(p: NoblePeripheral, reason: string): void {
    if (this.linkedPeripheral !== p || this.disposed) return; // a disconnect we asked for
    this.linkedPeripheral = null;
    const link = this.link;
    this.link = null;
    void link?.close().catch(() => undefined);
    this.decoder.noteReconnect();
    this.linkLostSinceLastGap = true;
    this.machine.dispatch({ type: 'link-lost', reason: `the sensor dropped out (${reason})` });
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const s = this.machine.state;
    if (s.name !== 'reconnecting') return;
    this.clearRetry();
    this.retryTimer = this.o.scheduler.setTimeout(
      () => {
        this.retryTimer = null;
        void this.retry(s.deviceId);
      },
      retryDelayMs(s.attempt, this.o.reconnect),
    );
  }

  private async retry(id: string): Promise<void> {
    if (this.machine.state.name !== 'reconnecting' || this.adapterNow.state !== 'poweredOn') {
      if (this.machine.state.name === 'reconnecting') {
        this.machine.dispatch({ type: 'attempt-failed', reason: this.adapterNow.message });
        this.scheduleRetry();
      }
      return;
    }
    try {
      const p = await this.rediscover(id);
      await this.attach(p);
      this.counters.reconnects++;
    } catch (err) {
      await this.scan(false);
      this.machine.dispatch({ type: 'attempt-failed', reason: (err as Error).message });
      this.scheduleRetry();
    }
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.o.scheduler.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setAdapter(a: AdapterState): void {
    this.adapterNow = a;
    this.emit('adapter', a);
  }

  private emit<K extends keyof BleSourceEvents>(event: K, value: BleSourceEvents[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const fn of set) (fn as Listener<K>)(value);
  }
}

/** noble's reason for a disconnect (an HCI code or a text, by platform), for a message. */
function disconnectReason(reason: unknown): string {
  return typeof reason === 'number' || typeof reason === 'string' ? String(reason) : 'link lost';
}
