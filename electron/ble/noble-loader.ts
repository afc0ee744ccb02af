/**
 * Loads `@abandonware/noble` only when Bluetooth is first needed. On a machine without a
 * Bluetooth socket `require` throws (EAFNOSUPPORT); without permission, EPERM/EACCES. Every such
 * failure becomes an adapter state with a message and a fix — never an uncaught exception.
 */
import { createRequire } from 'node:module';
import { describeAdapterState, type AdapterState, type Platform } from './adapter-state';
import type { NobleLike } from './noble-types';

export type NobleLoad = { ok: true; noble: NobleLike } | { ok: false; adapter: AdapterState };

const require = createRequire(import.meta.url);

let cached: NobleLoad | null = null;

/** The system noble (real Bluetooth), loaded once. */
export function loadSystemNoble(platform: Platform = process.platform, load: () => unknown = () => require('@abandonware/noble')): NobleLoad {
  if (cached) return cached;
  cached = tryLoad(platform, load);
  return cached;
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
