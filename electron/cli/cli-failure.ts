/**
 * The one place that tells an expected failure from a bug: a UsageError (the command was asked
 * wrongly: exit code 2), a CliError (bad files, a sensor not found) and a SessionStoreError (the
 * data folder or the database cannot be used: a folder named roller.sqlite, no permission, a
 * full disk, a newer schema …) become one line for `roller <command>: …`; those two exit with 1.
 * Anything else is a bug and keeps its stack trace.
 */
import { SessionStoreError } from '../session/store-error';
import { CliError, UsageError } from './cli-args';

/** Exit code: nothing was done because nothing needed doing (`sessions import` of a recording already stored). */
export const EXIT_NOTHING_TO_DO = 3;

const oneLine = (err: Error) => err.message.replace(/\s*\n\s*/g, ' ').trim();

/** The line to print for an expected failure, or null when `err` is a bug. */
export function expectedFailureMessage(err: unknown): string | null {
  if (err instanceof CliError || err instanceof SessionStoreError) return oneLine(err);
  return null;
}

/** An expected failure's line and whether it is a usage error (exit 2, else 1); null for a bug. */
export function failureExit(err: unknown): { message: string; usage: boolean } | null {
  const message = expectedFailureMessage(err);
  return message === null ? null : { message, usage: err instanceof UsageError };
}
