/**
 * Loads `@abandonware/noble` only when Bluetooth is first needed. On Linux it runs on BlueZ over
 * the system D-Bus (bluez/, no capability needed) unless `ROLLER_BLE_BINDINGS=hci` asks for
 * the raw HCI socket; elsewhere on the platform's native bindings. On a machine without a
 * Bluetooth socket `require` throws (EAFNOSUPPORT); without permission, EPERM/EACCES. Every such
 * failure becomes an adapter state with a message and a fix — never an uncaught exception.
 */
import { createRequire } from 'node:module';
import { describeAdapterState, type AdapterState, type Platform } from './adapter-state';
import type { NobleLike } from './noble-types';
import { loadBluezNoble } from './bluez/bluez-noble';

export type NobleLoad =
  | {
      ok: true;
      noble: NobleLike;
      /** The adapter state behind a noble state in the bindings' own words, when they have them. */
      describe?: (nobleState: string) => AdapterState | null;
      /** Releases what the bindings hold open (the D-Bus connection). */
      dispose?: () => void;
    }
  | { ok: false; adapter: AdapterState };

/** Which bindings noble runs on. */
export type BleBindingsChoice = 'dbus' | 'hci' | 'native';

/** D-Bus on Linux unless `ROLLER_BLE_BINDINGS=hci`; the native bindings elsewhere. */
export function bleBindingsChoice(platform: Platform = process.platform, env: Record<string, string | undefined> = process.env): BleBindingsChoice {
  if (platform !== 'linux') return 'native';
  return env.ROLLER_BLE_BINDINGS?.trim().toLowerCase() === 'hci' ? 'hci' : 'dbus';
}

const require = createRequire(import.meta.url);

let cached: NobleLoad | null = null;

/** The system noble (real Bluetooth), loaded once: BlueZ over D-Bus on Linux (see {@link bleBindingsChoice}). */
export function loadSystemNoble(platform: Platform = process.platform, load: () => unknown = () => require('@abandonware/noble'), choice: BleBindingsChoice = bleBindingsChoice(platform)): NobleLoad {
  if (cached) return cached;
  cached = choice === 'dbus' ? loadDbusNoble(platform) : tryLoad(platform, load);
  return cached;
}

/** A fresh noble on BlueZ over D-Bus (the CLI makes one per command and disposes of it). */
export function loadDbusNoble(platform: Platform = process.platform): NobleLoad {
  try {
    return loadBluezNoble();
  } catch (err) {
    return { ok: false, adapter: adapterFromLoadError(err, platform) };
  }
}

/** For tests: forget a previous load. */
export function forgetSystemNoble(): void {
  cached = null;
}

export function tryLoad(platform: Platform, load: () => unknown): NobleLoad {
  try {
    const noble = load() as NobleLike;
    if (!noble || typeof noble.startScanningAsync !== 'function') {
      return { ok: false, adapter: describeAdapterState('unavailable', platform, 'the Bluetooth library did not load properly') };
    }
    return { ok: true, noble };
  } catch (err) {
    return { ok: false, adapter: adapterFromLoadError(err, platform) };
  }
}

export function adapterFromLoadError(err: unknown, platform: Platform): AdapterState {
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? '';
  switch (code) {
    case 'EAFNOSUPPORT':
      return describeAdapterState('unavailable', platform, 'this system has no Bluetooth socket (EAFNOSUPPORT)');
    case 'ENODEV':
      return describeAdapterState('unavailable', platform, 'no Bluetooth adapter is present (ENODEV)');
    case 'EPERM':
    case 'EACCES':
      return describeAdapterState('unauthorized', platform, `permission denied (${code})`);
    case 'MODULE_NOT_FOUND':
    case 'ERR_DLOPEN_FAILED':
      return describeAdapterState('unavailable', platform, `the Bluetooth library is not installed for this app (${code}); reinstall Roller Companion`);
    default:
      return describeAdapterState('unavailable', platform, e?.message ? `${e.message}${code ? ` (${code})` : ''}` : String(err));
  }
}
