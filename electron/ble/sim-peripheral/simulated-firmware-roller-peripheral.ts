/**
 * Our sensor running the real firmware core: the simulated roller's motion → the LSM6DS3TR-C chip
 * model → the firmware core (firmware-notes/core) → the link model → notifications, all in the C
 * host loop (firmware-notes/host-loop/host_loop.c, a child process driven lock-step), served
 * through the same GATT profile as {@link SimulatedRollerPeripheral} under the real noble.
 *
 * ```
 * scheduler tick (every step)       host_loop (loop clock = scheduler time since power-on)
 *   imu lines up to now + step  ──▶  chip samples at its ODR ─▶ core polls every 20 ms ─▶ frames
 *   sync                        ◀──  stream lines at their connection events, status, config, battery
 *   each payload notified at its own time on the scheduler
 * GATT write (config, control)  ──▶  write <t> config|control <hex>  ◀── write-ok / write-error (the ATT answer)
 * connect / MTU / disconnect    ──▶  link <t> up <interval> <mtu> | down
 * stall(s)                      ──▶  stall <t> <s>  (the loop does not drain the FIFO: overrun)
 * ```
 * The loop runs one step ahead of the scheduler, so a write lands at the loop's horizon (at most
 * one step plus one motion sample late, like a board loop picking a posted write up). The
 * scenario's session starts at the first start-streaming; before it the roller lies still.
 */
import { z } from 'zod';
import { ROLLER_LOCAL_NAME } from '../../../sensor-protocol/gatt/gatt-profile';
import type { Scenario } from '../../sim/scenario-schema';
import { ATT_ERROR, attError, attOk, type AttResult } from './att-error';
import type { Fault } from './fault-plan';
import { FirmwareMotionFeed } from './firmware-motion-feed';
import { hexOf, parseFirmwareLine, type FirmwareCounters } from './firmware-output';
import { FirmwareProcess } from './firmware-process';
import { GattServer, type ServiceSpec } from './gatt-server';
import { ROLLER_GATT_UUIDS, rollerGattServices } from './roller-gatt-services';
import type { DisconnectCause, PeripheralLink } from './peripheral-link';
import { resolveScenario, type ScenarioChoice } from './scenario-choice';
import type { Scheduler } from './scheduler';
import { SimulatedPeripheralBase, basePeripheralFields, baseSettingsFrom } from './simulated-peripheral-base';

/** Codec reasons that are a wrong length (ATT 0x0D); every other refusal is a value not allowed (0x13). */
const LENGTH_REASONS = new Set(['truncated', 'empty', 'bad-length']);

export const FirmwareRollerSettingsSchema = z.object({
  ...basePeripheralFields({ address: 'c4:52:43:00:00:f1', addressType: 'random', localName: ROLLER_LOCAL_NAME, rssiAt1mDbm: -58, rssiJitterDb: 1.5, bootMs: 300 }),
  /** The built host loop (firmware-build.ts). */
  executable: z.string().min(1),
  /** Connection interval the link model runs at, ms. */
  connectionIntervalMs: z.number().min(7.5).max(4000).default(15),
  /** How often the firmware loop polls the FIFO, ms (the board: on the watermark and at least every 20 ms). */
  pollMs: z.number().positive().max(1000).default(20),
  /** Motion samples per second fed to the chip model; default: the scenario's sensor rate. */
  feedRateHz: z.number().min(25).max(400).optional(),
  /** How far the loop runs ahead of the scheduler per tick, ms; default: the connection interval. */
  stepMs: z.number().positive().max(1000).optional(),
  manufacturerName: z.string().default('Roller Companion'),
  modelNumber: z.string().default('RC-IMU-1 (firmware core)'),
  hardwareRevision: z.string().default('host loop'),
});
export type FirmwareRollerOptions = z.input<typeof FirmwareRollerSettingsSchema> & { scheduler: Scheduler; scenario?: ScenarioChoice };

export interface FirmwareRollerCounters extends FirmwareCounters {
  /** Stream notifications that reached the central. */
  notified: number;
  /** Stream notifications the link could not carry (gone, silent, not subscribed). */
  lostOnLink: number;
  /** Frames the firmware's link model refused (its queue full). */
  refused: number;
  unreadableLines: number;
}

const U = ROLLER_GATT_UUIDS;

type WriteAnswer = { ok: true } | { ok: false; reason: string };

export class SimulatedFirmwareRollerPeripheral extends SimulatedPeripheralBase {
  readonly gatt: GattServer;
  readonly scenario: Scenario;
  readonly feed: FirmwareMotionFeed;
  readonly counters: FirmwareRollerCounters = { samplesTaken: 0, samplesDropped: 0, framesSent: 0, fifoWordsOverwritten: 0, notified: 0, lostOnLink: 0, refused: 0, unreadableLines: 0 };
  private readonly settings: z.output<typeof FirmwareRollerSettingsSchema>;
  private process: FirmwareProcess;
  private powerOnMs: number;
  private horizonS = 0;
  private sessionStartS: number | null = null;
  private feedIndex = 0;
  private configValue: Uint8Array = new Uint8Array(0);
  private statusValue: Uint8Array = new Uint8Array(0);
  private batteryValue: Uint8Array = Uint8Array.of(0);
  private tickTimer: unknown = null;
  private failure: string | null = null;
  private disposed = false;

  constructor(options: FirmwareRollerOptions) {
    const { scheduler, scenario, ...rest } = options;
    const settings = FirmwareRollerSettingsSchema.parse(rest);
    const resolved = resolveScenario(scenario);
    const seed = settings.seed ?? resolved.seed;
    super(scheduler, baseSettingsFrom(settings, seed));
    this.settings = settings;
    this.scenario = resolved;
    this.feed = new FirmwareMotionFeed(resolved, seed, settings.feedRateHz ?? resolved.sensor.sampleRateHz);
    this.gatt = new GattServer(this.services());
    this.powerOnMs = scheduler.nowMs();
    this.process = this.spawn();
    this.exchange([]);
    this.scheduleTick();
  }

  /** Why the firmware stopped (the process failed), or null while it runs. */
  get failed(): string | null {
    return this.failure;
  }

  /** The scenario's session start on the loop clock, s (null before the first start-streaming). */
  get sessionStartLoopS(): number | null {
    return this.sessionStartS;
  }

  /** The configuration the firmware answers a read with. */
  get configBytes(): Uint8Array {
    return this.configValue.slice();
  }

  /** The firmware's loop does not run for `seconds` (its IMU FIFO overruns when longer than ≈ 2 s at 104 Hz). */
  stall(seconds: number): void {
    this.exchange([`stall ${this.at()} ${Math.max(0, seconds).toFixed(6)}`]);
  }

  override applyFault(fault: Fault): void {
    super.applyFault(fault); // malformed and set-battery are not modelled for the firmware
  }

  dispose(): void {
    this.disposed = true;
    this.scheduler.clearTimeout(this.tickTimer);
    this.tickTimer = null;
    this.cancelFaultPlan();
    this.process.close();
  }

  // ---- SimulatedPeripheralBase hooks ----

  protected advertisedServiceUuids(): string[] {
    return [U.service];
  }

  protected handleConnected(link: PeripheralLink): void {
    this.linkUp(link.mtu);
  }

  protected handleMtuChanged(mtu: number): void {
    this.linkUp(mtu);
  }

  protected handleDisconnected(_cause: DisconnectCause): void {
    this.exchange([`link ${this.at()} down`]);
  }

  protected handleLinkSilent(): void {
    this.exchange([`link ${this.at()} down`]);
  }

  protected handleReboot(): void {
    this.process.close();
    this.powerOnMs = this.scheduler.nowMs();
    this.horizonS = 0;
    this.sessionStartS = null;
    this.feedIndex = 0;
    this.process = this.spawn();
    this.exchange([]);
  }

  // ---- GATT ----

  private services(): ServiceSpec[] {
    const s = this.settings;
    return rollerGattServices({
      localName: () => s.localName,
      readConfig: () => attOk(this.configValue.slice()),
      writeConfig: (data) => this.write('config', data),
      writeControl: (data) => this.write('control', data),
      readStatus: () => attOk(this.statusValue.slice()),
      readBattery: () => attOk(this.batteryValue.slice()),
      deviceInfo: {
        manufacturerName: () => s.manufacturerName,
        modelNumber: () => s.modelNumber,
        serialNumber: () => `RC-${this.id.slice(-6).toUpperCase()}`,
        firmwareRevision: () => this.firmwareRevision(),
        hardwareRevision: () => s.hardwareRevision,
      },
    });
  }

  private firmwareRevision(): string {
    const v = this.statusValue;
    return v.length >= 5 ? `${v[2]}.${v[3]}.${v[4]}` : 'unknown';
  }

  private write(target: 'config' | 'control', data: Uint8Array): AttResult {
    const startsSession = target === 'control' && data.length === 1 && data[0] === 0x01 && this.sessionStartS === null;
    const at = this.at();
    const answer = this.exchange([`write ${at} ${target} ${hexOf(data)}`]).find((a) => a !== undefined);
    if (!answer) return attError(ATT_ERROR.unlikelyError, `the firmware did not answer the ${target} write${this.failure ? `: ${this.failure}` : ''}`);
    if (!answer.ok)
      return attError(LENGTH_REASONS.has(answer.reason) ? ATT_ERROR.invalidAttributeValueLength : ATT_ERROR.valueNotAllowed, `the firmware refused the ${target} write: ${answer.reason}`);
    if (startsSession) {
      this.beginSession();
      this.sessionStartS = Number(at);
      this.feedIndex = 0;
    }
    return attOk();
  }

  // ---- the loop ----

  private spawn(): FirmwareProcess {
    const s = this.settings;
    return new FirmwareProcess({ executable: s.executable, args: ['--interval-ms', String(s.connectionIntervalMs), '--mtu', '23', '--poll-ms', String(s.pollMs)] });
  }

  private linkUp(mtu: number): void {
    this.exchange([`link ${this.at()} up ${this.settings.connectionIntervalMs} ${mtu}`]);
  }

  /** The loop time for a command now: never before the loop's horizon. */
  private at(): string {
    return Math.max(this.horizonS, this.loopNowS()).toFixed(6);
  }

  private loopNowS(): number {
    return (this.scheduler.nowMs() - this.powerOnMs) / 1000;
  }

  private scheduleTick(): void {
    const stepMs = this.settings.stepMs ?? this.settings.connectionIntervalMs;
    this.tickTimer = this.scheduler.setTimeout(() => {
      this.tickTimer = null;
      if (this.disposed || this.failure) return;
      this.advance(this.loopNowS() + stepMs / 1000);
      this.scheduleTick();
    }, stepMs);
  }

  /** Feeds motion up to `targetS` (and one sample beyond, so the chip interpolates), then syncs. */
  private advance(targetS: number): void {
    const lines: string[] = [];
    if (this.sessionStartS === null) {
      if (targetS > this.horizonS) lines.push(this.feed.line(0, targetS)); // lying still before the session
    } else {
      const start = this.sessionStartS;
      const period = this.feed.periodS;
      while (start + this.feedIndex * period <= targetS) {
        const t = start + this.feedIndex * period;
        if (t >= this.horizonS) lines.push(this.feed.line(this.feedIndex, t));
        this.feedIndex++;
      }
      const next = start + this.feedIndex * period;
      if (next >= this.horizonS) lines.push(this.feed.line(this.feedIndex, next));
      this.feedIndex++;
      targetS = Math.max(targetS, next); // the loop has run to the last motion sample
    }
    this.exchange(lines, targetS);
  }

  /** Sends `commands`, then a sync; schedules every payload at its time; gives back the write answers. */
  private exchange(commands: readonly string[], syncS = Math.max(this.horizonS, this.loopNowS())): WriteAnswer[] {
    if (this.failure) return [];
    const r = this.process.exchange(commands, syncS);
    if (!r.ok) {
      this.fail(r.message);
      return [];
    }
    const answers: WriteAnswer[] = [];
    for (const text of r.lines) {
      const line = parseFirmwareLine(text);
      switch (line.kind) {
        case 'sync':
          this.horizonS = Math.max(this.horizonS, line.tS);
          Object.assign(this.counters, line.counters);
          break;
        case 'write-ok':
          answers.push({ ok: true });
          break;
        case 'write-error':
          answers.push({ ok: false, reason: line.reason });
          break;
        case 'config':
          this.configValue = line.bytes;
          break;
        case 'status':
          this.statusValue = line.bytes;
          this.atLoopTime(line.tS, () => this.notifyIfUsable(U.service, U.status, line.bytes));
          break;
        case 'battery':
          this.batteryValue = line.bytes;
          this.atLoopTime(line.tS, () => this.notifyIfUsable(U.battery, U.batteryLevel, line.bytes));
          break;
        case 'stream':
          this.atLoopTime(line.tS, () => this.deliverFrame(line.bytes));
          break;
        case 'refused':
          this.counters.refused++;
          break;
        case 'unreadable':
          this.counters.unreadableLines++;
          break;
      }
    }
    return answers;
  }

  /** Runs `fn` at loop time `tS` on the scheduler (now, if that is not in the future). */
  private atLoopTime(tS: number, fn: () => void): void {
    const delayMs = this.powerOnMs + tS * 1000 - this.scheduler.nowMs();
    this.scheduler.setTimeout(
      () => {
        if (!this.disposed) fn();
      },
      Math.max(0, delayMs),
    );
  }

  private deliverFrame(bytes: Uint8Array): void {
    if (this.linkUsable && this.gatt.isSubscribed(U.service, U.imu) && this.link!.notify(U.service, U.imu, bytes)) this.counters.notified++;
    else this.counters.lostOnLink++;
  }

  private notifyIfUsable(service: string, characteristic: string, bytes: Uint8Array): void {
    if (this.linkUsable) this.link!.notify(service, characteristic, bytes);
  }

  private fail(message: string): void {
    this.failure = `the firmware core stopped: ${message}`;
    this.scheduler.clearTimeout(this.tickTimer);
    this.tickTimer = null;
    this.setPowered(false);
  }
}
