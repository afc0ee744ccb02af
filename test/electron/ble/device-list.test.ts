import { describe, expect, it } from 'vitest';
import { DeviceList } from '../../../electron/ble/device-list';
import { sensorKindOf, ROLLER_SERVICE_NOBLE, WITMOTION_SERVICE_NOBLE } from '../../../electron/ble/sensor-kinds';

describe('sensor kinds', () => {
  it('recognises our sensor and WitMotion units by service or name, and nothing else', () => {
    expect(sensorKindOf({ serviceUuids: [ROLLER_SERVICE_NOBLE] })).toBe('roller');
    expect(sensorKindOf({ serviceUuids: ['52430001-8f5e-4b2a-9c3d-1e7f0a6b5c4d'] })).toBe('roller');
    expect(sensorKindOf({ localName: 'Roller' })).toBe('roller');
    expect(sensorKindOf({ serviceUuids: [WITMOTION_SERVICE_NOBLE] })).toBe('witmotion');
    expect(sensorKindOf({ localName: 'WT901BLE68' })).toBe('witmotion');
    expect(sensorKindOf({ localName: 'Headphones', serviceUuids: ['180f'] })).toBeNull();
    expect(sensorKindOf({})).toBeNull();
  });
});

describe('device list', () => {
  it('keeps the latest signal, the remembered sensor first, then by signal, and forgets stale ones', () => {
    const d = new DeviceList('b', 10);
    d.seen('a', 'Roller', 'roller', -70, 0);
    d.seen('b', 'Roller', 'roller', -90, 0);
    d.seen('c', 'WT901BLE68', 'witmotion', -50, 1);
    expect(d.list().map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(d.seen('a', 'Roller', 'roller', -70, 2)).toBe(false);
    expect(d.seen('a', 'Roller', 'roller', -40, 3)).toBe(true);
    d.setBattery('a', 87);
    expect(d.get('a')).toMatchObject({ rssiDbm: -40, batteryPercent: 87, remembered: false });
    expect(d.prune(12)).toBe(true);
    expect(d.list().map((x) => x.id)).toEqual(['a']);
    d.setRemembered('a');
    expect(d.get('a')?.remembered).toBe(true);
  });

  it('names a sensor that advertises no name by its kind', () => {
    const d = new DeviceList();
    d.seen('x', '', 'witmotion', -60, 0);
    expect(d.get('x')?.name).toBe('WitMotion sensor');
  });
});
