/**
 * Test helpers: the real noble object model on simulated bindings, driven by a ManualScheduler.
 * Every wait advances simulated time; nothing sleeps.
 */
import type { Characteristic, Peripheral } from '@abandonware/noble';
import { createSimulatedNoble, ManualScheduler, type CreateSimulatedNobleOptions, type SimulatedNoble } from '../../../../electron/ble/sim-peripheral/index';
import { ROLLER_SERVICE_UUID, BATTERY_SERVICE_UUID, DEVICE_INFO_SERVICE_UUID, toNobleUuid } from '../../../../sensor-protocol/gatt/gatt-profile';

export const ROLLER_SERVICE = toNobleUuid(ROLLER_SERVICE_UUID);

export interface Harness extends SimulatedNoble {
  scheduler: ManualScheduler;
  /** Drives simulated time until `p` settles. */
  run<T>(p: Promise<T>, maxMs?: number): Promise<T>;
}

export function harness(options: Omit<CreateSimulatedNobleOptions, 'scheduler'> = {}): Harness {
  const scheduler = new ManualScheduler();
  const sim = createSimulatedNoble({ ...options, scheduler });
  return { ...sim, scheduler, run: (p, maxMs) => scheduler.drive(p, maxMs) };
}

export async function poweredOn(h: Harness): Promise<string> {
  return h.run(new Promise<string>((resolve) => h.noble.once('stateChange', resolve)));
}

/** Scans for `ms` of simulated time; returns every discover event (peripheral objects, in order). */
export async function scan(h: Harness, serviceUuids: string[], ms = 500, allowDuplicates = false): Promise<Peripheral[]> {
  const seen: Peripheral[] = [];
  const onDiscover = (p: Peripheral) => seen.push(p);
  h.noble.on('discover', onDiscover);
  await h.run(h.noble.startScanningAsync(serviceUuids, allowDuplicates));
  await h.scheduler.advanceByAsync(ms);
  await h.run(h.noble.stopScanningAsync());
  h.noble.removeListener('discover', onDiscover);
  return seen;
}

export async function findPeripheral(h: Harness, id: string, serviceUuids: string[] = []): Promise<Peripheral> {
  const found = (await scan(h, serviceUuids)).find((p) => p.id === id);
  if (!found) throw new Error(`peripheral ${id} not found while scanning`);
  return found;
}

export interface RollerGatt {
  imu: Characteristic;
  config: Characteristic;
  control: Characteristic;
  status: Characteristic;
  battery: Characteristic;
  firmware: Characteristic;
  all: Characteristic[];
}

/** Connects and discovers the Roller, Battery and Device Information services. */
export async function connectRoller(h: Harness, peripheral: Peripheral): Promise<RollerGatt> {
  await h.run(peripheral.connectAsync());
  const { characteristics } = await h.run(peripheral.discoverSomeServicesAndCharacteristicsAsync([ROLLER_SERVICE, BATTERY_SERVICE_UUID, DEVICE_INFO_SERVICE_UUID], []));
  const by = (uuid: string) => {
    const c = characteristics.find((x) => x.uuid === toNobleUuid(uuid));
    if (!c) throw new Error(`no characteristic ${uuid}`);
    return c;
  };
  return {
    imu: by('52430002-8f5e-4b2a-9c3d-1e7f0a6b5c4d'),
    config: by('52430003-8f5e-4b2a-9c3d-1e7f0a6b5c4d'),
    control: by('52430004-8f5e-4b2a-9c3d-1e7f0a6b5c4d'),
    status: by('52430005-8f5e-4b2a-9c3d-1e7f0a6b5c4d'),
    battery: by('2a19'),
    firmware: by('2a26'),
    all: characteristics,
  };
}

/** Collects 'data' events of a characteristic (notifications only). */
export function collect(c: Characteristic): { items: Buffer[]; stop(): void } {
  const items: Buffer[] = [];
  const onData = (data: Buffer, isNotification: boolean) => {
    if (isNotification) items.push(data);
  };
  c.on('data', onData);
  return { items, stop: () => c.removeListener('data', onData) };
}
