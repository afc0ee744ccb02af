/**
 * One exported BlueZ interface (Adapter1, Device1, GattService1, GattCharacteristic1, the
 * ObjectManager) on dbus-next's service API, without decorators: properties are read from a
 * value bag, methods and writable properties go to handlers, and `set()` changes values and
 * emits `PropertiesChanged` as BlueZ does.
 */
import type { interface as DbusInterface, Variant as DbusVariant } from 'dbus-next';
import { loadDbusNext } from '../bluez/dbus-next-loader';

export interface InterfaceSpec {
  name: string;
  /** Property → D-Bus signature; `writable` ones call `handlers.setProperty`. */
  properties: Readonly<Record<string, string>>;
  writable?: readonly string[];
  methods?: Readonly<Record<string, { inSignature?: string; outSignature?: string }>>;
  signals?: Readonly<Record<string, string>>;
}

export type Handlers = Record<string, (...args: never[]) => unknown> & { setProperty?: (name: string, value: unknown) => void };

export interface BluezInterface extends DbusInterface.Interface {
  /** The D-Bus interface name. */
  readonly $name: string;
  readonly values: Record<string, unknown>;
  /** Changes values and emits `PropertiesChanged` for them. */
  set(changed: Record<string, unknown>): void;
  /** Emits one of the spec's signals with these arguments. */
  signal(name: string, ...args: unknown[]): void;
  /** All properties as variants (GetManagedObjects, InterfacesAdded). */
  variants(): Record<string, DbusVariant>;
}

export type BluezInterfaceClass = new (values: Record<string, unknown>, handlers: Handlers) => BluezInterface;

const classes = new Map<string, BluezInterfaceClass>();

/** The dbus-next interface class for a spec (built once per interface name). */
export function bluezInterfaceClass(spec: InterfaceSpec): BluezInterfaceClass {
  const known = classes.get(spec.name);
  if (known) return known;
  const dbus = loadDbusNext();
  const Base = dbus.interface.Interface;
  const Variant = dbus.Variant;
  class Impl extends Base {
    readonly values: Record<string, unknown>;
    readonly handlers: Handlers;
    constructor(values: Record<string, unknown>, handlers: Handlers) {
      super(spec.name);
      this.values = values;
      this.handlers = handlers;
    }
    set(changed: Record<string, unknown>): void {
      Object.assign(this.values, changed);
      Base.emitPropertiesChanged(this, changed, []);
    }
    signal(name: string, ...args: unknown[]): void {
      (this as unknown as Record<string, (...a: unknown[]) => void>)[name]!(...args);
    }
    variants(): Record<string, DbusVariant> {
      const out: Record<string, DbusVariant> = {};
      for (const [k, signature] of Object.entries(spec.properties)) out[k] = new Variant(signature, this.values[k]);
      return out;
    }
  }
  const proto = Impl.prototype as unknown as Record<string, unknown>;
  for (const k of Object.keys(spec.properties)) {
    Object.defineProperty(proto, k, {
      get(this: Impl) {
        return this.values[k];
      },
      set(this: Impl, v: unknown) {
        this.handlers.setProperty?.(k, v);
      },
    });
  }
  for (const m of Object.keys(spec.methods ?? {})) {
    proto[m] = function (this: Impl, ...args: unknown[]) {
      const h = this.handlers[m] as ((...a: unknown[]) => unknown) | undefined;
      if (!h) throw new dbus.DBusError('org.bluez.Error.NotSupported', `${m} is not supported`);
      return h(...args);
    };
  }
  for (const s of Object.keys(spec.signals ?? {})) proto[s] = (...args: unknown[]) => args;
  (Impl as unknown as typeof Base).configureMembers({
    properties: Object.fromEntries(Object.entries(spec.properties).map(([k, signature]) => [k, { signature, access: spec.writable?.includes(k) ? 'readwrite' : 'read' }])),
    methods: Object.fromEntries(Object.entries(spec.methods ?? {}).map(([k, m]) => [k, { inSignature: m.inSignature ?? '', outSignature: m.outSignature ?? '' }])),
    signals: Object.fromEntries(Object.entries(spec.signals ?? {}).map(([k, signature]) => [k, { signature }])),
  });
  classes.set(spec.name, Impl as unknown as BluezInterfaceClass);
  return Impl as unknown as BluezInterfaceClass;
}

/** A BlueZ error reply (`org.bluez.Error.*`). */
export function bluezError(name: string, text: string): Error {
  return new (loadDbusNext().DBusError)(`org.bluez.Error.${name}`, text);
}

export const OBJECT_MANAGER: InterfaceSpec = {
  name: 'org.freedesktop.DBus.ObjectManager',
  properties: {},
  methods: { GetManagedObjects: { outSignature: 'a{oa{sa{sv}}}' } },
  signals: { InterfacesAdded: 'oa{sa{sv}}', InterfacesRemoved: 'oas' },
};

export const ADAPTER1: InterfaceSpec = {
  name: 'org.bluez.Adapter1',
  properties: { Address: 's', AddressType: 's', Name: 's', Alias: 's', Class: 'u', Powered: 'b', PowerState: 's', Discoverable: 'b', Pairable: 'b', Discovering: 'b', UUIDs: 'as' },
  writable: ['Powered'],
  methods: { StartDiscovery: {}, StopDiscovery: {}, SetDiscoveryFilter: { inSignature: 'a{sv}' }, GetDiscoveryFilters: { outSignature: 'as' }, RemoveDevice: { inSignature: 'o' } },
};

export const DEVICE1: InterfaceSpec = {
  name: 'org.bluez.Device1',
  properties: {
    Address: 's',
    AddressType: 's',
    Name: 's',
    Alias: 's',
    Paired: 'b',
    Trusted: 'b',
    Blocked: 'b',
    LegacyPairing: 'b',
    Connected: 'b',
    ServicesResolved: 'b',
    RSSI: 'n',
    UUIDs: 'as',
    ServiceData: 'a{sv}',
    Adapter: 'o',
  },
  methods: { Connect: {}, Disconnect: {}, Pair: {}, CancelPairing: {} },
};

export const GATT_SERVICE1: InterfaceSpec = {
  name: 'org.bluez.GattService1',
  properties: { UUID: 's', Primary: 'b', Device: 'o', Handle: 'q' },
};

export const GATT_CHARACTERISTIC1: InterfaceSpec = {
  name: 'org.bluez.GattCharacteristic1',
  properties: { UUID: 's', Service: 'o', Value: 'ay', Notifying: 'b', Flags: 'as', MTU: 'q', Handle: 'q' },
  methods: { ReadValue: { inSignature: 'a{sv}', outSignature: 'ay' }, WriteValue: { inSignature: 'aya{sv}' }, StartNotify: {}, StopNotify: {} },
};
