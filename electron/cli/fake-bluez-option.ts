/**
 * `--fake-bluez` (`roller demo`, `serve`, `launch`; `npm run demo -- --fake-bluez`): the simulated
 * roller behind a fake BlueZ on a private dbus-daemon, as `npm run fake-bluez` starts it
 * (../ble/fake-bluez/), with DBUS_SYSTEM_BUS_ADDRESS pointing there, so the app pairs it through
 * its real Bluetooth path (BleSensorSource on noble over ../ble/bluez/) instead of the simulated
 * bindings. Stopping stops the daemon and puts the variable back.
 */
import type { NobleLoad } from '../ble/noble-loader';
import { bleBindingsChoice, loadDbusNoble } from '../ble/noble-loader';
import { startFakeBluezSession } from '../ble/fake-bluez';
import type { PeripheralSpec } from '../ble/sim-peripheral';
import { CliError } from './cli-args';

export const DBUS_ADDRESS_ENV = 'DBUS_SYSTEM_BUS_ADDRESS';

export interface RunningFakeBluez {
  /** The private bus (what DBUS_SYSTEM_BUS_ADDRESS now says). */
  readonly address: string;
  /** noble on BlueZ over that bus, made on first use (one D-Bus connection, closed by stop()). */
  loadNoble(): NobleLoad;
  /** Closes the app's D-Bus connection, stops the fake BlueZ and its daemon, restores the variable. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startFakeBluezForApp(peripheral: PeripheralSpec): Promise<RunningFakeBluez> {
  if (bleBindingsChoice() !== 'dbus') {
    throw new CliError(
      `--fake-bluez: the app reaches Bluetooth through BlueZ over D-Bus on Linux only (here it uses ${process.platform === 'linux' ? 'the raw HCI socket: unset ROLLER_BLE_BINDINGS' : `${process.platform}'s own Bluetooth`})`,
    );
  }
  let session;
  try {
    session = await startFakeBluezSession({ peripherals: [peripheral] });
  } catch (err) {
    throw new CliError(`--fake-bluez: ${(err as Error).message}`);
  }
  const before = process.env[DBUS_ADDRESS_ENV];
  process.env[DBUS_ADDRESS_ENV] = session.address;
  let load: NobleLoad | null = null;
  let stopped: Promise<void> | null = null;
  const s = session;
  return {
    address: s.address,
    loadNoble: () => (load ??= loadDbusNoble()),
    stop: () =>
      (stopped ??= (async () => {
        if (load?.ok) load.dispose?.();
        if (before === undefined) delete process.env[DBUS_ADDRESS_ENV];
        else process.env[DBUS_ADDRESS_ENV] = before;
        await s.stop();
      })()),
  };
}
