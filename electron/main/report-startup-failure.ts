/**
 * Tells a failure of startup-failure.ts and ends the app: the log entry goes to stderr and to
 * `startup-error.log` in the data folder (when it can be written), a native error dialog shows
 * what happened and where the data is, then the app exits with code 1. Only the first failure
 * is told this way; any later one (a failed load is also a rejected `loadURL`) goes to stderr.
 * Never throws: a dialog or a log that fails does not stop the exit.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SupportLog } from '../app/support-log';
import { describeStartupFailure, dialogText, type StartupFailure } from './startup-failure';

export interface FailureElectron {
  dialog: { showErrorBox(title: string, content: string): void };
  app: { exit(exitCode?: number): void };
}

export interface FailureReporterOptions {
  electron: FailureElectron;
  /** The data folder, or null while it is not known. */
  dataDir(): string | null;
  stderr?: { write(text: string): unknown };
  appendLog?: (file: string, text: string) => void;
  now?: () => Date;
  /** The support log, once there is one: the failure goes there too (at once: the app exits next). */
  supportLog?: () => (SupportLog & { errorNow?: SupportLog['error'] }) | null;
}

function appendToFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, text);
}

export function createFailureReporter(o: FailureReporterOptions): (failure: StartupFailure) => void {
  const stderr = o.stderr ?? process.stderr;
  const appendLog = o.appendLog ?? appendToFile;
  const now = o.now ?? (() => new Date());
  let told = false;
  return (failure) => {
    let log: (SupportLog & { errorNow?: SupportLog['error'] }) | null = null;
    try {
      log = o.supportLog?.() ?? null;
    } catch {
      log = null;
    }
    try {
      const report = describeStartupFailure(failure, { dataDir: o.dataDir(), at: now() });
      try {
        (log?.errorNow ?? log?.error)?.call(log, 'start-up failure', { kind: failure.kind, title: report.title, first: !told });
      } catch {
        // the support log is extra: the dialog and the exit go on
      }
      stderr.write(told ? `(after the first failure) ${report.logEntry}` : report.logEntry);
      if (told) return;
      told = true;
      let logWritten = false;
      if (report.logFile) {
        try {
          appendLog(report.logFile, `${report.logEntry}\n`);
          logWritten = true;
        } catch (err) {
          stderr.write(`could not write ${report.logFile}: ${err instanceof Error ? err.message : String(err)}\n`);
        }
      }
      try {
        o.electron.dialog.showErrorBox(report.title, dialogText(report, logWritten));
      } catch (err) {
        stderr.write(`could not show the error dialog: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    } catch (err) {
      try {
        stderr.write(`could not report a startup failure: ${err instanceof Error ? err.message : String(err)}\n`);
      } catch {
        // nothing left to tell it with
      }
    }
    o.electron.app.exit(1);
  };
}
