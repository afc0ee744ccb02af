/**
 * An emulated WitMotion WT901BLE(CL): advertises as "WT901BLE68" with its vendor service,
 * offers service ffe5 (128-bit `0000ffe5-0000-1000-8000-00805f9a34fb`) with notify ffe4 and
 * write ffe9, and no battery service.
 *
 * While the central listens on ffe4 the unit sends 0x55 0x61 sample records at its output rate
 * (factory 10 Hz; 0.2 … 200 Hz through unlock / rate / save on ffe9), built from the same
 * simulated roller as our sensor (witmotion-sample-source.ts), cut into notifications the way
 * real units do — mostly one record each, sometimes two in one, sometimes one split in two
 * (witmotion-packetizer.ts). The session (scenario time 0, fault plan origin) starts the first
 * time the central subscribes. The rate reverts to the saved one on reboot.
 *
 * Faults: `dropOut`, `malformed` (the next notifications are replaced by bytes without any
 * 0x55, so the parser must resync), `setRssi` / `setDistanceM`, `restart`, or a plan.
 */
import { z } from 'zod';
import { WITMOTION_FACTORY_RATE_HZ, WITMOTION_SUPPORTED_RATES_HZ } from '../../../sensor-protocol/witmotion/witmotion-commands';
import { WITMOTION_NOBLE_UUIDS } from '../../../sensor-protocol/witmotion/witmotion-gatt';
import { WITMOTION_HEADER_BYTE } from '../../../sensor-protocol/witmotion/witmotion-record';
import type { Scenario } from '../../sim/scenario-schema';
import { randomStream, type RandomStream } from '../../sim/seeded-random';
import { attOk, type AttResult } from './att-error';
import type { Fault } from './fault-plan';
import { GattServer, standardGapGattServices, type ServiceSpec } from './gatt-server';
import type { DisconnectCause, PeripheralLink } from './peripheral-link';
import { resolveScenario, type ScenarioChoice } from './scenario-choice';
import type { Scheduler } from './scheduler';
import { SimulatedPeripheralBase, basePeripheralFields, baseSettingsFrom } from './simulated-peripheral-base';
import { encodeWitmotionRegisterRecord, encodeWitmotionSampleRecord } from './witmotion-record-encoder';
import { WitmotionPacketizer } from './witmotion-packetizer';
import { WitmotionRegisterFile, parseWitmotionWrite } from './witmotion-registers';
import { WitmotionSampleSource } from './witmotion-sample-source';

const DEFAULT_ATT_MTU = 23;
/** GAP appearance "Generic Sensor". */
const APPEARANCE_GENERIC_SENSOR = 0x0540;

export const WitmotionPeripheralSettingsSchema = z.object({
  ...basePeripheralFields({ address: 'e8:cb:ed:11:09:68', addressType: 'public', localName: 'WT901BLE68', rssiAt1mDbm: -62, rssiJitterDb: 2, bootMs: 500 }),
  /** Advertise the ffe5 service UUID (so a scan filtered on it finds the unit). */
  advertiseServiceUuid: z.boolean().default(true),
  /** Output rate at power-on (the saved one), Hz: one of the unit's rates. */
  rateHz: z
    .number()
    .refine((r) => WITMOTION_SUPPORTED_RATES_HZ.some((s) => Math.abs(s - r) < 1e-6), { message: `must be one of ${WITMOTION_SUPPORTED_RATES_HZ.join(', ')} Hz` })
    .default(WITMOTION_FACTORY_RATE_HZ),
  /** Chance a record is held back and sent with the next. */
  holdProbability: z.number().min(0).max(1).default(0.1),
  /** Chance a record is split across two notifications. */
  splitProbability: z.number().min(0).max(1).default(0.1),
});
export type WitmotionPeripheralSettings = z.output<typeof WitmotionPeripheralSettingsSchema>;

export type WitmotionPeripheralOptions = z.input<typeof WitmotionPeripheralSettingsSchema> & {
  scheduler: Scheduler;
  /** A built-in scenario name or a scenario; default `good-slow-session`. */
  scenario?: ScenarioChoice;
};

export interface WitmotionPeripheralCounters {
  records: number;
  notifications: number;
  malformedSent: number;
}

const U = WITMOTION_NOBLE_UUIDS;

export class SimulatedWitmotionPeripheral extends SimulatedPeripheralBase {
  readonly gatt: GattServer;
  readonly settings: WitmotionPeripheralSettings;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly counters: WitmotionPeripheralCounters = { records: 0, notifications: 0, malformedSent: 0 };

  private readonly registers: WitmotionRegisterFile;
  private readonly packetizer: WitmotionPacketizer;
  private readonly garbage: RandomStream;
  private source: WitmotionSampleSource | null = null;
  private tickTimer: unknown = null;
  private malformedRemaining = 0;

  constructor(options: WitmotionPeripheralOptions) {
    const { scheduler, scenario, ...rest } = options;
    const settings = WitmotionPeripheralSettingsSchema.parse(rest);
    const resolved = resolveScenario(scenario);
    const seed = settings.seed ?? resolved.seed;
    super(scheduler, baseSettingsFrom(settings, seed));
    this.settings = settings;
    this.scenario = resolved;
    this.seed = seed;
    this.registers = new WitmotionRegisterFile(settings.rateHz);
    this.packetizer = new WitmotionPacketizer({ holdProbability: settings.holdProbability, splitProbability: settings.splitProbability, maxHeldBytes: 40 }, randomStream(seed, 'witmotion-packets'));
    this.garbage = randomStream(seed, 'witmotion-garbage');
    this.gatt = new GattServer(this.services());
  }

  /** Current output rate, Hz. */
  get rateHz(): number {
    return this.registers.rateHz;
  }

  /** The next `count` notifications carry garbage instead of records. */
  malformed(count: number): void {
    this.malformedRemaining += Math.max(0, Math.floor(count));
  }

  override applyFault(fault: Fault): void {
    if (fault.kind === 'malformed') this.malformed(fault.count);
    else super.applyFault(fault);
  }

  dispose(): void {
    this.stopTicking();
    this.cancelFaultPlan();
  }

  // ---- SimulatedPeripheralBase hooks ----

  protected advertisedServiceUuids(): string[] {
    return this.settings.advertiseServiceUuid ? [U.service] : [];
  }

  protected handleConnected(_link: PeripheralLink): void {}

  protected handleMtuChanged(_mtu: number): void {}

  protected handleDisconnected(_cause: DisconnectCause): void {
    this.stopTicking();
  }

  protected handleLinkSilent(): void {
    this.stopTicking();
  }

  protected handleReboot(): void {
    this.stopTicking();
    this.registers.reboot();
  }

  // ---- GATT ----

  private services(): ServiceSpec[] {
    return [
      ...standardGapGattServices(() => this.settings.localName, APPEARANCE_GENERIC_SENSOR),
      {
        uuid: U.service,
        characteristics: [
          { uuid: U.notifyChar, properties: ['notify'], onSubscribe: (on) => (on ? this.startTicking() : this.stopTicking()) },
          { uuid: U.writeChar, properties: ['writeWithoutResponse', 'write'], write: (data) => this.writeCommands(data) },
        ],
      },
    ];
  }

  private writeCommands(data: Uint8Array): AttResult {
    for (const cmd of parseWitmotionWrite(data)) {
      const effect = this.registers.apply(cmd, this.scheduler.nowMs());
      if (effect.kind === 'rate-changed' && this.tickTimer !== null) this.startTicking();
      if (effect.kind === 'register-reply') {
        // A reply goes out at once, after whatever was still queued.
        const out = this.packetizer.push(encodeWitmotionRegisterRecord(effect.startRegister, effect.values), this.payloadBytes());
        this.send([...out, ...this.packetizer.flush(this.payloadBytes())]);
      }
    }
    return attOk();
  }

  // ---- streaming ----

  private startTicking(): void {
    this.scheduler.clearTimeout(this.tickTimer);
    this.tickTimer = null;
    if (!this.linkUsable) return;
    const origin = this.beginSession();
    this.source ??= new WitmotionSampleSource(this.scenario, this.seed, this.settings.endOfScenario, origin);
    this.scheduleTick(this.scheduler.nowMs() + 1000 / this.registers.rateHz);
  }

  private stopTicking(): void {
    this.scheduler.clearTimeout(this.tickTimer);
    this.tickTimer = null;
    this.packetizer.clear();
  }

  /** Ticks on a fixed grid from the (re)start, so the output rate does not drift. */
  private scheduleTick(atMs: number): void {
    this.tickTimer = this.scheduler.setTimeout(() => {
      this.tickTimer = null;
      const values = this.source?.valuesAt(this.scheduler.nowMs()) ?? null;
      if (!values || !this.linkUsable) return this.stopTicking();
      this.counters.records++;
      this.send(this.packetizer.push(encodeWitmotionSampleRecord(values), this.payloadBytes()));
      if (this.tickTimer === null) this.scheduleTick(atMs + 1000 / this.registers.rateHz);
    }, atMs - this.scheduler.nowMs());
  }

  private send(notifications: Uint8Array[]): void {
    if (!this.linkUsable) return;
    for (const n of notifications) {
      let bytes = n;
      if (this.malformedRemaining > 0) {
        this.malformedRemaining--;
        this.counters.malformedSent++;
        bytes = new Uint8Array(n.length);
        for (let i = 0; i < bytes.length; i++) {
          let b = Math.floor(this.garbage.uniform() * 256);
          if (b === WITMOTION_HEADER_BYTE) b = 0x00;
          bytes[i] = b;
        }
      }
      if (this.link!.notify(U.service, U.notifyChar, bytes)) this.counters.notifications++;
    }
  }

  private payloadBytes(): number {
    return (this.link?.mtu ?? DEFAULT_ATT_MTU) - 3;
  }
}
