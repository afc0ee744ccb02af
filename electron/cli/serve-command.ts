/**
 * `roller serve [--port N] [--simulated]` — the app in a browser: serves the renderer and the
 * main-process services over a local WebSocket (127.0.0.1, a token per run) and prints the
 * address to open. `--simulated` picks the simulated roller at once (the demo). Runs until
 * stopped (Ctrl-C, SIGTERM, the terminal closed: ../app/stop-signals.ts) or `--seconds` pass; a
 * running session is then ended `completed` and stored.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRollerApp } from '../app/create-roller-app';
import { startBrowserHost } from '../host/browser-host';
import { CliError, UsageError, numberFlag, parseArgs } from './cli-args';
import type { CliIo } from './cli-io';
import { SERVE_USAGE } from './serve-usage';
import { untilStopped } from '../app/stop-signals';

export const SERVE_FLAGS = SERVE_USAGE.flags;

export const RENDERER_BUILD_DIR = resolve(fileURLToPath(new URL('../../out/renderer', import.meta.url)));

export async function serveCommand(argv: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const args = parseArgs(argv, SERVE_FLAGS);
  if (args.positional.length > 0) throw new UsageError(`serve takes no arguments, got: ${args.positional.join(' ')}`);
  // The store first: a data folder that cannot be used is a SessionStoreError, one line (cli-failure.ts).
  const app = createRollerApp({ host: 'browser', ...(io.log ? { log: io.log } : {}) });
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
  if (args.flags.has('simulated')) await app.handle('sensors.useSimulated', {});
  io.stdout.write(`Roller Companion is running. Open this address in a browser:\n\n  ${host.url}\n\n(only this computer can reach it; press Ctrl-C to stop)\n`);
  await untilStopped({ seconds: numberFlag(args, 'seconds'), abort: signal });
  await host.close();
  await app.dispose();
  return 0;
}
