/**
 * What BlueZ's answers mean for the user: every condition of the Linux Bluetooth service, seen
 * over the system D-Bus, as an adapter state with a plain message and its fix. Pure: the
 * caller hands in what the bus said (an error name, the adapter's `PowerState`).
 *
 * | condition                         | seen as                                               | state         |
 * |-----------------------------------|-------------------------------------------------------|---------------|
 * | no system bus                     | connect error (ENOENT / ECONNREFUSED on the socket)    | `unavailable` |
 * | BlueZ not running                 | `org.freedesktop.DBus.Error.ServiceUnknown` / `NameHasNoOwner` | `unavailable` |
 * | D-Bus policy refuses us           | `org.freedesktop.DBus.Error.AccessDenied`              | `unauthorized` |
 * | no adapter                        | no object with `org.bluez.Adapter1`                    | `unavailable` |
 * | adapter off                       | `Powered` false, `PowerState` `off`                    | `poweredOff`  |
 * | adapter blocked (rfkill)          | `PowerState` `off-blocked`                             | `poweredOff`  |
 * | sensor connected elsewhere        | `Device1.Connect` fails: `le-connection-abort-by-local`, page timeout, in progress | (connect error) |
 */
import type { AdapterState } from '../adapter-state';

export type BluezCondition = 'no-bus' | 'bluez-absent' | 'access-denied' | 'no-adapter' | 'powered-off' | 'blocked' | 'other';

const CONDITIONS: Readonly<Record<Exclude<BluezCondition, 'other'>, Omit<AdapterState, 'detail'>>> = {
  'no-bus': {
    state: 'unavailable',
    message: 'Bluetooth unavailable: the system message bus (D-Bus) cannot be reached',
    fix: 'Roller Companion talks to Bluetooth through the system D-Bus. Check that it runs (`systemctl status dbus`); when DBUS_SYSTEM_BUS_ADDRESS is set, check that it points at a running bus.',
  },
  'bluez-absent': {
    state: 'unavailable',
    message: 'Bluetooth unavailable: the Bluetooth service (BlueZ) is not running',
    fix: 'Install and start BlueZ: `sudo apt install bluez` (or your distribution’s package), then `sudo systemctl enable --now bluetooth`, and restart Roller Companion.',
  },
  'access-denied': {
    state: 'unauthorized',
    message: 'Bluetooth access is not allowed: the system D-Bus policy refuses this user access to BlueZ',
    fix: 'Allow your user to use Bluetooth: on most distributions, add it to the `bluetooth` group (`sudo usermod -aG bluetooth $USER`, then log out and in); in a container or sandbox, give it access to the system bus and org.bluez.',
  },
  'no-adapter': {
    state: 'unavailable',
    message: 'Bluetooth unavailable: BlueZ runs but has no Bluetooth adapter',
    fix: 'Plug in a Bluetooth 4.0 (LE) adapter or enable the built-in one (BIOS, `rfkill unblock bluetooth`), check it with `bluetoothctl list`, then restart Roller Companion.',
  },
  'powered-off': {
    state: 'poweredOff',
    message: 'Bluetooth is off',
    fix: 'Turn it on in your desktop’s Bluetooth settings, or with `bluetoothctl power on`.',
  },
  blocked: {
    state: 'poweredOff',
    message: 'Bluetooth is off: the adapter is blocked (rfkill, airplane mode)',
    fix: 'Unblock it: turn airplane mode off or run `rfkill unblock bluetooth`, then `bluetoothctl power on`.',
  },
};

/** D-Bus error names (and socket errors) → condition. */
export function conditionOfBusError(err: unknown): BluezCondition {
  const e = err as { type?: unknown; code?: unknown; name?: unknown } | null;
  const type = typeof e?.type === 'string' ? e.type : '';
  const code = typeof e?.code === 'string' ? e.code : '';
  if (type === 'org.freedesktop.DBus.Error.ServiceUnknown' || type === 'org.freedesktop.DBus.Error.NameHasNoOwner') return 'bluez-absent';
  if (type === 'org.freedesktop.DBus.Error.AccessDenied') return 'access-denied';
  if (code === 'ENOENT' || code === 'ECONNREFUSED' || code === 'EACCES') return 'no-bus';
  return 'other';
}

/** The adapter's `PowerState` (BlueZ ≥ 5.64; older ones only have `Powered`) → condition, or null when on. */
export function conditionOfPower(powered: boolean, powerState: string | undefined): BluezCondition | null {
  if (powerState === 'off-blocked') return 'blocked';
  if (powered) return null;
  return 'powered-off';
}

/** The adapter state for a condition; `detail` is what the bus said, for diagnostics. */
export function describeBluezCondition(condition: BluezCondition, detail?: string): AdapterState {
  if (condition === 'other') {
    return {
      state: 'unavailable',
      message: `Bluetooth unavailable: BlueZ did not answer as expected${detail ? ` (${detail})` : ''}`,
      fix: 'Check the Bluetooth service with `systemctl status bluetooth` and `bluetoothctl show`, then restart Roller Companion.',
      ...(detail ? { detail } : {}),
    };
  }
  const base = CONDITIONS[condition];
  return detail ? { ...base, detail } : { ...base };
}

/** BlueZ's words for a connection that was never made because the sensor did not answer. */
const UNANSWERED_CONNECT = [/le-connection-abort-by-local/i, /page timeout/i, /connection timed out/i, /software caused connection abort/i, /org\.bluez\.Error\.InProgress/i, /in progress/i];

/**
 * A failed `Device1.Connect` in plain words. A small sensor that answers nobody is almost
 * always connected to another central (a phone, another computer), which it serves alone.
 */
export function describeConnectFailure(err: unknown): string {
  const e = err as { type?: unknown; text?: unknown; message?: unknown } | null;
  const said = [e?.type, e?.text, e?.message].filter((x): x is string => typeof x === 'string' && x.length > 0).join(': ');
  if (UNANSWERED_CONNECT.some((re) => re.test(said))) {
    return `the sensor did not answer the connection (${said}): it is probably connected to another device (a phone, another computer, another app). Disconnect it there, or switch the sensor off and on, then try again.`;
  }
  return `BlueZ could not connect to the sensor (${said || String(err)})`;
}
