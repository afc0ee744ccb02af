import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileRememberedSensorStore } from '../../../electron/ble/remembered-sensor';

const dir = mkdtempSync(join(tmpdir(), 'roller-remembered-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('remembered sensor file', () => {
  it('survives a restart (a new store on the same folder)', () => {
    fileRememberedSensorStore(join(dir, 'a')).set({ id: 'c0ffee', name: 'Roller', kind: 'roller' });
    expect(fileRememberedSensorStore(join(dir, 'a')).get()).toEqual({ id: 'c0ffee', name: 'Roller', kind: 'roller' });
    fileRememberedSensorStore(join(dir, 'a')).set(null);
    expect(fileRememberedSensorStore(join(dir, 'a')).get()).toBeNull();
  });

  it('reads a missing, damaged or foreign file as "none" without throwing', () => {
    expect(fileRememberedSensorStore(join(dir, 'none')).get()).toBeNull();
    const b = join(dir, 'b');
    fileRememberedSensorStore(b).set({ id: 'x', name: '', kind: 'witmotion' });
    writeFileSync(join(b, 'last-sensor.json'), '{"id": 42');
    expect(fileRememberedSensorStore(b).get()).toBeNull();
    writeFileSync(join(b, 'last-sensor.json'), '{"id": "x", "kind": "toaster", "name": ""}');
    expect(fileRememberedSensorStore(b).get()).toBeNull();
    fileRememberedSensorStore(b).set({ id: 'y', name: 'WT901BLE68', kind: 'witmotion' });
    expect(JSON.parse(readFileSync(join(b, 'last-sensor.json'), 'utf8'))).toMatchObject({ id: 'y' });
  });
});
