/**
 * `--verbose`, taken by every command: the support log (../app/support-log.ts, in the data
 * folder) takes debug lines too, and every line it writes is also printed on stderr. cli-main.ts
 * reads the flag before the command runs; each command's flag table lists it so the parser takes
 * it and the usage texts show it.
 */
import type { FlagSpec } from './cli-args';

export const VERBOSE_FLAG: FlagSpec = { kind: 'boolean', help: 'debug lines of the support log on stderr too (the log is logs/support.log in the data folder)' };

/** Whether the command's arguments (before a `--` that ends the flags) ask for --verbose. */
export function asksForVerbose(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--verbose');
}
