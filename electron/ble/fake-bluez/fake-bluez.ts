/**
 * A fake BlueZ on a real D-Bus: owns `org.bluez` and serves the simulated sensors of
 * `sim-peripheral/` (the same GATT model the simulated noble bindings serve) the way BlueZ
 * serves real ones, so the app's D-Bus path runs unchanged against them.
 *
 * ```
 * /                                   org.freedesktop.DBus.ObjectManager
 * /org/bluez/hci0                     org.bluez.Adapter1        (discovery, filter, Powered, PowerState)
 * /org/bluez/hci0/dev_C4_52_…         org.bluez.Device1         (Connect, Disconnect, RSSI, UUIDs, ServiceData)
 * …/dev_C4_52_…/service000a           org.bluez.GattService1    (while connected)
 * …/service000a/char000b              org.bluez.GattCharacteristic1 (ReadValue, WriteValue, StartNotify → Value changes, MTU)
 * ```
 *
 * The fake plays BlueZ and the controller: devices appear while discovering (InterfacesAdded,
 * then RSSI changes each report), Connect waits for the sensor to advertise (failing with
 * `le-connection-abort-by-local` like BlueZ when it never does: the sensor is connected
 * elsewhere), GATT objects exist while connected, a silent link is reported lost after the
 * supervision timeout. Time is the injected scheduler's (a scaled clock runs faster than real
 * time). Faults: the peripherals' own (drop-out, restart…), plus power, block and "held by
 * another central" here.
 */
import type { MessageBus } from 'dbus-next';
import { loadDbusNext } from '../bluez/dbus-next-loader';
import type { Scheduler } from '../scheduler';
import type { GattCharacteristic } from '../sim-peripheral/gatt-server';
import type { DisconnectCause, PeripheralLink, SimulatedPeripheral } from '../sim-peripheral/peripheral-link';
import { ADAPTER1, bluezError, bluezInterfaceClass, DEVICE1, GATT_CHARACTERISTIC1, GATT_SERVICE1, OBJECT_MANAGER, type BluezInterface, type InterfaceSpec } from './bluez-interface';
import { bluezUuid, devicePath, BLUEZ_FLAGS } from './bluez-names';

export interface FakeBluezOptions {
  busAddress: string;
  scheduler: Scheduler;
  peripherals: readonly SimulatedPeripheral[];
  /** false: BlueZ runs without any adapter. */
  adapter?: boolean;
  powered?: boolean;
  /** The adapter is rfkill-blocked (`PowerState` `off-blocked`, not powered). */
  blocked?: boolean;
  adapterAddress?: string;
  /** MTU BlueZ asks for (the sensor's `maxMtu` may be lower). */
  mtu?: number;
  scanReportIntervalMs?: number;
  supervisionTimeoutMs?: number;
  connectDelayMs?: number;
  /** How long Connect waits for a sensor that does not advertise. */
  connectAttemptMs?: number;
  /** Devices already in BlueZ's cache at start (as for a sensor used before). */
  cachedDevices?: boolean;
  /** Told of every notification sent on the bus (the bench times the path from here). */
  onNotificationSent?: (characteristicUuid: string, bytes: Uint8Array) => void;
}

const ADAPTER_PATH = '/org/bluez/hci0';

interface Device {
  readonly peripheral: SimulatedPeripheral;
  readonly path: string;
  readonly iface: BluezInterface;
  connection: Connection | null;
  connecting: boolean;
}

interface Connection {
  readonly device: Device;
  readonly link: PeripheralLink;
  mtu: number;
  open: boolean;
  silent: boolean;
  supervisionTimer: unknown;
  /** Exported GATT objects: path → interface, and characteristic → its interface. */
  readonly objects: Map<string, BluezInterface>;
  readonly chars: Map<GattCharacteristic, BluezInterface>;
}

/** A central that is not us (a phone): it holds a peripheral so that it stops advertising. */
const ELSEWHERE: PeripheralLink = { mtu: 23, notify: () => false, fade: () => undefined, terminate: () => undefined };

export class FakeBluez {
  private bus: MessageBus | null = null;
  private readonly o: Required<Omit<FakeBluezOptions, 'peripherals' | 'onNotificationSent'>> & Pick<FakeBluezOptions, 'onNotificationSent'>;
  private readonly devices = new Map<string, Device>();
  private readonly peripherals: readonly SimulatedPeripheral[];
  private objectManager: BluezInterface | null = null;
  private adapter: BluezInterface | null = null;
  private scanTimer: unknown = null;
  private filterUuids: string[] = [];
  private readonly paths = new Map<string, BluezInterface[]>();

  constructor(options: FakeBluezOptions) {
    this.peripherals = options.peripherals;
    this.o = {
      adapter: true,
      powered: true,
      blocked: false,
      adapterAddress: '00:1A:7D:DA:71:13',
      mtu: 517,
      scanReportIntervalMs: 100,
      supervisionTimeoutMs: 420,
      connectDelayMs: 40,
      connectAttemptMs: 5_000,
      cachedDevices: false,
      ...options,
    };
  }

  /** Connects to the bus, owns `org.bluez` and exports the object tree. */
  async start(): Promise<void> {
    const dbus = loadDbusNext();
    const bus = dbus.sessionBus({ busAddress: this.o.busAddress });
    this.bus = bus;
    await new Promise<void>((resolve, reject) => {
      bus.once('connect', () => resolve());
      bus.once('error', reject);
    });
    bus.on('error', () => undefined);
    this.objectManager = this.make(OBJECT_MANAGER, {}, { GetManagedObjects: () => this.managedObjects() });
    bus.export('/', this.objectManager);
    if (this.o.adapter) {
      const powered = this.o.powered && !this.o.blocked;
      this.adapter = this.make(
        ADAPTER1,
        {
          Address: this.o.adapterAddress,
          AddressType: 'public',
          Name: 'fake-bluez',
          Alias: 'fake-bluez',
          Class: 0,
          Powered: powered,
          PowerState: this.o.blocked ? 'off-blocked' : this.powerState(powered),
          Discoverable: false,
          Pairable: false,
          Discovering: false,
          UUIDs: [],
        },
        {
          StartDiscovery: () => this.startDiscovery(),
          StopDiscovery: () => this.stopDiscovery(),
          SetDiscoveryFilter: (filter: Record<string, { value: unknown }>) => this.setFilter(filter),
          GetDiscoveryFilters: () => ['UUIDs', 'RSSI', 'Transport', 'DuplicateData'],
          RemoveDevice: () => undefined,
          setProperty: (name: string, value: unknown) => {
            if (name === 'Powered') this.setPowered(value === true);
          },
        },
      );
      this.exportObject(ADAPTER_PATH, [this.adapter], false);
      if (this.o.cachedDevices) for (const p of this.peripherals) this.device(p);
    }
    const reply = await bus.requestName('org.bluez', 0);
    if (reply !== 1) throw new Error(`fake BlueZ could not own org.bluez on ${this.o.busAddress} (reply ${reply})`);
  }

  /** Releases `org.bluez` and closes the connection (connections end first). */
  async stop(): Promise<void> {
    this.stopScanTimer();
    for (const d of this.devices.values()) if (d.connection) this.teardown(d.connection, 'local-terminated');
    const bus = this.bus;
    this.bus = null;
    if (!bus) return;
    await bus.releaseName('org.bluez').catch(() => undefined);
    bus.disconnect();
  }

  /** Turns the adapter on or off (everything connected drops, discovery stops). */
  setPowered(on: boolean, blocked = false): void {
    const adapter = this.adapter;
    if (!adapter) return;
    const powered = on && !blocked;
    if (!powered) {
      this.stopDiscovery();
      for (const d of this.devices.values()) if (d.connection) this.teardown(d.connection, 'local-terminated');
    }
    adapter.set({ Powered: powered, PowerState: blocked ? 'off-blocked' : this.powerState(powered) });
  }

  /** Another central (a phone) connects to the sensor: it stops advertising to us. */
  holdElsewhere(peripheralId: string): void {
    const p = this.peripherals.find((x) => x.id === peripheralId);
    if (p && p.isAdvertising()) p.onConnected(ELSEWHERE);
  }

  releaseElsewhere(peripheralId: string): void {
    this.peripherals.find((x) => x.id === peripheralId)?.onDisconnected(ELSEWHERE, 'remote-terminated');
  }

  // ---- Adapter1 ----

  private startDiscovery(): void {
    if (!this.adapter?.values.Powered) throw bluezError('NotReady', 'Resource Not Ready');
    if (this.scanTimer !== null) return;
    this.adapter.set({ Discovering: true });
    this.scanTick();
  }

  private stopDiscovery(): void {
    if (this.scanTimer === null) return;
    this.stopScanTimer();
    this.adapter?.set({ Discovering: false });
  }

  private stopScanTimer(): void {
    if (this.scanTimer !== null) this.o.scheduler.clearTimeout(this.scanTimer);
    this.scanTimer = null;
  }

  private setFilter(filter: Record<string, { value: unknown }>): void {
    const uuids = filter.UUIDs?.value;
    this.filterUuids = Array.isArray(uuids) ? uuids.map((u) => bluezUuid(String(u))) : [];
  }

  private scanTick(): void {
    for (const p of this.peripherals) {
      if (!p.isAdvertising()) continue;
      const ad = p.advertisement();
      const uuids = [...ad.serviceUuids, ...ad.serviceData.map((d) => d.uuid)].map(bluezUuid);
      if (this.filterUuids.length > 0 && !uuids.some((u) => this.filterUuids.includes(u))) continue;
      const known = this.devices.get(p.id);
      const d = this.device(p);
      if (known) d.iface.set({ RSSI: Math.round(p.sampleRssiDbm()), ServiceData: serviceDataOf(p) });
    }
    this.scanTimer = this.o.scheduler.setTimeout(() => this.scanTick(), this.o.scanReportIntervalMs);
  }

  /** The device object of a peripheral, exported (InterfacesAdded) the first time. */
  private device(p: SimulatedPeripheral): Device {
    const known = this.devices.get(p.id);
    if (known) return known;
    const ad = p.advertisement();
    const path = devicePath(ADAPTER_PATH, p.address);
    const device: Device = {
      peripheral: p,
      path,
      connection: null,
      connecting: false,
      iface: this.make(
        DEVICE1,
        {
          Address: p.address.toUpperCase(),
          AddressType: p.addressType,
          Name: ad.localName ?? '',
          Alias: ad.localName ?? p.address.toUpperCase(),
          Paired: false,
          Trusted: false,
          Blocked: false,
          LegacyPairing: false,
          Connected: false,
          ServicesResolved: false,
          RSSI: Math.round(p.sampleRssiDbm()),
          UUIDs: ad.serviceUuids.map(bluezUuid),
          ServiceData: serviceDataOf(p),
          Adapter: ADAPTER_PATH,
        },
        { Connect: () => this.connect(device), Disconnect: () => this.disconnect(device) },
      ),
    };
    this.devices.set(p.id, device);
    this.exportObject(path, [device.iface], true);
    return device;
  }

  // ---- Device1 ----

  private async connect(d: Device): Promise<void> {
    if (!this.adapter?.values.Powered) throw bluezError('NotReady', 'Resource Not Ready');
    if (d.connection) return;
    if (d.connecting) throw bluezError('InProgress', 'In Progress');
    d.connecting = true;
    try {
      await this.waitAdvertising(d.peripheral);
      await this.delay(this.o.connectDelayMs);
      if (!this.adapter.values.Powered) throw bluezError('Failed', 'le-connection-abort-by-local');
      this.open(d);
    } finally {
      d.connecting = false;
    }
  }

  private async disconnect(d: Device): Promise<void> {
    if (d.connection) this.teardown(d.connection, 'local-terminated');
  }

  private waitAdvertising(p: SimulatedPeripheral): Promise<void> {
    if (p.isAdvertising()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const off = p.onAdvertisingChange((advertising) => {
        if (!advertising) return;
        off();
        this.o.scheduler.clearTimeout(timer);
        resolve();
      });
      const timer = this.o.scheduler.setTimeout(() => {
        off();
        reject(bluezError('Failed', 'le-connection-abort-by-local'));
      }, this.o.connectAttemptMs);
    });
  }

  private open(d: Device): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the D-Bus interface objects below call back into this fake
    const fake = this;
    const conn: Connection = {
      device: d,
      link: {
        get mtu() {
          return conn.mtu;
        },
        notify: (svc, chr, data) => fake.notify(conn, svc, chr, data),
        fade: () => fake.fade(conn),
        terminate: () => {
          if (conn.open) fake.o.scheduler.setTimeout(() => fake.teardown(conn, 'remote-terminated'), 2);
        },
      },
      mtu: 23,
      open: true,
      silent: false,
      supervisionTimer: null,
      objects: new Map(),
      chars: new Map(),
    };
    d.connection = conn;
    const p = d.peripheral;
    p.onConnected(conn.link);
    d.iface.set({ Connected: true });
    conn.mtu = Math.max(23, Math.min(this.o.mtu, p.maxMtu));
    p.onMtuChanged(conn.link, conn.mtu);
    for (const s of p.gatt.services) {
      const servicePath = `${d.path}/service${hex4(s.startHandle)}`;
      const service = this.make(GATT_SERVICE1, { UUID: bluezUuid(s.uuid), Primary: true, Device: d.path, Handle: s.startHandle }, {});
      conn.objects.set(servicePath, service);
      this.exportObject(servicePath, [service], true);
      for (const c of s.characteristics) {
        const charPath = `${servicePath}/char${hex4(c.declarationHandle)}`;
        const chr = this.make(
          GATT_CHARACTERISTIC1,
          { UUID: bluezUuid(c.uuid), Service: servicePath, Value: Buffer.alloc(0), Notifying: false, Flags: c.properties.map((x) => BLUEZ_FLAGS[x]), MTU: conn.mtu, Handle: c.valueHandle },
          {
            ReadValue: () => this.readValue(conn, c),
            WriteValue: (value: Buffer, options: Record<string, { value: unknown }>) => this.writeValue(conn, c, value, options?.type?.value === 'command'),
            StartNotify: () => this.setNotify(conn, c, true),
            StopNotify: () => this.setNotify(conn, c, false),
          },
        );
        conn.objects.set(charPath, chr);
        conn.chars.set(c, chr);
        this.exportObject(charPath, [chr], true);
      }
    }
    d.iface.set({ ServicesResolved: true });
  }

  private teardown(conn: Connection, cause: DisconnectCause): void {
    if (!conn.open) return;
    conn.open = false;
    this.o.scheduler.clearTimeout(conn.supervisionTimer);
    const d = conn.device;
    if (d.connection === conn) d.connection = null;
    d.peripheral.onDisconnected(conn.link, cause);
    d.iface.set({ ServicesResolved: false });
    for (const path of [...conn.objects.keys()].reverse()) this.unexportObject(path);
    d.iface.set({ Connected: false });
  }

  // ---- GattCharacteristic1 ----

  private live(conn: Connection): void {
    if (!conn.open) throw bluezError('Failed', 'Not connected');
    if (conn.silent) throw bluezError('Failed', 'Operation failed with ATT error: timeout');
  }

  private readValue(conn: Connection, c: GattCharacteristic): Buffer {
    this.live(conn);
    const r = conn.device.peripheral.gatt.read(c);
    if (!r.ok) throw attFailure(r.code, r.message);
    return Buffer.from(r.value);
  }

  private writeValue(conn: Connection, c: GattCharacteristic, value: Buffer, withoutResponse: boolean): void {
    this.live(conn);
    const r = conn.device.peripheral.gatt.write(c, new Uint8Array(value), withoutResponse);
    if (!r.ok && !withoutResponse) throw attFailure(r.code, r.message);
  }

  private setNotify(conn: Connection, c: GattCharacteristic, on: boolean): void {
    this.live(conn);
    const chr = conn.chars.get(c)!;
    if (!c.properties.includes('notify') && !c.properties.includes('indicate')) throw bluezError('NotSupported', 'Operation is not supported');
    const r = conn.device.peripheral.gatt.setSubscribed(c, on);
    if (!r.ok) throw attFailure(r.code, r.message);
    chr.set({ Notifying: on });
  }

  private notify(conn: Connection, serviceUuid: string, characteristicUuid: string, data: Uint8Array): boolean {
    if (!conn.open || conn.silent) return false;
    const gatt = conn.device.peripheral.gatt;
    const c = gatt.characteristic(serviceUuid, characteristicUuid);
    if (!c || !gatt.isSubscribed(serviceUuid, characteristicUuid)) return false;
    // A notification carries at most MTU − 3 bytes.
    const payload = Buffer.from(data.subarray(0, conn.mtu - 3));
    this.o.onNotificationSent?.(c.uuid, payload);
    conn.chars.get(c)?.set({ Value: payload });
    return true;
  }

  private fade(conn: Connection): void {
    if (!conn.open || conn.silent) return;
    conn.silent = true;
    conn.supervisionTimer = this.o.scheduler.setTimeout(() => this.teardown(conn, 'connection-timeout'), this.o.supervisionTimeoutMs);
  }

  // ---- the object tree ----

  private make(spec: InterfaceSpec, values: Record<string, unknown>, handlers: Record<string, (...args: never[]) => unknown>): BluezInterface {
    const Impl = bluezInterfaceClass(spec);
    return new Impl(values, handlers);
  }

  private exportObject(path: string, ifaces: BluezInterface[], announce: boolean): void {
    this.paths.set(path, ifaces);
    for (const i of ifaces) this.bus?.export(path, i);
    if (announce) this.objectManager?.signal('InterfacesAdded', path, Object.fromEntries(ifaces.map((i) => [i.$name, i.variants()])));
  }

  private unexportObject(path: string): void {
    const ifaces = this.paths.get(path);
    if (!ifaces) return;
    this.paths.delete(path);
    for (const i of ifaces) this.bus?.unexport(path, i);
    this.objectManager?.signal(
      'InterfacesRemoved',
      path,
      ifaces.map((i) => i.$name),
    );
  }

  private managedObjects(): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const [path, ifaces] of this.paths) out[path] = Object.fromEntries(ifaces.map((i) => [i.$name, i.variants()]));
    return out;
  }

  private powerState(powered: boolean): string {
    return powered ? 'on' : 'off';
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => this.o.scheduler.setTimeout(resolve, ms));
  }
}

function serviceDataOf(p: SimulatedPeripheral): Record<string, unknown> {
  const Variant = loadDbusNext().Variant;
  return Object.fromEntries(p.advertisement().serviceData.map((d) => [bluezUuid(d.uuid), new Variant('ay', Buffer.from(d.data))]));
}

function attFailure(code: number, message: string): Error {
  return bluezError('Failed', `Operation failed with ATT error: 0x${code.toString(16).padStart(2, '0')} (${message})`);
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}
