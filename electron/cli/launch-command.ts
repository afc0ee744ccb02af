/**
 * `roller launch [--demo]` (what `npm run demo` and `npm start` call): the desktop app in
 * Electron where its binary is installed; otherwise — an offline CI machine, a machine where
 * Electron's download was skipped — the same app through the browser host, printing the address
 * to open. `--demo` picks the simulated roller at once; `--fake-bluez` (`npm run demo -- --fake-bluez`)
 * serves it from a fake BlueZ on a private D-Bus that the app pairs through its real Bluetooth
 * path, the daemon stopped when the app ends.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CliError, UsageError, parseArgs } from './cli-args';
import type { CliIo } from './cli-io';
import { LAUNCH_USAGE } from './launch-usage';
import { serveCommand } from './serve-command';
import { onStopSignal } from '../app/stop-signals';
import { DEFAULT_SIMULATED_SCENARIO } from '../sim/default-scenario';
import { DBUS_ADDRESS_ENV, startFakeBluezForApp } from './fake-bluez-option';

export const LAUNCH_FLAGS = LAUNCH_USAGE.flags;

const MAIN_BUNDLE = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));

/** The Electron binary's path, or null when it is not installed. */
export function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export async function launchCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, LAUNCH_FLAGS);
  if (args.positional.length > 0) throw new UsageError(`launch takes no arguments, got: ${args.positional.join(' ')}`);
  const demo = args.flags.has('demo');
  const fakeBluez = args.flags.has('fake-bluez');
  const electron = electronBinary();
  if (electron) {
    if (!existsSync(MAIN_BUNDLE)) throw new CliError('the app is not built yet: run "npm run build" first');
    // The fake BlueZ runs in this process, for as long as the app does.
    const fake = fakeBluez ? await startFakeBluezForApp({ kind: 'roller', scenario: DEFAULT_SIMULATED_SCENARIO, localName: 'Roller (simulated)' }) : null;
    try {
      io.stdout.write(`Starting Roller Companion${fake ? ` with the simulated roller over a fake BlueZ (${DBUS_ADDRESS_ENV}=${fake.address})` : demo ? ' with the simulated roller' : ''}…\n`);
      const child = spawn(electron, [MAIN_BUNDLE], {
        stdio: 'inherit',
        env: { ...process.env, ...(fake ? { ROLLER_DEMO: 'fake-bluez', [DBUS_ADDRESS_ENV]: fake.address } : demo ? { ROLLER_DEMO: '1' } : {}) },
      });
      // Ctrl-C, SIGTERM, a closed terminal: the app stops itself (and so this process after it).
      const offSignals = onStopSignal(() => child.kill('SIGTERM'));
      return await new Promise<number>((done) => child.on('exit', (code) => done(code ?? 0))).finally(offSignals);
    } finally {
      await fake?.stop();
    }
  }
  io.stdout.write("Electron's binary is not installed here, so the app runs in your browser instead.\n");
  const port = args.flags.get('port');
  return serveCommand([...(fakeBluez ? ['--fake-bluez'] : demo ? ['--simulated'] : []), ...(typeof port === 'number' ? ['--port', String(port)] : [])], io);
}
