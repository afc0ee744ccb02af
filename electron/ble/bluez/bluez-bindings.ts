/**
 * noble bindings on BlueZ over the system D-Bus: a thin adapter around the D-Bus bindings of
 * `@stoprocent/noble` 2.x (built on dbus-next), handed to `@abandonware/noble/with-bindings`.
 * The library does the BlueZ work (object tree, discovery, Device1, GATT objects, `Value`
 * changes as notifications); this adapter fits it to @abandonware/noble's contract and says
 * what went wrong in plain words:
 *
 * - `init()` (what @abandonware/noble calls; the library's is `start()`) first probes the bus
 *   (bluez-probe.ts): BlueZ absent, access refused, no adapter become an adapter state with a
 *   fix, instead of the library's bare `unsupported`;
 * - `poweredOff` is told apart from blocked (`PowerState` `off-blocked`);
 * - a failed connect carries a plain reason (the sensor connected elsewhere);
 * - the library reports failed GATT operations with an extra error argument that
 *   @abandonware/noble ignores (a failed write would read as done): a failed read answers an
 *   empty value (as hci-socket does), a failed write or subscribe is not answered (the app's
 *   bound on every GATT wait turns it into a timeout), and each becomes a `warning`;
 * - the ATT MTU BlueZ negotiated (GattCharacteristic1.MTU) is reported with `onMtu` after
 *   connecting, as hci-socket does.
 */
import { EventEmitter } from 'node:events';
import type { AdapterState } from '../adapter-state';
import { describeBluezCondition, describeConnectFailure, type BluezCondition } from './bluez-diagnosis';
import { BluezProbe } from './bluez-probe';
import { loadStoprocentDbusBindings, type StoprocentDbusBindings } from './dbus-next-loader';

/** noble's state string for a condition BlueZ is in. */
const NOBLE_STATE: Readonly<Record<BluezCondition, string>> = {
  'no-bus': 'unavailable',
  'bluez-absent': 'unavailable',
  'access-denied': 'unauthorized',
  'no-adapter': 'unavailable',
  'powered-off': 'poweredOff',
  blocked: 'poweredOff',
  other: 'unavailable',
};

/** Events forwarded as they are. */
const PASS_THROUGH = [
  'addressChange',
  'scanParametersSet',
  'scanStart',
  'scanStop',
  'discover',
  'disconnect',
  'rssiUpdate',
  'servicesDiscover',
  'servicesDiscovered',
  'includedServicesDiscover',
  'characteristicsDiscover',
  'characteristicsDiscovered',
  'broadcast',
  'descriptorsDiscover',
] as const;

/** What the adapter reads from the library's mirror of BlueZ's object tree (for the MTU). */
interface LibraryInternals {
  _objects?: Map<string, Record<string, Record<string, unknown>>>;
  _devices?: Map<string, { path?: string }>;
  _bus?: EventEmitter | null;
}

export class BluezBindings extends EventEmitter {
  private inner: StoprocentDbusBindings | null = null;
  private readonly probe = new BluezProbe();
  private diagnosis: AdapterState | null = null;
  private started = false;
  private stopped = false;
  private lastWarning = '';

  /** The adapter state behind the last `stateChange`, in words (null while on). */
  describe(nobleState: string): AdapterState | null {
    return this.diagnosis && this.diagnosis.state === (nobleState === 'unavailable' ? 'unavailable' : nobleState) ? this.diagnosis : null;
  }

  init(): void {
    if (this.started) return;
    this.started = true;
    void this.start();
  }

  /** Closes both D-Bus connections (the library's and the probe's). */
  stop(): void {
    this.stopped = true;
    this.inner?.stop();
    this.probe.close();
  }

  // ---- noble → library ----

  setScanParameters(interval: number, window: number): void {
    if (this.inner) this.inner.setScanParameters(interval, window);
    else this.later(() => this.emit('scanParametersSet'));
  }
  startScanning(serviceUuids: string[] | undefined, allowDuplicates: boolean): void {
    this.call('startScanning', (b) => b.startScanning(serviceUuids, allowDuplicates));
  }
  stopScanning(): void {
    if (this.inner) this.inner.stopScanning();
    else this.later(() => this.emit('scanStop'));
  }
  reset(): void {
    // BlueZ owns the controller; nothing to reset from here.
  }
  connect(id: string, parameters?: unknown): void {
    this.call('connect', (b) => b.connect(id, parameters));
  }
  cancelConnect(id: string, parameters?: unknown): void {
    this.call('cancelConnect', (b) => b.cancelConnect(id, parameters));
  }
  disconnect(id: string): void {
    if (this.inner) this.inner.disconnect(id);
    else this.later(() => this.emit('disconnect', id, 'not connected'));
  }
  updateRssi(id: string): void {
    this.call('updateRssi', (b) => b.updateRssi(id));
  }
  discoverServices(id: string, uuids: string[]): void {
    this.call('discoverServices', (b) => b.discoverServices(id, uuids));
  }
  discoverIncludedServices(id: string, serviceUuid: string, serviceUuids: string[]): void {
    this.call('discoverIncludedServices', (b) => b.discoverIncludedServices(id, serviceUuid, serviceUuids));
  }
  discoverCharacteristics(id: string, serviceUuid: string, characteristicUuids: string[]): void {
    this.call('discoverCharacteristics', (b) => b.discoverCharacteristics(id, serviceUuid, characteristicUuids));
  }
  read(id: string, serviceUuid: string, characteristicUuid: string): void {
    this.call('read', (b) => b.read(id, serviceUuid, characteristicUuid));
  }
  write(id: string, serviceUuid: string, characteristicUuid: string, data: Buffer, withoutResponse: boolean): void {
    this.call('write', (b) => b.write(id, serviceUuid, characteristicUuid, data, withoutResponse));
  }
  broadcast(id: string, serviceUuid: string, characteristicUuid: string, broadcast: boolean): void {
    this.call('broadcast', (b) => b.broadcast(id, serviceUuid, characteristicUuid, broadcast));
  }
  notify(id: string, serviceUuid: string, characteristicUuid: string, enable: boolean): void {
    this.call('notify', (b) => b.notify(id, serviceUuid, characteristicUuid, enable));
  }
  discoverDescriptors(id: string, serviceUuid: string, characteristicUuid: string): void {
    this.call('discoverDescriptors', (b) => b.discoverDescriptors(id, serviceUuid, characteristicUuid));
  }
  readValue(id: string, serviceUuid: string, characteristicUuid: string, descriptorUuid: string): void {
    this.call('readValue', (b) => b.readValue(id, serviceUuid, characteristicUuid, descriptorUuid));
  }
  writeValue(id: string, serviceUuid: string, characteristicUuid: string, descriptorUuid: string, data: Buffer): void {
    this.call('writeValue', (b) => b.writeValue(id, serviceUuid, characteristicUuid, descriptorUuid, data));
  }
  readHandle(id: string, handle: number): void {
    this.call('readHandle', (b) => b.readHandle(id, handle));
  }
  writeHandle(id: string, handle: number, data: Buffer, withoutResponse: boolean): void {
    this.call('writeHandle', (b) => b.writeHandle(id, handle, data, withoutResponse));
  }

  // ---- library → noble ----

  private async start(): Promise<void> {
    const probed = await this.probe.run();
    if (this.stopped) return;
    if (!probed.ok) return this.report(probed.condition, probed.detail);
    let inner: StoprocentDbusBindings;
    try {
      const Bindings = loadStoprocentDbusBindings();
      inner = new Bindings({ adapterId: probed.adapterPath.split('/').pop() ?? 'hci0' });
    } catch (err) {
      return this.report('other', `the BlueZ bindings did not load: ${(err as Error).message}`);
    }
    this.inner = inner;
    for (const event of PASS_THROUGH) inner.on(event, (...args: unknown[]) => this.emit(event, ...args));
    inner.on('warning', (message: string) => {
      this.lastWarning = message;
      this.emit('warning', message);
    });
    inner.on('stateChange', (state: string) => void this.onStateChange(state));
    inner.on('connect', (id: string, err?: unknown) => this.onConnect(id, err));
    inner.on('read', (id: string, svc: string, chr: string, data: Buffer | null, isNotification: boolean, err?: unknown) => {
      if (err || !data) {
        this.emit('warning', `read ${svc}/${chr} of ${id} failed: ${errorText(err)}`);
        this.emit('read', id, svc, chr, Buffer.alloc(0), false);
      } else this.emit('read', id, svc, chr, data, isNotification);
    });
    inner.on('write', (id: string, svc: string, chr: string, err?: unknown) => {
      if (err) this.emit('warning', `write ${svc}/${chr} of ${id} failed: ${errorText(err)}; no answer`);
      else this.emit('write', id, svc, chr);
    });
    inner.on('notify', (id: string, svc: string, chr: string, state: boolean, err?: unknown) => {
      if (err) this.emit('warning', `subscribing to ${svc}/${chr} of ${id} failed: ${errorText(err)}; no answer`);
      else this.emit('notify', id, svc, chr, state);
    });
    for (const event of ['valueRead', 'valueWrite', 'handleRead', 'handleWrite'] as const) {
      inner.on(event, (...args: unknown[]) => {
        const err = args.find((a) => a instanceof Error);
        if (err) this.emit('warning', `${event} failed: ${errorText(err)}; no answer`);
        else this.emit(event, ...args);
      });
    }
    inner.start();
    // The library's bus has no `error` listener: a bus that goes away would crash the process.
    (inner as unknown as LibraryInternals)._bus?.on('error', (err: unknown) => this.report('no-bus', errorText(err)));
  }

  private async onStateChange(state: string): Promise<void> {
    if (state === 'poweredOn') {
      this.diagnosis = null;
      this.emit('stateChange', state);
    } else if (state === 'poweredOff') {
      this.report((await this.probe.powerCondition()) ?? 'powered-off');
    } else if (state === 'unsupported') {
      // The library's own start failed after our probe succeeded (the adapter vanished meanwhile).
      this.report('other', this.lastWarning || 'BlueZ could not be set up');
    } else this.emit('stateChange', state);
  }

  private onConnect(id: string, err?: unknown): void {
    if (err) {
      this.emit('connect', id, new Error(describeConnectFailure(err)));
      return;
    }
    this.emit('connect', id, null);
    const mtu = this.negotiatedMtu(id);
    if (mtu) this.emit('onMtu', id, mtu);
  }

  /** The largest `MTU` of the device's characteristics in the library's object mirror. */
  private negotiatedMtu(id: string): number | null {
    const lib = this.inner as unknown as LibraryInternals;
    const path = lib._devices?.get(id)?.path;
    if (!path || !lib._objects) return null;
    let mtu = 0;
    for (const [p, ifaces] of lib._objects) {
      const value = p.startsWith(`${path}/`) ? ifaces['org.bluez.GattCharacteristic1']?.MTU : undefined;
      if (typeof value === 'number' && value > mtu) mtu = value;
    }
    return mtu >= 23 ? mtu : null;
  }

  private report(condition: BluezCondition, detail?: string): void {
    this.diagnosis = describeBluezCondition(condition, detail);
    this.emit('stateChange', NOBLE_STATE[condition]);
  }

  private call(what: string, fn: (b: StoprocentDbusBindings) => void): void {
    if (this.inner) fn(this.inner);
    else this.emit('warning', `${what}: BlueZ is not ready (${this.diagnosis?.message ?? 'starting'}); no answer`);
  }

  private later(fn: () => void): void {
    process.nextTick(fn);
  }
}

function errorText(err: unknown): string {
  const e = err as { type?: unknown; text?: unknown; message?: unknown } | null;
  const parts = [e?.type, e?.text ?? e?.message].filter((x): x is string => typeof x === 'string' && x.length > 0);
  return parts.length > 0 ? parts.join(': ') : String(err);
}
