import type { SupportLog } from '../app/support-log';

/** The CLI's view of its streams and environment, so commands run the same from the shell and from tests. */
export interface CliIo {
  /** `isTTY`: the output goes to a terminal (process.stdout sets it; a pipe, a file or a test does not). */
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
  /** The environment (default process.env): ROLLER_DATA_DIR … */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * The support log (cli-main opens the one in the data folder for each command, at debug level
   * and echoed on stderr with --verbose); default: none.
   */
  log?: SupportLog & { readonly file?: string; erase?(): Promise<void> };
}
