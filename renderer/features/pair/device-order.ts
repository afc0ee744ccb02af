/** The sensor list as shown: the remembered sensor first, then by signal, strongest first. */
import type { Device } from '../../bridge/contract';

export function orderDevices(devices: readonly Device[]): Device[] {
  return [...devices].sort((a, b) => Number(b.remembered) - Number(a.remembered) || b.rssiDbm - a.rssiDbm || a.name.localeCompare(b.name));
}

export const DEVICE_KIND_LABEL: Record<Device['kind'], string> = {
  roller: 'Roller Companion sensor',
  witmotion: 'WitMotion motion sensor',
};

/** "battery 80 %" or "battery unknown". */
export function batteryText(percent: number | null): string {
  return percent === null ? 'battery unknown' : `battery ${Math.round(percent)} %`;
}
