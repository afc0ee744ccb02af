/**
 * What every simulated peripheral shares: identity (address → noble id), advertising state,
 * RSSI, the current link, and the generic faults — drop-out (out of range for a while), RSSI /
 * distance changes, reboot — plus the declarative fault plan, timed from the session start.
 *
 * Advertising = powered on ∧ not booting ∧ within range ∧ not connected (one central at a time,
 * as small sensors do). Subclasses supply the GATT server, advertised services and what happens
 * on connect, disconnect and reboot.
 */
import { z } from 'zod';
import type { GattServer } from './gatt-server';
import { nobleUuid } from './gatt-server';
import type { DisconnectCause, PeripheralLink, SimAdvertisement, SimulatedPeripheral } from './peripheral-link';
import { RssiModel, type RssiSettings } from './rssi-model';
import { FaultPlanSchema, scheduleFaultPlan, type Fault, type FaultPlan } from './fault-plan';
import type { Scheduler } from './scheduler';

export interface PeripheralBaseSettings {
  address: string;
  addressType: 'public' | 'random';
  localName: string;
  maxMtu: number;
  rssi: RssiSettings;
  seed: number;
  /** Time from a reboot to advertising again, ms. */
  bootMs: number;
  faults: FaultPlan;
}

/**
 * The zod fields every simulated peripheral's settings share (with its own defaults): radio
 * identity, signal, seed, scenario end, MTU, reboot time and the fault plan.
 */
export function basePeripheralFields(d: { address: string; addressType: 'public' | 'random'; localName: string; rssiAt1mDbm: number; rssiJitterDb: number; bootMs: number }) {
  return {
    /** BLE address; noble's id is it without colons. */
    address: z.string().regex(BLE_ADDRESS_PATTERN).default(d.address),
    addressType: z.enum(['public', 'random']).default(d.addressType),
    /** Advertised local name (and GAP device name). */
    localName: z.string().min(1).max(20).default(d.localName),
    /** Seed of sensor noise and loss (run r uses seed + r), RSSI fading and garbage; default: the scenario's. */
    seed: z.number().int().min(0).max(0xffff_ffff).optional(),
    /** What happens when a session outlasts the scenario: play it again, or stop streaming. */
    endOfScenario: z.enum(['loop', 'stop']).default('loop'),
    /** Mean RSSI at 1 m, dBm. */
    rssiAt1mDbm: z.number().min(-127).max(20).default(d.rssiAt1mDbm),
    /** Standard deviation of RSSI fading, dB. */
    rssiJitterDb: z.number().min(0).max(20).default(d.rssiJitterDb),
    /** Distance from the central, m. */
    distanceM: z.number().positive().max(1000).default(1),
    /** Largest ATT MTU the sensor accepts. */
    maxMtu: z.number().int().min(23).max(517).default(247),
    /** Reboot time until advertising again, ms. */
    bootMs: z.number().min(0).max(60_000).default(d.bootMs),
    /** Faults at session times (s from the first start-streaming). */
    faults: FaultPlanSchema.default(() => []),
  };
}

/** The settings every simulated peripheral's zod schema shares, as the base class takes them. */
export function baseSettingsFrom(
  s: { address: string; addressType: 'public' | 'random'; localName: string; maxMtu: number; rssiAt1mDbm: number; rssiJitterDb: number; distanceM: number; bootMs: number; faults: FaultPlan },
  seed: number,
): PeripheralBaseSettings {
  return {
    address: s.address,
    addressType: s.addressType,
    localName: s.localName,
    maxMtu: s.maxMtu,
    rssi: { meanAt1mDbm: s.rssiAt1mDbm, jitterDb: s.rssiJitterDb, distanceM: s.distanceM },
    seed,
    bootMs: s.bootMs,
    faults: s.faults,
  };
}

/** `aa:bb:cc:dd:ee:ff`, hex, any case. */
export const BLE_ADDRESS_PATTERN = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;

export abstract class SimulatedPeripheralBase implements SimulatedPeripheral {
  readonly id: string;
  readonly address: string;
  readonly addressType: 'public' | 'random';
  readonly maxMtu: number;
  abstract readonly gatt: GattServer;

  protected readonly scheduler: Scheduler;
  /** The current connection, or null. */
  protected link: PeripheralLink | null = null;
  /** The link faded (drop-out): the peripheral still thinks it is connected, but nothing gets through. */
  protected linkSilent = false;

  private readonly baseSettings: PeripheralBaseSettings;
  private readonly rssi: RssiModel;
  private readonly advertisingListeners = new Set<(advertising: boolean) => void>();
  private advertising = false;
  private poweredOn = true;
  private awayUntilMs: number | null = null;
  private awayTimer: unknown = null;
  private bootTimer: unknown = null;
  private booting = false;
  private sessionStartMs: number | null = null;
  private cancelPlan: (() => void) | null = null;

  protected constructor(scheduler: Scheduler, settings: PeripheralBaseSettings) {
    this.scheduler = scheduler;
    this.baseSettings = settings;
    this.address = settings.address.toLowerCase();
    this.id = this.address.replace(/:/g, '');
    this.addressType = settings.addressType;
    this.maxMtu = settings.maxMtu;
    this.rssi = new RssiModel(settings.rssi, settings.seed);
    this.advertising = this.computeAdvertising();
  }

  // ---- what the bindings use ----

  isAdvertising(): boolean {
    return this.advertising;
  }

  advertisement(): SimAdvertisement {
    return {
      localName: this.baseSettings.localName,
      txPowerLevel: undefined,
      manufacturerData: undefined,
      serviceData: this.advertisedServiceData(),
      serviceUuids: this.advertisedServiceUuids().map(nobleUuid),
      serviceSolicitationUuids: [],
    };
  }

  /** Service data in the advertisement (none unless a peripheral says otherwise). */
  protected advertisedServiceData(): { uuid: string; data: Buffer }[] {
    return [];
  }

  sampleRssiDbm(): number {
    return this.rssi.sample();
  }

  onAdvertisingChange(listener: (advertising: boolean) => void): () => void {
    this.advertisingListeners.add(listener);
    return () => this.advertisingListeners.delete(listener);
  }

  onConnected(link: PeripheralLink): void {
    this.link = link;
    this.linkSilent = false;
    this.gatt.clearSubscriptions();
    this.updateAdvertising();
    this.handleConnected(link);
  }

  onMtuChanged(link: PeripheralLink, mtu: number): void {
    if (link === this.link) this.handleMtuChanged(mtu);
  }

  onDisconnected(link: PeripheralLink, cause: DisconnectCause): void {
    if (link !== this.link) return;
    this.link = null;
    this.linkSilent = false;
    this.gatt.clearSubscriptions();
    this.handleDisconnected(cause);
    this.updateAdvertising();
  }

  // ---- faults ----

  /**
   * Out of range for `durationS`: a live link goes silent now (the central's stack reports a
   * supervision timeout a little later) and the peripheral is not heard advertising until the
   * time is up. Simulated time runs on meanwhile.
   */
  dropOut(durationS: number): void {
    const until = this.scheduler.nowMs() + Math.max(0, durationS) * 1000;
    this.awayUntilMs = Math.max(this.awayUntilMs ?? -Infinity, until);
    this.scheduler.clearTimeout(this.awayTimer);
    this.awayTimer = this.scheduler.setTimeout(() => {
      this.awayUntilMs = null;
      this.awayTimer = null;
      this.updateAdvertising();
    }, this.awayUntilMs - this.scheduler.nowMs());
    if (this.link && !this.linkSilent) {
      this.linkSilent = true;
      this.link.fade();
      this.handleLinkSilent();
    }
    this.updateAdvertising();
  }

  /** Mean RSSI at 1 m, dBm. */
  setRssi(meanDbm: number): void {
    this.rssi.setMeanDbm(meanDbm);
  }

  /** Distance from the central, m: RSSI weakens with it. */
  setDistanceM(distanceM: number): void {
    this.rssi.setDistanceM(distanceM);
  }

  /** Mean RSSI at the current distance, dBm. */
  get meanRssiDbm(): number {
    return this.rssi.meanDbm();
  }

  /**
   * Reboot: the link vanishes without a word (the central sees a supervision timeout), the
   * peripheral's own state goes back to power-on defaults, and it advertises again after its
   * boot time.
   */
  restart(): void {
    this.forgetLink();
    this.booting = true;
    this.scheduler.clearTimeout(this.bootTimer);
    this.bootTimer = this.scheduler.setTimeout(() => {
      this.booting = false;
      this.bootTimer = null;
      this.updateAdvertising();
    }, this.baseSettings.bootMs);
    this.handleReboot();
    this.updateAdvertising();
  }

  /** Applies one fault now. Subclasses handle the kinds that need their own state. */
  applyFault(fault: Fault): void {
    switch (fault.kind) {
      case 'drop-out':
        return this.dropOut(fault.durationS);
      case 'set-rssi':
        return this.setRssi(fault.meanDbm);
      case 'set-distance':
        return this.setDistanceM(fault.distanceM);
      case 'restart':
        return this.restart();
      case 'malformed':
      case 'set-battery':
        return; // only peripherals that have them
    }
  }

  /** Seconds since the session started (first streaming), or null before it. */
  sessionTimeS(): number | null {
    return this.sessionStartMs === null ? null : (this.scheduler.nowMs() - this.sessionStartMs) / 1000;
  }

  /** World time of the session start, ms, or null before it. */
  get sessionStartedAtMs(): number | null {
    return this.sessionStartMs;
  }

  // ---- for subclasses ----

  /** Marks the session start (once) and schedules the fault plan from it. */
  protected beginSession(): number {
    if (this.sessionStartMs === null) {
      this.sessionStartMs = this.scheduler.nowMs();
      if (this.baseSettings.faults.length > 0) {
        this.cancelPlan = scheduleFaultPlan(this.scheduler, this.baseSettings.faults, this.sessionStartMs, (f) => this.applyFault(f));
      }
    }
    return this.sessionStartMs;
  }

  /** Stops and starts radiating: a dead battery, or a battery put back. */
  protected setPowered(on: boolean): void {
    if (on === this.poweredOn) return;
    this.poweredOn = on;
    if (!on) this.forgetLink();
    this.updateAdvertising();
  }

  protected get isPoweredOn(): boolean {
    return this.poweredOn;
  }

  /** True when notifications can get through right now. */
  protected get linkUsable(): boolean {
    return this.link !== null && !this.linkSilent;
  }

  /** Stops the fault plan (e.g. when the simulation is torn down). */
  protected cancelFaultPlan(): void {
    this.cancelPlan?.();
    this.cancelPlan = null;
  }

  protected abstract advertisedServiceUuids(): string[];
  protected abstract handleConnected(link: PeripheralLink): void;
  protected abstract handleMtuChanged(mtu: number): void;
  protected abstract handleDisconnected(cause: DisconnectCause): void;
  /** The link went silent under the peripheral (it keeps its state until the disconnect). */
  protected abstract handleLinkSilent(): void;
  protected abstract handleReboot(): void;

  private forgetLink(): void {
    const old = this.link;
    if (!old) return;
    this.link = null;
    this.linkSilent = false;
    old.fade();
    this.gatt.clearSubscriptions();
    this.handleDisconnected('connection-timeout');
  }

  private computeAdvertising(): boolean {
    return this.poweredOn && !this.booting && this.awayUntilMs === null && this.link === null;
  }

  private updateAdvertising(): void {
    const now = this.computeAdvertising();
    if (now === this.advertising) return;
    this.advertising = now;
    for (const listener of [...this.advertisingListeners]) listener(now);
  }
}
