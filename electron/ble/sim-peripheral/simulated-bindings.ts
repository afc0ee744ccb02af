/**
 * noble *bindings* backed by simulated peripherals: give this object to
 * `require('@abandonware/noble/with-bindings')` and the real noble object model (Noble,
 * Peripheral, Service, Characteristic) runs on top of it. The method names, arguments, event
 * names and event arguments follow noble's hci-socket bindings (lib/hci-socket/bindings.js), and
 * so do its quirks where an app could trip on them (see README.md, "noble's bindings contract"):
 *
 * - every answer is asynchronous (through the injected {@link Scheduler}; never inside the call);
 * - UUIDs are compared exactly as given (noble spelling: lower-case hex, no dashes);
 * - a GATT operation must name a service / characteristic discovered on this connection;
 * - an operation on a peripheral that is not connected gets no answer (a `warning` event here);
 * - a failed read answers with an empty Buffer, a failed write with response never answers;
 * - GATT requests are answered one at a time, in order, `gattDelayMs` apart (the ATT queue);
 * - a link that goes silent is reported lost after the supervision timeout.
 *
 * Simulator-only events (noble ignores them): `warning` (message) and
 * `attError` (peripheralUuid, serviceUuid, characteristicUuid, { operation, code, message }).
 */
import { EventEmitter } from 'node:events';
import { z } from 'zod';
import { NOBLE_ADAPTER_STATES, type NobleAdapterState } from '../adapter-state';
import { attErrorHex, type AttError } from './att-error';
import { CCCD_UUID, type GattCharacteristic } from './gatt-server';
import { DISCONNECT_REASONS, type DisconnectCause, type PeripheralLink, type SimulatedPeripheral } from './peripheral-link';
import type { Scheduler } from './scheduler';

export type AdapterPowerState = NobleAdapterState;

const DEFAULT_ATT_MTU = 23;

export const SimulatedBindingsSettingsSchema = z.object({
  /** Adapter state reported on init. */
  adapterState: z.enum(NOBLE_ADAPTER_STATES).default('poweredOn'),
  /** The adapter's own address (`addressChange`). */
  adapterAddress: z.string().default('00:1a:7d:da:71:13'),
  /** ATT MTU the central asks for; the connection gets min(this, peripheral's max). */
  mtu: z.number().int().min(23).max(517).default(247),
  /** Connection setup time once the peripheral is advertising, ms. */
  connectDelayMs: z.number().min(0).max(60_000).default(40),
  /** One ATT request / response round trip, ms. */
  gattDelayMs: z.number().min(0).max(60_000).default(15),
  /** One HCI command (scan start / stop, RSSI read, disconnect), ms. */
  commandDelayMs: z.number().min(0).max(60_000).default(2),
  /** Advertising reports of each peripheral while scanning, every this many ms. */
  scanReportIntervalMs: z.number().positive().max(60_000).default(100),
  /** A silent link is reported lost after this long, ms (noble asks for 420 ms). */
  supervisionTimeoutMs: z.number().min(0).max(60_000).default(420),
  /** `disconnect` reason: words ('connection timeout') or the HCI code as hci-socket gives (8). */
  disconnectReason: z.enum(['text', 'hci-code']).default('text'),
});
export type SimulatedBindingsSettings = z.output<typeof SimulatedBindingsSettingsSchema>;
export type SimulatedBindingsOptions = z.input<typeof SimulatedBindingsSettingsSchema> & { scheduler: Scheduler };

export type AttOperation = 'read' | 'write' | 'notify' | 'readValue' | 'writeValue' | 'readHandle' | 'writeHandle';

export interface AttErrorEvent {
  operation: AttOperation;
  code: number;
  message: string;
}

interface Scan {
  filter: string[];
  allowDuplicates: boolean;
  reported: Set<string>;
  timer: unknown;
}

interface Connection {
  readonly id: string;
  readonly peripheral: SimulatedPeripheral;
  readonly link: PeripheralLink;
  mtu: number;
  busyUntilMs: number;
  open: boolean;
  silent: boolean;
  closing: boolean;
  supervisionTimer: unknown;
  readonly services: Set<string>;
  readonly characteristics: Set<string>;
}

type DataLike = Buffer | Uint8Array | Uint16Array | Uint32Array;

export class SimulatedBindings extends EventEmitter {
  readonly settings: SimulatedBindingsSettings;
  private readonly scheduler: Scheduler;
  private state: AdapterPowerState;
  private initialized = false;
  private readonly peripherals = new Map<string, { peripheral: SimulatedPeripheral; unsubscribe: () => void }>();
  private readonly connections = new Map<string, Connection>();
  private readonly pendingConnects = new Map<string, { timer: unknown }>();
  private scan: Scan | null = null;

  constructor(options: SimulatedBindingsOptions) {
    super();
    const { scheduler, ...rest } = options;
    this.scheduler = scheduler;
    this.settings = SimulatedBindingsSettingsSchema.parse(rest);
    this.state = this.settings.adapterState;
  }

  // ======== simulator API ========

  addPeripheral(peripheral: SimulatedPeripheral): this {
    if (this.peripherals.has(peripheral.id)) throw new Error(`a peripheral with id ${peripheral.id} is already added`);
    const unsubscribe = peripheral.onAdvertisingChange((advertising) => {
      if (advertising && this.pendingConnects.get(peripheral.id)?.timer === null) this.tryConnect(peripheral.id);
    });
    this.peripherals.set(peripheral.id, { peripheral, unsubscribe });
    if (this.pendingConnects.get(peripheral.id)?.timer === null) this.tryConnect(peripheral.id);
    return this;
  }

  /** Takes a peripheral away (its connection, if any, times out). */
  removePeripheral(id: string): void {
    const entry = this.peripherals.get(id);
    if (!entry) return;
    const conn = this.connections.get(id);
    if (conn) this.teardown(conn, 'connection-timeout');
    entry.unsubscribe();
    this.peripherals.delete(id);
  }

  get adapterState(): AdapterPowerState {
    return this.state;
  }

  /** Changes the adapter state; anything but poweredOn ends scans, pending connects and connections. */
  setAdapterState(state: AdapterPowerState): void {
    if (state === this.state) return;
    this.state = state;
    if (!this.initialized) return;
    this.later(this.settings.commandDelayMs, () => {
      if (state !== 'poweredOn') this.shutDownRadio();
      this.emit('stateChange', state);
    });
  }

  get isScanning(): boolean {
    return this.scan !== null;
  }

  isConnected(id: string): boolean {
    return this.connections.get(id)?.open === true;
  }

  /** ATT MTU of the connection to `id`, or null. */
  connectionMtu(id: string): number | null {
    return this.connections.get(id)?.mtu ?? null;
  }

  /** Stops the scan timer (tear-down); peripherals keep their own timers (dispose them too). */
  dispose(): void {
    if (this.scan) this.scheduler.clearTimeout(this.scan.timer);
    this.scan = null;
    for (const p of this.pendingConnects.values()) this.scheduler.clearTimeout(p.timer);
    this.pendingConnects.clear();
  }

  // ======== noble bindings: adapter and scanning ========

  init(): void {
    if (this.initialized) return;
    this.initialized = true;
    this.later(this.settings.commandDelayMs, () => {
      if (this.state === 'poweredOn') this.emit('addressChange', this.settings.adapterAddress);
      this.emit('stateChange', this.state);
    });
  }

  setScanParameters(_interval?: number, _window?: number): void {
    this.later(this.settings.commandDelayMs, () => this.emit('scanParametersSet'));
  }

  startScanning(serviceUuids?: string[] | null, allowDuplicates?: boolean): void {
    if (!this.radioOn('startScanning')) return;
    if (this.scan) this.scheduler.clearTimeout(this.scan.timer);
    const scan: Scan = { filter: [...(serviceUuids ?? [])], allowDuplicates: allowDuplicates === true, reported: new Set(), timer: null };
    this.scan = scan;
    scan.timer = this.scheduler.setTimeout(() => {
      if (this.scan !== scan) return;
      this.emit('scanStart', !scan.allowDuplicates);
      scan.timer = this.scheduler.setTimeout(() => this.scanTick(scan), Math.min(10, this.settings.scanReportIntervalMs));
    }, this.settings.commandDelayMs);
  }

  stopScanning(): void {
    if (this.scan) this.scheduler.clearTimeout(this.scan.timer);
    this.scan = null;
    this.later(this.settings.commandDelayMs, () => this.emit('scanStop'));
  }

  reset(): void {
    if (this.scan) this.scheduler.clearTimeout(this.scan.timer);
    this.scan = null;
    this.later(this.settings.commandDelayMs, () => this.dropEverything());
  }

  // ======== noble bindings: connections ========

  connect(peripheralUuid: string, _parameters?: unknown): void {
    if (this.state !== 'poweredOn') {
      this.later(this.settings.commandDelayMs, () => this.emit('connect', peripheralUuid, new Error(`Command Disallowed (0xc): adapter is ${this.state}`)));
      return;
    }
    if (this.connections.has(peripheralUuid)) return this.warn(`connect: ${peripheralUuid} is already connected`);
    if (this.pendingConnects.has(peripheralUuid)) return this.warn(`connect: already connecting to ${peripheralUuid}`);
    if (!this.peripherals.has(peripheralUuid)) this.warn(`connect: no peripheral ${peripheralUuid} in range; waiting for it to advertise`);
    this.pendingConnects.set(peripheralUuid, { timer: null });
    this.tryConnect(peripheralUuid);
  }

  cancelConnect(peripheralUuid: string, _parameters?: unknown): void {
    const pending = this.pendingConnects.get(peripheralUuid);
    if (!pending) return;
    this.scheduler.clearTimeout(pending.timer);
    this.pendingConnects.delete(peripheralUuid);
  }

  disconnect(peripheralUuid: string): void {
    const conn = this.connections.get(peripheralUuid);
    if (conn) {
      if (conn.closing) return;
      conn.closing = true;
      this.later(this.settings.commandDelayMs, () => this.teardown(conn, 'local-terminated'));
      return;
    }
    if (this.pendingConnects.has(peripheralUuid)) this.cancelConnect(peripheralUuid);
    else if (!this.peripherals.has(peripheralUuid)) return this.warn(`disconnect: unknown peripheral ${peripheralUuid}`);
    // Not connected: answer anyway so a waiting disconnect() settles.
    this.later(this.settings.commandDelayMs, () => this.emit('disconnect', peripheralUuid, this.reason('local-terminated')));
  }

  updateRssi(peripheralUuid: string): void {
    const conn = this.liveConnection(peripheralUuid, 'updateRssi');
    if (!conn) return;
    this.later(this.settings.commandDelayMs, () => {
      if (conn.open && !conn.silent) this.emit('rssiUpdate', peripheralUuid, conn.peripheral.sampleRssiDbm());
    });
  }

  // ======== noble bindings: discovery ========

  discoverServices(peripheralUuid: string, uuids?: string[] | null): void {
    const conn = this.liveConnection(peripheralUuid, 'discoverServices');
    if (!conn) return;
    const wanted = uuids ?? [];
    this.gattOp(conn, () => {
      const all = conn.peripheral.gatt.services;
      all.forEach((s) => conn.services.add(s.uuid));
      this.emit(
        'servicesDiscovered',
        peripheralUuid,
        all.map((s) => ({ uuid: s.uuid, startHandle: s.startHandle, endHandle: s.endHandle })),
      );
      this.emit(
        'servicesDiscover',
        peripheralUuid,
        all.map((s) => s.uuid).filter((u) => wanted.length === 0 || wanted.includes(u)),
      );
    });
  }

  discoverIncludedServices(peripheralUuid: string, serviceUuid: string, _serviceUuids?: string[] | null): void {
    const conn = this.liveConnection(peripheralUuid, 'discoverIncludedServices');
    if (!conn || !this.knownService(conn, serviceUuid, 'discoverIncludedServices')) return;
    this.gattOp(conn, () => this.emit('includedServicesDiscover', peripheralUuid, serviceUuid, []));
  }

  discoverCharacteristics(peripheralUuid: string, serviceUuid: string, characteristicUuids?: string[] | null): void {
    const conn = this.liveConnection(peripheralUuid, 'discoverCharacteristics');
    if (!conn || !this.knownService(conn, serviceUuid, 'discoverCharacteristics')) return;
    const wanted = characteristicUuids ?? [];
    this.gattOp(conn, () => {
      const all = conn.peripheral.gatt.service(serviceUuid)?.characteristics ?? [];
      all.forEach((c) => conn.characteristics.add(charKey(serviceUuid, c.uuid)));
      this.emit(
        'characteristicsDiscovered',
        peripheralUuid,
        serviceUuid,
        all.map((c) => ({ uuid: c.uuid, startHandle: c.declarationHandle, valueHandle: c.valueHandle, endHandle: c.endHandle, properties: c.propertyBits })),
      );
      this.emit(
        'characteristicsDiscover',
        peripheralUuid,
        serviceUuid,
        all.filter((c) => wanted.length === 0 || wanted.includes(c.uuid)).map((c) => ({ uuid: c.uuid, properties: [...c.properties] })),
      );
    });
  }

  discoverDescriptors(peripheralUuid: string, serviceUuid: string, characteristicUuid: string): void {
    const conn = this.liveConnection(peripheralUuid, 'discoverDescriptors');
    const c = conn && this.knownCharacteristic(conn, serviceUuid, characteristicUuid, 'discoverDescriptors');
    if (!conn || !c) return;
    this.gattOp(conn, () => this.emit('descriptorsDiscover', peripheralUuid, serviceUuid, characteristicUuid, c.cccdHandle === null ? [] : [CCCD_UUID]));
  }

  /** Marks a service as known on this connection without discovery (noble.addService). */
  addService(peripheralUuid: string, service: { uuid: string }): void {
    const conn = this.liveConnection(peripheralUuid, 'addService');
    if (conn) conn.services.add(service.uuid);
  }

  /** Marks characteristics as known without discovery (noble.addCharacteristics). */
  addCharacteristics(peripheralUuid: string, serviceUuid: string, characteristics: { uuid: string }[]): void {
    const conn = this.liveConnection(peripheralUuid, 'addCharacteristics');
    if (!conn) return;
    conn.services.add(serviceUuid);
    for (const c of characteristics) conn.characteristics.add(charKey(serviceUuid, c.uuid));
  }

  // ======== noble bindings: attribute operations ========

  read(peripheralUuid: string, serviceUuid: string, characteristicUuid: string): void {
    const conn = this.liveConnection(peripheralUuid, 'read');
    const c = conn && this.knownCharacteristic(conn, serviceUuid, characteristicUuid, 'read');
    if (!conn || !c) return;
    this.gattOp(conn, () => {
      const r = conn.peripheral.gatt.read(c);
      if (!r.ok) this.attFailed(conn, c, 'read', r);
      this.emit('read', peripheralUuid, serviceUuid, characteristicUuid, r.ok ? Buffer.from(r.value) : Buffer.alloc(0), false);
    });
  }

  write(peripheralUuid: string, serviceUuid: string, characteristicUuid: string, data: DataLike, withoutResponse?: boolean): void {
    const conn = this.liveConnection(peripheralUuid, 'write');
    const c = conn && this.knownCharacteristic(conn, serviceUuid, characteristicUuid, 'write');
    if (!conn || !c) return;
    const bytes = copyBytes(data);
    const noResponse = withoutResponse === true;
    this.gattOp(conn, () => {
      const r = conn.peripheral.gatt.write(c, bytes, noResponse);
      if (!r.ok) this.attFailed(conn, c, 'write', r);
      if (r.ok || noResponse) this.emit('write', peripheralUuid, serviceUuid, characteristicUuid);
    });
  }

  notify(peripheralUuid: string, serviceUuid: string, characteristicUuid: string, enable: boolean): void {
    const conn = this.liveConnection(peripheralUuid, 'notify');
    const c = conn && this.knownCharacteristic(conn, serviceUuid, characteristicUuid, 'notify');
    if (!conn || !c) return;
    this.gattOp(conn, () => {
      const r = conn.peripheral.gatt.setSubscribed(c, enable);
      if (!r.ok) return this.attFailed(conn, c, 'notify', r);
      this.emit('notify', peripheralUuid, serviceUuid, characteristicUuid, enable);
    });
  }

  broadcast(peripheralUuid: string, _serviceUuid: string, characteristicUuid: string, _broadcast: boolean): void {
    this.warn(`broadcast: ${peripheralUuid} ${characteristicUuid} has no server characteristic configuration; no answer`);
  }

  readValue(peripheralUuid: string, serviceUuid: string, characteristicUuid: string, descriptorUuid: string): void {
    const conn = this.liveConnection(peripheralUuid, 'readValue');
    const c = conn && this.knownCharacteristic(conn, serviceUuid, characteristicUuid, 'readValue');
    if (!conn || !c) return;
    this.gattOp(conn, () => {
      const r = descriptorUuid === CCCD_UUID ? conn.peripheral.gatt.readCccd(c) : null;
      if (r && !r.ok) this.attFailed(conn, c, 'readValue', r);
      this.emit('valueRead', peripheralUuid, serviceUuid, characteristicUuid, descriptorUuid, r?.ok ? Buffer.from(r.value) : Buffer.alloc(0));
    });
  }

  writeValue(peripheralUuid: string, serviceUuid: string, characteristicUuid: string, descriptorUuid: string, data: DataLike): void {
    const conn = this.liveConnection(peripheralUuid, 'writeValue');
    const c = conn && this.knownCharacteristic(conn, serviceUuid, characteristicUuid, 'writeValue');
    if (!conn || !c) return;
    const bytes = copyBytes(data);
    this.gattOp(conn, () => {
      if (descriptorUuid !== CCCD_UUID) return this.warn(`writeValue: descriptor ${descriptorUuid} is not writable`);
      const r = conn.peripheral.gatt.writeCccd(c, bytes);
      if (!r.ok) return this.attFailed(conn, c, 'writeValue', r);
      this.emit('valueWrite', peripheralUuid, serviceUuid, characteristicUuid, descriptorUuid);
    });
  }

  readHandle(peripheralUuid: string, handle: number): void {
    const conn = this.liveConnection(peripheralUuid, 'readHandle');
    if (!conn) return;
    this.gattOp(conn, () => {
      const target = conn.peripheral.gatt.target(handle);
      const r = !target ? null : target.kind === 'value' ? conn.peripheral.gatt.read(target.characteristic) : conn.peripheral.gatt.readCccd(target.characteristic);
      if (!r) this.warn(`readHandle: ${peripheralUuid} has no readable attribute at handle ${handle}`);
      else if (!r.ok && target) this.attFailed(conn, target.characteristic, 'readHandle', r);
      this.emit('handleRead', peripheralUuid, handle, r?.ok ? Buffer.from(r.value) : Buffer.alloc(0));
    });
  }

  writeHandle(peripheralUuid: string, handle: number, data: DataLike, withoutResponse?: boolean): void {
    const conn = this.liveConnection(peripheralUuid, 'writeHandle');
    if (!conn) return;
    const bytes = copyBytes(data);
    const noResponse = withoutResponse === true;
    this.gattOp(conn, () => {
      const target = conn.peripheral.gatt.target(handle);
      if (!target) {
        this.warn(`writeHandle: ${peripheralUuid} has no attribute at handle ${handle}`);
        if (noResponse) this.emit('handleWrite', peripheralUuid, handle);
        return;
      }
      const gatt = conn.peripheral.gatt;
      const r = target.kind === 'value' ? gatt.write(target.characteristic, bytes, noResponse) : gatt.writeCccd(target.characteristic, bytes);
      if (!r.ok) this.attFailed(conn, target.characteristic, 'writeHandle', r);
      if (r.ok || noResponse) this.emit('handleWrite', peripheralUuid, handle);
    });
  }

  // ======== internals ========

  private scanTick(scan: Scan): void {
    if (this.scan !== scan) return;
    for (const { peripheral: p } of this.peripherals.values()) {
      if (!p.isAdvertising()) continue;
      const advertisement = p.advertisement();
      if (!matchesFilter(advertisement.serviceUuids, advertisement.serviceData, scan.filter)) continue;
      if (!scan.allowDuplicates && scan.reported.has(p.id)) continue;
      scan.reported.add(p.id);
      this.emit('discover', p.id, p.address, p.addressType, true, advertisement, p.sampleRssiDbm(), true);
      if (this.scan !== scan) return; // a listener stopped or restarted the scan
    }
    scan.timer = this.scheduler.setTimeout(() => this.scanTick(scan), this.settings.scanReportIntervalMs);
  }

  private tryConnect(id: string): void {
    const pending = this.pendingConnects.get(id);
    const p = this.peripherals.get(id)?.peripheral;
    if (!pending || !p || !p.isAdvertising()) return; // waits for the peripheral to advertise
    this.scheduler.clearTimeout(pending.timer);
    pending.timer = this.scheduler.setTimeout(() => {
      pending.timer = null;
      if (this.pendingConnects.get(id) !== pending || this.state !== 'poweredOn') return;
      if (!p.isAdvertising()) return; // moved away meanwhile: keep waiting
      this.pendingConnects.delete(id);
      this.open(p);
    }, this.settings.connectDelayMs);
  }

  private open(p: SimulatedPeripheral): void {
    const conn: Connection = {
      id: p.id,
      peripheral: p,
      link: {
        get mtu() {
          return conn.mtu;
        },
        notify: (serviceUuid, characteristicUuid, data) => this.deliverNotification(conn, serviceUuid, characteristicUuid, data),
        fade: () => this.fade(conn),
        terminate: () => {
          if (conn.closing || !conn.open) return;
          conn.closing = true;
          this.later(this.settings.commandDelayMs, () => this.teardown(conn, 'remote-terminated'));
        },
      },
      mtu: DEFAULT_ATT_MTU,
      busyUntilMs: this.scheduler.nowMs(),
      open: true,
      silent: false,
      closing: false,
      supervisionTimer: null,
      services: new Set(),
      characteristics: new Set(),
    };
    this.connections.set(p.id, conn);
    p.onConnected(conn.link);
    this.emit('connect', p.id, null);
    // The MTU exchange is the first request on a new link (as hci-socket queues it).
    this.gattOp(conn, () => {
      conn.mtu = Math.max(DEFAULT_ATT_MTU, Math.min(this.settings.mtu, p.maxMtu));
      p.onMtuChanged(conn.link, conn.mtu);
      this.emit('onMtu', p.id, conn.mtu);
    });
  }

  private deliverNotification(conn: Connection, serviceUuid: string, characteristicUuid: string, data: Uint8Array): boolean {
    if (!conn.open || conn.silent) return false;
    const c = conn.peripheral.gatt.characteristic(serviceUuid, characteristicUuid);
    if (!c || !conn.peripheral.gatt.isSubscribed(serviceUuid, characteristicUuid)) return false;
    // A notification carries at most MTU − 3 bytes; anything longer is cut, as a stack would.
    const payload = Buffer.from(data.subarray(0, conn.mtu - 3));
    this.emit('handleNotify', conn.id, c.valueHandle, payload);
    this.emit('read', conn.id, serviceUuid, characteristicUuid, payload, true);
    return true;
  }

  private fade(conn: Connection): void {
    if (!conn.open || conn.silent) return;
    conn.silent = true;
    conn.supervisionTimer = this.scheduler.setTimeout(() => this.teardown(conn, 'connection-timeout'), this.settings.supervisionTimeoutMs);
  }

  private teardown(conn: Connection, cause: DisconnectCause): void {
    if (!conn.open) return;
    conn.open = false;
    this.scheduler.clearTimeout(conn.supervisionTimer);
    if (this.connections.get(conn.id) === conn) this.connections.delete(conn.id);
    conn.peripheral.onDisconnected(conn.link, cause);
    this.emit('disconnect', conn.id, this.reason(cause));
  }

  private shutDownRadio(): void {
    if (this.scan) {
      this.scheduler.clearTimeout(this.scan.timer);
      this.scan = null;
      this.emit('scanStop');
    }
    for (const [id, pending] of [...this.pendingConnects]) {
      this.scheduler.clearTimeout(pending.timer);
      this.pendingConnects.delete(id);
      this.emit('connect', id, new Error(`Connection failed: adapter is ${this.state}`));
    }
    for (const conn of [...this.connections.values()]) this.teardown(conn, 'local-terminated');
  }

  private dropEverything(): void {
    for (const [id, pending] of [...this.pendingConnects]) {
      this.scheduler.clearTimeout(pending.timer);
      this.pendingConnects.delete(id);
    }
    for (const conn of [...this.connections.values()]) this.teardown(conn, 'local-terminated');
  }

  /** Queues an ATT request: answered `gattDelayMs` after the previous one, if the link still works. */
  private gattOp(conn: Connection, answer: () => void): void {
    const now = this.scheduler.nowMs();
    const due = Math.max(now, conn.busyUntilMs) + this.settings.gattDelayMs;
    conn.busyUntilMs = due;
    this.scheduler.setTimeout(() => {
      if (conn.open && !conn.silent) answer();
    }, due - now);
  }

  private liveConnection(id: string, what: string): Connection | null {
    const conn = this.connections.get(id);
    if (!conn || !conn.open) {
      this.warn(`${what}: peripheral ${id} is not connected; no answer`);
      return null;
    }
    return conn;
  }

  private knownService(conn: Connection, serviceUuid: string, what: string): boolean {
    if (conn.services.has(serviceUuid)) return true;
    this.warn(`${what}: service ${serviceUuid} of ${conn.id} was not discovered on this connection; no answer`);
    return false;
  }

  private knownCharacteristic(conn: Connection, serviceUuid: string, characteristicUuid: string, what: string): GattCharacteristic | null {
    const c = conn.peripheral.gatt.characteristic(serviceUuid, characteristicUuid);
    if (c && conn.characteristics.has(charKey(serviceUuid, characteristicUuid))) return c;
    this.warn(`${what}: characteristic ${serviceUuid}/${characteristicUuid} of ${conn.id} was not discovered on this connection; no answer`);
    return null;
  }

  private attFailed(conn: Connection, c: GattCharacteristic, operation: AttOperation, error: AttError): void {
    const event: AttErrorEvent = { operation, code: error.code, message: `ATT error ${attErrorHex(error.code)}: ${error.message}` };
    this.emit('attError', conn.id, c.serviceUuid, c.uuid, event);
  }

  private radioOn(what: string): boolean {
    if (this.state === 'poweredOn') return true;
    this.warn(`${what}: adapter is ${this.state}`);
    return false;
  }

  private reason(cause: DisconnectCause): string | number {
    const r = DISCONNECT_REASONS[cause];
    return this.settings.disconnectReason === 'hci-code' ? r.hciCode : r.text;
  }

  private later(ms: number, fn: () => void): void {
    this.scheduler.setTimeout(fn, ms);
  }

  private warn(message: string): void {
    this.emit('warning', message);
  }
}

function charKey(serviceUuid: string, characteristicUuid: string): string {
  return `${serviceUuid}/${characteristicUuid}`;
}

function matchesFilter(serviceUuids: readonly string[], serviceData: readonly { uuid: string }[], filter: readonly string[]): boolean {
  if (filter.length === 0) return true;
  return serviceUuids.some((u) => filter.includes(u)) || serviceData.some((d) => filter.includes(d.uuid));
}

function copyBytes(data: DataLike): Uint8Array {
  return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}
