/**
 * The one place that tells an expected failure from a bug: a CliError (bad flags, bad files)
 * and a SessionStoreError (the data folder or the database cannot be used: a folder named
 * roller.sqlite, no permission, a full disk, a newer schema …) become one line for
 * `roller <command>: …` and exit code 1. Anything else is a bug and keeps its stack trace.
 */
import { SessionStoreError } from '../session/store-error';
import { CliError } from './cli-args';

/** The line to print for an expected failure, or null when `err` is a bug. */
export function expectedFailureMessage(err: unknown): string | null {
  if (err instanceof CliError || err instanceof SessionStoreError) return err.message.replace(/\s*\n\s*/g, ' ').trim();
  return null;
}
