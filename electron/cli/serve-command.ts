/**
 * `roller serve [--port N] [--simulated] [--fake-bluez]` — the app in a browser: serves the renderer
 * and the main-process services over a local WebSocket (127.0.0.1, a token per run) and prints the
 * address to open. `--simulated` picks the simulated roller at once (the demo); `--fake-bluez`
 * serves it from a fake BlueZ on a private D-Bus and pairs it through the real Bluetooth path
 * (./fake-bluez-option.ts), the daemon stopped when serve stops. Runs until
 * stopped (Ctrl-C, SIGTERM, the terminal closed: ../app/stop-signals.ts) or `--seconds` pass; a
 * running session is then ended `completed` and stored.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRollerApp } from '../app/create-roller-app';
import { startBrowserHost } from '../host/browser-host';
import { CliError, UsageError, numberFlag, parseArgs, type ParsedArgs } from './cli-args';
import { pairFirstRoller } from '../app/pair-first-roller';
import { realScheduler } from '../ble/scheduler';
import { DEFAULT_SIMULATED_SCENARIO } from '../sim/default-scenario';
import { DBUS_ADDRESS_ENV, startFakeBluezForApp, type RunningFakeBluez } from './fake-bluez-option';
import type { CliIo } from './cli-io';
import { SERVE_USAGE } from './serve-usage';
import { untilStopped } from '../app/stop-signals';

export const SERVE_FLAGS = SERVE_USAGE.flags;

export const RENDERER_BUILD_DIR = resolve(fileURLToPath(new URL('../../out/renderer', import.meta.url)));

export async function serveCommand(argv: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const args = parseArgs(argv, SERVE_FLAGS);
  if (args.positional.length > 0) throw new UsageError(`serve takes no arguments, got: ${args.positional.join(' ')}`);
  if (args.flags.has('simulated') && args.flags.has('fake-bluez')) throw new UsageError('the simulated roller comes either directly (--simulated) or over the fake BlueZ (--fake-bluez), not both');
  // The fake BlueZ first: the app's system Bluetooth is then noble over its private bus.
  const fake = args.flags.has('fake-bluez') ? await startFakeBluezForApp({ kind: 'roller', scenario: DEFAULT_SIMULATED_SCENARIO, localName: 'Roller (simulated)' }) : null;
  try {
    return await serveApp(args, io, fake, signal);
  } finally {
    await fake?.stop();
  }
}

async function serveApp(args: ParsedArgs, io: CliIo, fake: RunningFakeBluez | null, signal?: AbortSignal): Promise<number> {
  // The store first: a data folder that cannot be used is a SessionStoreError, one line (cli-failure.ts).
  const app = createRollerApp({ host: 'browser', ...(io.log ? { log: io.log } : {}), ...(fake ? { loadSystemNoble: () => fake.loadNoble() } : {}) });
  if (!existsSync(join(RENDERER_BUILD_DIR, 'index.html'))) {
    await app.dispose();
    throw new CliError(`the app is not built yet (${RENDERER_BUILD_DIR} is missing): run "npm run build" first`);
  }
  const port = numberFlag(args, 'port') ?? 0;
  let host;
  try {
    host = await startBrowserHost({ app, rendererDir: RENDERER_BUILD_DIR, port });
  } catch (err) {
    await app.dispose();
    throw new CliError(`cannot listen on 127.0.0.1:${port}: ${(err as Error).message}`);
  }
  app.start();
  try {
    if (args.flags.has('simulated')) await app.handle('sensors.useSimulated', {});
    if (fake) {
      const id = await pairFirstRoller(app, { scheduler: realScheduler }).catch((err: Error) => {
        throw new CliError(`--fake-bluez: ${err.message}`);
      });
      io.stdout.write(`The simulated roller (${id}) is paired through BlueZ over a private D-Bus (${DBUS_ADDRESS_ENV}=${fake.address}).\n`);
    }
    io.stdout.write(`Roller Companion is running. Open this address in a browser:\n\n  ${host.url}\n\n(only this computer can reach it; press Ctrl-C to stop)\n`);
    await untilStopped({ seconds: numberFlag(args, 'seconds'), abort: signal });
  } finally {
    await host.close();
    await app.dispose();
  }
  return 0;
}
