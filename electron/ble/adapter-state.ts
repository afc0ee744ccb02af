/**
 * The Bluetooth adapter's condition, as the user should see it: one of noble's states, or
 * `unavailable` when noble could not even be loaded (no Bluetooth socket, no permission), with
 * a message saying what is wrong and what to do about it on this operating system.
 * No imports: the simulated bindings and the IPC contract (so the renderer too) take the state names from here.
 */

/** The states noble's `stateChange` reports (and the simulated bindings can be put in). */
export const NOBLE_ADAPTER_STATES = ['unknown', 'resetting', 'unsupported', 'unauthorized', 'poweredOff', 'poweredOn'] as const;
export type NobleAdapterState = (typeof NOBLE_ADAPTER_STATES)[number];

/** noble's states, and ours for "noble could not be loaded". The IPC contract's adapter states. */
export const ADAPTER_STATES = ['unavailable', ...NOBLE_ADAPTER_STATES] as const;
export type AdapterStateName = (typeof ADAPTER_STATES)[number];

export interface AdapterState {
  state: AdapterStateName;
  /** One line: what is wrong. */
  message: string;
  /** What to do about it, for this platform (empty when nothing needs doing). */
  fix: string;
  /** The underlying error, for diagnostics (e.g. "EAFNOSUPPORT"). */
  detail?: string;
}

/** `process.platform`: 'linux', 'darwin' and 'win32' get their own advice, any other gets the general one. */
export type Platform = string;

const FIX: Record<Exclude<AdapterStateName, 'poweredOn'>, Partial<Record<'linux' | 'darwin' | 'win32', string>> & { any: string }> = {
  unavailable: {
    linux:
      'No usable Bluetooth adapter was found. Plug in a Bluetooth 4.0 (LE) adapter or enable the built-in one (BIOS, `rfkill unblock bluetooth`), check it with `bluetoothctl show`, then restart Roller Companion.',
    darwin: 'No Bluetooth controller was found. Check System Settings → Bluetooth, then restart Roller Companion.',
    win32: 'No Bluetooth LE adapter was found. Check Device Manager → Bluetooth (a Bluetooth 4.0 adapter is needed), then restart Roller Companion.',
    any: 'No usable Bluetooth adapter was found. Connect a Bluetooth 4.0 (LE) adapter and restart Roller Companion.',
  },
  unknown: { any: 'Waiting for the Bluetooth adapter to report its state…' },
  resetting: { any: 'The Bluetooth adapter is restarting; it should be back in a moment.' },
  unsupported: {
    linux: 'This adapter does not support Bluetooth Low Energy. Use a Bluetooth 4.0 (LE) adapter; `hciconfig -a` shows what the adapter supports.',
    darwin: 'This Mac’s Bluetooth does not support Low Energy.',
    win32: 'This adapter does not support Bluetooth Low Energy. Windows 10 or later and a Bluetooth 4.0 (LE) adapter are needed.',
    any: 'This adapter does not support Bluetooth Low Energy.',
  },
  unauthorized: {
    linux:
      'Roller Companion may not use the Bluetooth adapter. With the raw HCI socket (ROLLER_BLE_BINDINGS=hci) it needs the raw-socket capability: `sudo setcap cap_net_raw+eip <path to the node binary>` (running from source); or leave ROLLER_BLE_BINDINGS unset to use BlueZ over D-Bus, which needs none.',
    darwin: 'Allow Roller Companion to use Bluetooth in System Settings → Privacy & Security → Bluetooth, then restart it.',
    win32: 'Allow apps to use Bluetooth in Settings → Privacy & security → Radios, then restart Roller Companion.',
    any: 'Roller Companion is not allowed to use Bluetooth. Grant it access in your system settings.',
  },
  poweredOff: {
    linux: 'Bluetooth is off. Turn it on in your desktop’s Bluetooth settings, or with `bluetoothctl power on` (and `rfkill unblock bluetooth` if it is blocked).',
    darwin: 'Bluetooth is off. Turn it on in Control Center or System Settings → Bluetooth.',
    win32: 'Bluetooth is off. Turn it on in Settings → Bluetooth & devices.',
    any: 'Bluetooth is off. Turn it on in your system settings.',
  },
};

const MESSAGE: Record<AdapterStateName, string> = {
  unavailable: 'Bluetooth unavailable',
  unknown: 'Bluetooth is starting',
  resetting: 'Bluetooth is restarting',
  unsupported: 'Bluetooth LE is not supported',
  unauthorized: 'Bluetooth access is not allowed',
  poweredOff: 'Bluetooth is off',
  poweredOn: 'Bluetooth is on',
};

export function describeAdapterState(state: AdapterStateName, platform: Platform, detail?: string): AdapterState {
  const base = detail ? `${MESSAGE[state]}: ${detail}` : MESSAGE[state];
  if (state === 'poweredOn') return { state, message: base, fix: '' };
  const fixes = FIX[state];
  const fix = (platform === 'linux' || platform === 'darwin' || platform === 'win32' ? fixes[platform] : undefined) ?? fixes.any;
  return detail ? { state, message: base, fix, detail } : { state, message: base, fix };
}

/** noble's state strings, checked (anything unexpected reads as `unknown`). */
export function adapterStateName(nobleState: string): AdapterStateName {
  return (NOBLE_ADAPTER_STATES as readonly string[]).includes(nobleState) ? (nobleState as NobleAdapterState) : 'unknown';
}
