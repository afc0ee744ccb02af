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
  try {
    return await command(rest, io);
  } catch (err) {
    const failure = failureExit(err);
    if (failure === null) throw err;
    if (failure.usage) return usageError(io, `roller ${name}`, failure.message, `run "roller ${name} --help" for its usage`);
    io.stderr.write(`roller ${name}: ${failure.message}\n`);
    return EXIT_FAILED;
  }
}

function usageError(io: CliIo, who: string, message: string, hint: string): number {
  io.stderr.write(`${who}: ${message}\n${hint}\n`);
  return EXIT_USAGE;
}
