/**
 * `roller launch [--demo]` (what `npm run demo` and `npm start` call): the desktop app in
 * Electron where its binary is installed; otherwise — an offline CI machine, a machine where
 * Electron's download was skipped — the same app through the browser host, printing the address
 * to open. `--demo` picks the simulated roller at once.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CliError, UsageError, parseArgs } from './cli-args';
import type { CliIo } from './cli-io';
import { LAUNCH_USAGE } from './launch-usage';
import { serveCommand } from './serve-command';

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
  const electron = electronBinary();
  if (electron) {
    if (!existsSync(MAIN_BUNDLE)) throw new CliError('the app is not built yet: run "npm run build" first');
    io.stdout.write(`Starting Roller Companion${demo ? ' with the simulated roller' : ''}…\n`);
    const child = spawn(electron, [MAIN_BUNDLE], { stdio: 'inherit', env: { ...process.env, ...(demo ? { ROLLER_DEMO: '1' } : {}) } });
    return new Promise((done) => child.on('exit', (code) => done(code ?? 0)));
  }
  io.stdout.write("Electron's binary is not installed here, so the app runs in your browser instead.\n");
  const port = args.flags.get('port');
  return serveCommand([...(demo ? ['--simulated'] : []), ...(typeof port === 'number' ? ['--port', String(port)] : [])], io);
}
