/**
 * One emulated Roller Companion sensor speaking our GATT profile (sensor-protocol/README.md),
 * streaming what the simulated roller (electron/sim) would measure.
 *
 * GATT: Generic Access / Attribute; the Roller service (IMU stream notify, configuration
 * read/write, control point write, status read/notify); Battery (0x180F / 0x2A19 read/notify,
 * draining with time); Device Information (0x180A).
 *
 * Streaming: "start streaming" on the control point starts the session on first use; the
 * scenario then plays on the world timeline (roller-run-planner.ts) with the configuration the
 * central wrote, and frames go out paced by `frameArrivalS` (roller-frame-stream.ts). The
 * sensor clock and sequence run on across stop/start, reconnections and scenario loops; only a
 * reboot (`restart()`) or a dead battery starts them from 0 again.
 *
 * Faults: `dropOut`, `malformed`, `setRssi` / `setDistanceM`, `setBattery`, `restart`, or a plan.
 */
import { z } from 'zod';
import { ROLLER_LOCAL_NAME } from '../../../sensor-protocol/gatt/gatt-profile';
import { DEFAULT_SENSOR_CONFIG, MAX_SAMPLE_RATE_HZ, MIN_SAMPLE_RATE_HZ, encodeSensorConfig, type SensorConfig } from '../../../sensor-protocol/gatt/sensor-config';
import { encodeSensorStatus, type SensorStatus } from '../../../sensor-protocol/gatt/sensor-status';
import { decodeControlCommand, type ControlCommand } from '../../../sensor-protocol/gatt/control-point';
import { samplesPerFrameFor } from '../../../sensor-protocol/frame/frame-layout';
import { calibrationScript } from '../../sim/calibration-script';
import type { Scenario } from '../../sim/scenario-schema';
import { randomStream, type RandomStream } from '../../sim/seeded-random';
import { ATT_ERROR, attError, attOk, type AttResult } from './att-error';
import { BatteryModel } from './battery-model';
import type { Fault } from './fault-plan';
import { GattServer, type ServiceSpec } from './gatt-server';
import { ROLLER_GATT_UUIDS, rollerGattServices } from './roller-gatt-services';
import { MALFORMATIONS, malformFrame } from './malformed-frame';
import type { DisconnectCause, PeripheralLink } from './peripheral-link';
import { RollerFrameStream } from './roller-frame-stream';
import { RollerRunPlanner } from './roller-run-planner';
import { resolveScenario, type ScenarioChoice } from './scenario-choice';
import type { Scheduler } from './scheduler';
import { DEFAULT_SUPPORTED_SAMPLE_RATES_HZ, applyConfigWrite } from './sensor-config-policy';
import { SimulatedPeripheralBase, basePeripheralFields, baseSettingsFrom } from './simulated-peripheral-base';

/** ATT MTU before the exchange (Core Vol 3 Part F §3.2.8). */
const DEFAULT_ATT_MTU = 23;
/** Status notifications while the dropped-sample counter grows: at most one per this. */
const STATUS_DROPPED_INTERVAL_MS = 1000;
/** GAP appearance "Generic Sensor". */

export const RollerPeripheralSettingsSchema = z.object({
  ...basePeripheralFields({ address: 'c4:52:43:00:00:01', addressType: 'random', localName: ROLLER_LOCAL_NAME, rssiAt1mDbm: -58, rssiJitterDb: 1.5, bootMs: 300 }),
  /** Battery charge at power-on, %. */
  batteryPercent: z.number().min(0).max(100).default(95),
  /** Battery drain, % per hour of sensor time. */
  batteryDrainPctPerHour: z.number().min(0).max(10_000).default(8),
  /** At or below this the status reports low-battery, %. */
  lowBatteryPercent: z.number().min(0).max(100).default(10),
  /** Output data rates the IMU offers; a written rate becomes the nearest, Hz. */
  supportedSampleRatesHz: z
    .array(z.number().int().min(MIN_SAMPLE_RATE_HZ).max(MAX_SAMPLE_RATE_HZ))
    .min(1)
    .default(() => [...DEFAULT_SUPPORTED_SAMPLE_RATES_HZ]),
  /** Frames the radio queue holds while the link is silent before new ones are dropped. */
  txQueueFrames: z.number().int().min(0).max(10_000).default(8),
  /** How long calibrate-at-rest averages, s. */
  calibrationS: z.number().positive().max(60).default(2),
  manufacturerName: z.string().default('Roller Companion'),
  modelNumber: z.string().default('RC-IMU-1'),
  /** Default: derived from the address. */
  serialNumber: z.string().optional(),
  firmwareRevision: z
    .string()
    .regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/)
    .default('1.0.0'),
  hardwareRevision: z.string().default('A'),
});
export type RollerPeripheralSettings = z.output<typeof RollerPeripheralSettingsSchema>;

export type RollerPeripheralOptions = z.input<typeof RollerPeripheralSettingsSchema> & {
  scheduler: Scheduler;
  /** A built-in scenario name or a scenario; default `good-slow-session`. */
  scenario?: ScenarioChoice;
};

export interface RollerPeripheralCounters {
  /** IMU notifications that went out (garbage included). */
  framesSent: number;
  /** Frames queued on a silent link and lost with it. */
  framesLostWithLink: number;
  malformedSent: number;
}

const U = ROLLER_GATT_UUIDS;

export class SimulatedRollerPeripheral extends SimulatedPeripheralBase {
  readonly gatt: GattServer;
  readonly settings: RollerPeripheralSettings;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly counters: RollerPeripheralCounters = { framesSent: 0, framesLostWithLink: 0, malformedSent: 0 };

  private config: SensorConfig = { ...DEFAULT_SENSOR_CONFIG };
  private streaming = false;
  private calibrating = false;
  private calibrationTimer: unknown = null;
  private identifyUntilMs = -Infinity;
  private nextSequence = 0;
  private dropped = 0;
  private powerOnAtMs: number;
  private queuedWhileSilent = 0;
  private malformedRemaining = 0;
  private malformedCount = 0;
  private readonly garbage: RandomStream;
  private readonly battery: BatteryModel;
  private batteryTimer: unknown = null;
  private lastBatteryPercent: number;
  private planner: RollerRunPlanner | null = null;
  private stream: RollerFrameStream | null = null;
  /** A script played once instead of the scenario (the calibration pass), then the scenario again. */
  private interlude: Scenario | null = null;
  private lastStatus: { key: string; dropped: number; atMs: number } | null = null;
  private statusTimer: unknown = null;

  constructor(options: RollerPeripheralOptions) {
    const { scheduler, scenario, ...rest } = options;
    const settings = RollerPeripheralSettingsSchema.parse(rest);
    const resolved = resolveScenario(scenario);
    const seed = settings.seed ?? resolved.seed;
    super(scheduler, baseSettingsFrom(settings, seed));
    this.settings = settings;
    this.scenario = resolved;
    this.seed = seed;
    this.garbage = randomStream(seed, 'malformed-frames');
    this.powerOnAtMs = scheduler.nowMs();
    this.battery = new BatteryModel(settings.batteryPercent, settings.batteryDrainPctPerHour, scheduler.nowMs());
    this.lastBatteryPercent = this.battery.percentAt(scheduler.nowMs());
    this.gatt = new GattServer(this.services());
    this.scheduleBatteryStep();
    if (this.lastBatteryPercent === 0) this.setPowered(false);
  }

  // ---- observable state ----

  /** The configuration the sensor holds (what a read returns). */
  get sensorConfig(): SensorConfig {
    return { ...this.config };
  }

  get isStreaming(): boolean {
    return this.streaming;
  }

  get isIdentifying(): boolean {
    return this.scheduler.nowMs() < this.identifyUntilMs;
  }

  /** Sequence number the next frame will carry. */
  get sequence(): number {
    return this.nextSequence;
  }

  get droppedSamples(): number {
    return this.dropped;
  }

  status(): SensorStatus {
    return {
      state: this.calibrating ? 'calibrating' : this.streaming ? 'streaming' : 'idle',
      error: this.batteryPercent() <= this.settings.lowBatteryPercent ? 'low-battery' : 'none',
      firmwareVersion: this.settings.firmwareRevision,
      droppedSamples: Math.min(this.dropped, 0xffff_ffff),
    };
  }

  /** The battery level rides along in the advertisement (Battery Service data), so a scan can show it. */
  protected override advertisedServiceData(): { uuid: string; data: Buffer }[] {
    return [{ uuid: '180f', data: Buffer.of(this.batteryPercent()) }];
  }

  batteryPercent(): number {
    return this.battery.percentAt(this.scheduler.nowMs());
  }

  /** Sensor clock now, µs since power-on (unwrapped). */
  sensorClockUs(): number {
    return (this.scheduler.nowMs() - this.powerOnAtMs) * 1000 * (1 + this.scenario.errors.sampleRateErrorFraction);
  }

  // ---- what the simulated person does ----

  /** The script being played instead of the scenario, if any. */
  get interludeName(): string | null {
    return this.interlude?.name ?? null;
  }

  /**
   * From now the person plays `script` once (e.g. the calibration pass), then the session
   * scenario again from its start. Clock and sequence run on.
   */
  playInterlude(script: Scenario): void {
    this.interlude = script;
    this.replan(new RollerRunPlanner(script, this.seed, 'stop', this.nextSampleMs()));
  }

  /** The person does the calibration pass now (electron/sim/calibration-script.ts), then the scenario again. */
  followCalibrationPass(): void {
    this.playInterlude(calibrationScript(this.scenario));
  }

  /** Back to the session scenario now, from its start (nothing to do without an interlude). */
  endInterlude(): void {
    if (!this.interlude) return;
    this.interlude = null;
    this.replan(new RollerRunPlanner(this.scenario, this.seed, this.settings.endOfScenario, this.nextSampleMs()));
  }

  // ---- faults ----

  /** The next `count` IMU notifications are garbage (cycling truncated, bad version, random bytes, bad count, extra byte). */
  malformed(count: number): void {
    this.malformedRemaining += Math.max(0, Math.floor(count));
  }

  /** Sets the battery charge, %; an empty battery turns the sensor off, a charged one back on (rebooted). */
  setBattery(percent: number): void {
    const now = this.scheduler.nowMs();
    const wasOff = !this.isPoweredOn;
    this.battery.set(percent, now);
    this.scheduleBatteryStep();
    if (wasOff && this.battery.percentAt(now) > 0) {
      this.handleReboot();
      this.setPowered(true);
    }
    this.batteryChanged();
  }

  override applyFault(fault: Fault): void {
    if (fault.kind === 'malformed') this.malformed(fault.count);
    else if (fault.kind === 'set-battery') this.setBattery(fault.percent);
    else super.applyFault(fault);
  }

  /** Stops every timer (tear-down). */
  dispose(): void {
    this.stream?.stop();
    this.cancelFaultPlan();
    for (const t of [this.batteryTimer, this.statusTimer, this.calibrationTimer]) this.scheduler.clearTimeout(t);
    this.batteryTimer = this.statusTimer = this.calibrationTimer = null;
  }

  // ---- SimulatedPeripheralBase hooks ----

  protected advertisedServiceUuids(): string[] {
    return [U.service];
  }

  protected handleConnected(_link: PeripheralLink): void {
    this.queuedWhileSilent = 0;
    this.lastStatus = null;
  }

  protected handleMtuChanged(_mtu: number): void {}

  protected handleDisconnected(_cause: DisconnectCause): void {
    // Firmware stops streaming when the central goes away; counters run on.
    this.stopStreaming(false);
  }

  protected handleLinkSilent(): void {
    this.queuedWhileSilent = 0;
  }

  protected handleReboot(): void {
    this.stopStreaming(false);
    this.config = { ...DEFAULT_SENSOR_CONFIG };
    this.nextSequence = 0;
    this.dropped = 0;
    this.powerOnAtMs = this.scheduler.nowMs();
    this.calibrating = false;
    this.scheduler.clearTimeout(this.calibrationTimer);
    this.calibrationTimer = null;
    this.identifyUntilMs = -Infinity;
    this.lastStatus = null;
  }

  // ---- GATT ----

  private services(): ServiceSpec[] {
    const s = this.settings;
    return rollerGattServices({
      localName: () => s.localName,
      readConfig: () => attOk(encodeSensorConfig(this.config)),
      writeConfig: (data) => this.writeConfig(data),
      writeControl: (data) => this.writeControl(data),
      readStatus: () => attOk(encodeSensorStatus(this.status())),
      readBattery: () => attOk(Uint8Array.of(this.batteryPercent())),
      deviceInfo: {
        manufacturerName: () => s.manufacturerName,
        modelNumber: () => s.modelNumber,
        serialNumber: () => s.serialNumber ?? `RC-${this.id.slice(-6).toUpperCase()}`,
        firmwareRevision: () => s.firmwareRevision,
        hardwareRevision: () => s.hardwareRevision,
      },
    });
  }

  private writeConfig(data: Uint8Array): AttResult {
    const result = applyConfigWrite(data, {
      supportedSampleRatesHz: this.settings.supportedSampleRatesHz,
      maxSamplesPerFrame: samplesPerFrameFor(this.attPayloadBytes()),
    });
    if (!result.ok) return result;
    this.config = result.config;
    if (this.streaming) this.stream?.start(this.effectiveConfig());
    return attOk();
  }

  private writeControl(data: Uint8Array): AttResult {
    const decoded = decodeControlCommand(data);
    if (!decoded.ok) {
      const code = decoded.reason === 'empty' || decoded.reason === 'bad-length' ? ATT_ERROR.invalidAttributeValueLength : ATT_ERROR.valueNotAllowed;
      return attError(code, decoded.message);
    }
    this.runCommand(decoded.command);
    return attOk();
  }

  private runCommand(cmd: ControlCommand): void {
    switch (cmd.command) {
      case 'start-streaming':
        return this.startStreaming();
      case 'stop-streaming':
        return this.stopStreaming(true);
      case 'identify':
        this.identifyUntilMs = this.scheduler.nowMs() + cmd.durationS * 1000;
        return;
      case 'calibrate-at-rest':
        // The simulated output keeps the scenario's bias: the stored bias is not applied.
        this.calibrating = true;
        this.scheduler.clearTimeout(this.calibrationTimer);
        this.calibrationTimer = this.scheduler.setTimeout(() => {
          this.calibrationTimer = null;
          this.calibrating = false;
          this.statusChanged();
        }, this.settings.calibrationS * 1000);
        this.statusChanged();
        return;
    }
  }

  // ---- streaming ----

  private startStreaming(): void {
    if (this.streaming) return;
    const origin = this.beginSession();
    this.planner ??= new RollerRunPlanner(this.scenario, this.seed, this.settings.endOfScenario, origin);
    this.stream ??= this.frameStream(this.planner);
    this.streaming = true;
    this.stream.start(this.effectiveConfig());
    this.statusChanged();
  }

  /** Plays `planner` instead of the current one (streaming on from now when streaming). */
  private replan(planner: RollerRunPlanner): void {
    this.stream?.stop();
    this.planner = planner;
    this.stream = this.frameStream(planner);
    if (this.streaming) this.stream.start(this.effectiveConfig());
  }

  /** One sample period from now: a new script's first sample comes after the last one sent. */
  private nextSampleMs(): number {
    return this.scheduler.nowMs() + 1000 / this.config.sampleRateHz;
  }

  private frameStream(planner: RollerRunPlanner): RollerFrameStream {
    return new RollerFrameStream(this.scheduler, planner, {
      powerOnMs: () => this.powerOnAtMs,
      canQueue: () => this.canQueueFrame(),
      takeSequence: () => {
        const s = this.nextSequence;
        this.nextSequence = (s + 1) & 0xffff;
        return s;
      },
      skipSequences: (n) => {
        this.nextSequence = (this.nextSequence + n) & 0xffff;
      },
      queue: (frame) => this.sendFrame(frame),
      drop: (samples) => {
        this.dropped += samples;
        this.statusChanged();
      },
      // An interlude's end brings the scenario back; the scenario's own end (`stop`) ends streaming.
      ended: () => (this.interlude ? this.endInterlude() : this.stopStreaming(true)),
    });
  }

  private stopStreaming(notify: boolean): void {
    this.stream?.stop();
    if (!this.streaming) return;
    this.streaming = false;
    if (notify) this.statusChanged();
  }

  /** The written configuration with samples per frame capped by this connection's ATT payload. */
  private effectiveConfig(): SensorConfig {
    return { ...this.config, samplesPerFrame: Math.max(1, Math.min(this.config.samplesPerFrame, samplesPerFrameFor(this.attPayloadBytes()))) };
  }

  private attPayloadBytes(): number {
    return (this.link?.mtu ?? DEFAULT_ATT_MTU) - 3;
  }

  private canQueueFrame(): boolean {
    if (!this.link || !this.gatt.isSubscribed(U.service, U.imu)) return false;
    return !this.linkSilent || this.queuedWhileSilent < this.settings.txQueueFrames;
  }

  private sendFrame(frame: Uint8Array): void {
    if (!this.link) return;
    if (this.linkSilent) {
      this.queuedWhileSilent++;
      this.counters.framesLostWithLink++;
      return;
    }
    let bytes = frame;
    if (this.malformedRemaining > 0) {
      this.malformedRemaining--;
      bytes = malformFrame(frame, MALFORMATIONS[this.malformedCount++ % MALFORMATIONS.length]!, this.garbage);
      this.counters.malformedSent++;
    }
    if (this.link.notify(U.service, U.imu, bytes)) this.counters.framesSent++;
  }

  // ---- status and battery notifications ----

  /** Notifies status when state or error changed, and at most once a second while drops grow. */
  private statusChanged(): void {
    const status = this.status();
    const key = `${status.state}/${status.error}`;
    const now = this.scheduler.nowMs();
    const last = this.lastStatus;
    if (last && last.key === key) {
      if (status.droppedSamples === last.dropped || this.statusTimer !== null) return;
      const waitMs = last.atMs + STATUS_DROPPED_INTERVAL_MS - now;
      if (waitMs > 0) {
        this.statusTimer = this.scheduler.setTimeout(() => {
          this.statusTimer = null;
          this.notifyStatus(this.status());
        }, waitMs);
        return;
      }
    }
    this.notifyStatus(status);
  }

  private notifyStatus(status: SensorStatus): void {
    this.lastStatus = { key: `${status.state}/${status.error}`, dropped: status.droppedSamples, atMs: this.scheduler.nowMs() };
    if (this.linkUsable) this.link!.notify(U.service, U.status, encodeSensorStatus(status));
  }

  private scheduleBatteryStep(): void {
    this.scheduler.clearTimeout(this.batteryTimer);
    this.batteryTimer = null;
    const waitMs = this.battery.msUntilNextStep(this.scheduler.nowMs());
    if (waitMs === null) return;
    this.batteryTimer = this.scheduler.setTimeout(() => {
      this.batteryTimer = null;
      this.batteryChanged();
      this.scheduleBatteryStep();
    }, waitMs);
  }

  private batteryChanged(): void {
    const percent = this.batteryPercent();
    if (percent === this.lastBatteryPercent) return;
    this.lastBatteryPercent = percent;
    if (this.linkUsable) this.link!.notify(U.battery, U.batteryLevel, Uint8Array.of(percent));
    this.statusChanged();
    if (percent === 0) this.setPowered(false);
  }
}
