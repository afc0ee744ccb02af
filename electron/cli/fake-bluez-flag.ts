/** `--fake-bluez` as the usage texts show it (light: the fake BlueZ itself is ./fake-bluez-option.ts). */
import type { FlagSpec } from './cli-args';

export const FAKE_BLUEZ_FLAG: FlagSpec = {
  kind: 'boolean',
  help: 'the simulated roller behind a fake BlueZ on a private D-Bus, paired through the real Bluetooth path (Linux; needs dbus-daemon)',
};
