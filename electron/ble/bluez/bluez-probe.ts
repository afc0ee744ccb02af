/**
 * Asks BlueZ, over the system D-Bus, what state it is in before noble starts on it: is
 * `org.bluez` on the bus, may we talk to it, which adapter, is it powered, is it blocked.
 * The bus is dbus-next's system bus: `DBUS_SYSTEM_BUS_ADDRESS` when set, else the standard
 * socket. The probe's own connection stays open to read `PowerState` again when the adapter
 * turns off (blocked or just off); `close()` ends it.
 */
import type { MessageBus } from 'dbus-next';
import { conditionOfBusError, conditionOfPower, type BluezCondition } from './bluez-diagnosis';
import { loadDbusNext } from './dbus-next-loader';

export const BLUEZ_NAME = 'org.bluez';
export const ADAPTER_IFACE = 'org.bluez.Adapter1';
const OBJECT_MANAGER_IFACE = 'org.freedesktop.DBus.ObjectManager';
const PROPERTIES_IFACE = 'org.freedesktop.DBus.Properties';

export type ProbeResult = { ok: true; adapterPath: string } | { ok: false; condition: BluezCondition; detail: string };

export class BluezProbe {
  private bus: MessageBus | null = null;
  private failed: Promise<never> | null = null;
  private adapterPath: string | null = null;

  /** Connects and looks at BlueZ's object tree. Never throws. */
  async run(): Promise<ProbeResult> {
    try {
      if (!this.bus) ({ bus: this.bus, failed: this.failed } = openSystemBus());
      const bus = this.bus;
      const root = await Promise.race([bus.getProxyObject(BLUEZ_NAME, '/'), this.failed!]);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-call -- dbus-next types proxy methods as Function
      const managed = (await Promise.race([root.getInterface(OBJECT_MANAGER_IFACE).GetManagedObjects!(), this.failed!])) as Record<string, Record<string, unknown>>;
      const adapterPath = Object.keys(managed)
        .filter((path) => ADAPTER_IFACE in (managed[path] ?? {}))
        .sort()[0];
      if (!adapterPath) return { ok: false, condition: 'no-adapter', detail: 'no object implements org.bluez.Adapter1' };
      this.adapterPath = adapterPath;
      return { ok: true, adapterPath };
    } catch (err) {
      return { ok: false, condition: conditionOfBusError(err), detail: describeError(err) };
    }
  }

  /** The adapter's power condition now (null: on), read from BlueZ. */
  async powerCondition(): Promise<BluezCondition | null> {
    if (!this.bus || !this.adapterPath) return 'powered-off';
    try {
      const adapter = await Promise.race([this.bus.getProxyObject(BLUEZ_NAME, this.adapterPath), this.failed!]);
      const props = adapter.getInterface(PROPERTIES_IFACE);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-call -- dbus-next types proxy methods as Function
      const all = (await Promise.race([props.GetAll!(ADAPTER_IFACE), this.failed!])) as Record<string, { value: unknown }>;
      const powerState = all.PowerState?.value;
      return conditionOfPower(all.Powered?.value === true, typeof powerState === 'string' ? powerState : undefined);
    } catch {
      return 'powered-off';
    }
  }

  close(): void {
    try {
      this.bus?.disconnect();
    } catch {
      // already closed
    }
    this.bus = null;
  }
}

/**
 * dbus-next's system bus. A bus that cannot be reached never answers a call (dbus-next only
 * emits `error`), so `failed` rejects with that error: race every call against it.
 */
export function openSystemBus(): { bus: MessageBus; failed: Promise<never> } {
  const bus = loadDbusNext().systemBus();
  const failed = new Promise<never>((_, reject) => bus.on('error', reject));
  failed.catch(() => undefined);
  return { bus, failed };
}

function describeError(err: unknown): string {
  const e = err as { type?: unknown; text?: unknown; message?: unknown; code?: unknown } | null;
  const parts = [e?.type, e?.code, e?.text ?? e?.message].filter((x): x is string => typeof x === 'string' && x.length > 0);
  return parts.length > 0 ? [...new Set(parts)].join(': ') : String(err);
}
