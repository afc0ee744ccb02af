/**
 * The `roller` command line: dispatches sub-commands (./command-table.ts), prints usage
 * (`roller help [command]`, `roller <command> --help`) and the version, and turns every expected
 * failure into one message on stderr and an exit code (./cli-failure.ts): 2 for a command asked
 * wrongly (with the nearest known name for a typo), 1 for work that failed.
 */
import { version } from '../../package.json';
import { failureExit } from './cli-failure';
import type { CliIo } from './cli-io';
import { COMMAND_NAMES, COMMAND_TABLE, findCommand } from './command-table';
import { commandHelp, mainUsage } from './command-usage';
import { didYouMean } from './suggest';
import { asksForVerbose } from './verbose-flag';
import { SessionStoreError } from '../session/store-error';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export { EXIT_NOTHING_TO_DO } from './cli-failure';

const HELP_FLAGS = ['--help', '-h'];

/** Whether `argv` asks for help (before a `--` that ends the flags). */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => HELP_FLAGS.includes(a));
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const usage = mainUsage(COMMAND_TABLE.map((c) => c.usage));
  if (!name) {
    io.stderr.write(usage);
    return EXIT_USAGE;
  }
  if (name === 'help' || HELP_FLAGS.includes(name)) {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic === undefined) {
      io.stdout.write(usage);
      return EXIT_OK;
    }
    const entry = findCommand(topic);
    if (!entry) return usageError(io, 'roller help', `unknown command "${topic}"${didYouMean(topic, COMMAND_NAMES)}`, 'run "roller help" for the commands');
    io.stdout.write(commandHelp(entry.usage));
    return EXIT_OK;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`roller ${version}\n`);
    return EXIT_OK;
  }
  const entry = findCommand(name);
  if (!entry) return usageError(io, 'roller', `unknown command "${name}"${didYouMean(name, COMMAND_NAMES)}`, 'run "roller help" for the commands');
  if (asksForHelp(rest)) {
    io.stdout.write(commandHelp(entry.usage));
    return EXIT_OK;
  }
  const command = await entry.load();
  const opened = io.log ? null : await openCommandLog(io, asksForVerbose(rest));
  const log = io.log ?? opened!;
  log.debug('roller command', {
    command: name,
    flags: rest
      .filter((a) => a.startsWith('--'))
      .map((a) => a.split('=')[0])
      .join(' '),
  });
  try {
    const code = await command(rest, { ...io, log });
    log.debug('roller command ended', { command: name, exit: code });
    return code;
  } catch (err) {
    const failure = failureExit(err);
    if (failure === null) {
      log.error('roller command failed: a bug', { command: name, error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
    if (failure.usage) return usageError(io, `roller ${name}`, failure.message, `run "roller ${name} --help" for its usage`);
    // The store's own failures (a damaged database, a full disk) are for support; others name the user's files.
    if (err instanceof SessionStoreError) log.error('store notice', { command: name, notice: failure.message });
    else log.info('roller command failed', { command: name, exit: EXIT_FAILED });
    io.stderr.write(`roller ${name}: ${failure.message}\n`);
    return EXIT_FAILED;
  } finally {
    await opened?.close();
  }
}

/** The support log in the command's data folder (loaded only when a command runs, not for --help). */
async function openCommandLog(io: CliIo, verbose: boolean) {
  const { openSupportLog } = await import('../app/support-log');
  const { resolveDataDir } = await import('../session/data-dir');
  // A log that cannot be written is said on stderr with --verbose only: a command's own failure stays one line.
  const quiet = { write: () => true };
  return openSupportLog({
    dataDir: resolveDataDir({ env: io.env ?? process.env }).dir,
    level: verbose ? 'debug' : 'info',
    ...(verbose ? { echo: io.stderr } : {}),
    stderr: verbose ? io.stderr : quiet,
  });
}

function usageError(io: CliIo, who: string, message: string, hint: string): number {
  io.stderr.write(`${who}: ${message}\n${hint}\n`);
  return EXIT_USAGE;
}
