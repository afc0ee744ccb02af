/**
 * The live list of sensors seen while scanning: name, id, signal strength, battery and kind,
 * newest first by signal. Pure: fed advertisements with a time, it forgets devices not heard
 * from for `staleAfterS`.
 */
import type { SensorKind } from './sensor-kinds';

export interface SeenDevice {
  id: string;
  name: string;
  kind: SensorKind;
  rssiDbm: number;
  /** Battery level in %, when known (read after connecting, or from the advertisement). */
  batteryPercent: number | null;
  lastSeenS: number;
  /** This is the sensor paired last time. */
  remembered: boolean;
}

export class DeviceList {
  private readonly devices = new Map<string, SeenDevice>();
  private readonly staleAfterS: number;
  private rememberedId: string | null;

  constructor(rememberedId: string | null = null, staleAfterS = 10) {
    this.rememberedId = rememberedId;
    this.staleAfterS = staleAfterS;
  }

  /** Records an advertisement; returns true when the visible list changed. */
  seen(id: string, name: string, kind: SensorKind, rssiDbm: number, nowS: number): boolean {
    const prev = this.devices.get(id);
    const next: SeenDevice = {
      id,
      name: name || prev?.name || (kind === 'roller' ? 'Roller sensor' : 'WitMotion sensor'),
      kind,
      rssiDbm,
      batteryPercent: prev?.batteryPercent ?? null,
      lastSeenS: nowS,
      remembered: id === this.rememberedId,
    };
    this.devices.set(id, next);
    return !prev || prev.rssiDbm !== rssiDbm || prev.name !== next.name;
  }

  setBattery(id: string, percent: number): void {
    const d = this.devices.get(id);
    if (d) this.devices.set(id, { ...d, batteryPercent: percent });
  }

  setRemembered(id: string | null): void {
    this.rememberedId = id;
    for (const [k, d] of this.devices) this.devices.set(k, { ...d, remembered: k === id });
  }

  /** Drops devices not heard from lately; returns true when any was dropped. */
  prune(nowS: number): boolean {
    let dropped = false;
    for (const [k, d] of this.devices) {
      if (nowS - d.lastSeenS > this.staleAfterS) {
        this.devices.delete(k);
        dropped = true;
      }
    }
    return dropped;
  }

  get(id: string): SeenDevice | undefined {
    return this.devices.get(id);
  }

  /** The remembered sensor first, then by signal strength. */
  list(): SeenDevice[] {
    return [...this.devices.values()].sort((a, b) => Number(b.remembered) - Number(a.remembered) || b.rssiDbm - a.rssiDbm || a.id.localeCompare(b.id));
  }

  clear(): void {
    this.devices.clear();
  }
}
