/**
 * What the user is told when the desktop app cannot start or its window cannot show the app:
 * the session store does not open, a file of the build is missing, the page does not load, the
 * page's process ends. One failure gives a dialog title and text (what happened, what to do, the
 * data folder and that the data in it is kept) and one log entry (for stderr and for
 * `startup-error.log` in the data folder). Pure: report-startup-failure.ts does the telling.
 */
import { join } from 'node:path';

export const STARTUP_LOG_FILE_NAME = 'startup-error.log';

export type StartupFailure =
  /** The session store could not be opened (createRollerApp threw). */
  | { kind: 'store'; error: unknown }
  /** A file of the build is not there. */
  | { kind: 'missing-file'; what: 'preload' | 'page'; path: string }
  /** The window's page did not load (`did-fail-load` of the main frame, or `loadURL` failed). */
  | { kind: 'load-failed'; url: string; code: number; description: string }
  /** The page's process ended (`render-process-gone`). */
  | { kind: 'renderer-gone'; reason: string; exitCode: number }
  /** Anything else that ended `main()`. */
  | { kind: 'unexpected'; error: unknown };

export interface StartupFailureReport {
  title: string;
  /** What happened, what to do and where the data is; the dialog adds the log's place (dialogText). */
  message: string;
  /** `startup-error.log` in the data folder, or null when the data folder is not known. */
  logFile: string | null;
  /** One entry for stderr and the log file: time, what happened, the error's stack. */
  logEntry: string;
}

const REINSTALL = 'The installation is incomplete or damaged: install Roller Companion again (from source: `npm run build`).';

const GONE: Readonly<Record<string, string>> = {
  crashed: 'crashed',
  oom: 'ran out of memory',
  killed: 'was ended by another program',
  'launch-failed': 'could not be started',
  'integrity-failure': "failed Windows' code integrity check",
  'abnormal-exit': 'ended abnormally',
  'memory-eviction': 'was ended to free memory',
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorDetail(error: unknown): string | null {
  return error instanceof Error && error.stack ? error.stack : null;
}

function whatHappened(f: StartupFailure): { title: string; text: string; detail: string | null } {
  switch (f.kind) {
    case 'store':
      return {
        title: 'Roller Companion cannot open its data',
        text: `The session database could not be opened: ${errorText(f.error)}\n\nCheck that the data folder below exists and that you may write to it; or start the app with ROLLER_DATA_DIR set to another folder.`,
        detail: errorDetail(f.error),
      };
    case 'missing-file':
      return {
        title: 'Roller Companion is incomplete',
        text: `The app's ${f.what === 'preload' ? 'bridge script (preload)' : 'page'} is missing: ${f.path}\n\n${REINSTALL}`,
        detail: null,
      };
    case 'load-failed':
      return {
        title: 'Roller Companion cannot show its window',
        text: `The window could not load ${f.url}: ${f.description || 'unknown error'} (${f.code}).\n\n${REINSTALL}`,
        detail: null,
      };
    case 'renderer-gone':
      return {
        title: 'Roller Companion’s window stopped',
        text: `The window's page ${GONE[f.reason] ?? `ended (${f.reason})`}, exit code ${f.exitCode}. The app closes now; start it again. A session being recorded is kept (all but its last second) and shows as interrupted.`,
        detail: null,
      };
    case 'unexpected':
      return { title: 'Roller Companion could not start', text: `Starting failed: ${errorText(f.error)}`, detail: errorDetail(f.error) };
  }
}

export function describeStartupFailure(failure: StartupFailure, where: { dataDir: string | null; at: Date }): StartupFailureReport {
  const { title, text, detail } = whatHappened(failure);
  const data = where.dataDir ? `Your data (recorded sessions, profile, settings) is kept in:\n${where.dataDir}` : 'The data folder was not known yet; nothing was read or written.';
  const logFile = where.dataDir ? join(where.dataDir, STARTUP_LOG_FILE_NAME) : null;
  const logEntry = [`[${where.at.toISOString()}] ${title} (${failure.kind})`, text, ...(detail ? [detail] : []), where.dataDir ? `data folder: ${where.dataDir}` : 'data folder: not known', ''].join(
    '\n',
  );
  return { title, message: `${text}\n\n${data}`, logFile, logEntry };
}

/** The dialog's text: the message, and where the details were written when the log could be written. */
export function dialogText(report: StartupFailureReport, logWritten: boolean): string {
  return logWritten && report.logFile ? `${report.message}\n\nDetails: ${report.logFile}` : report.message;
}

/** Chromium's net error for a load that was cancelled (by another navigation, a redirect, a stop). */
export const ERR_ABORTED = -3;

/** A `did-fail-load` worth telling: the main frame's, and not an aborted load (another navigation took over). */
export function loadFailure(e: { code: number; description: string; url: string; isMainFrame: boolean }): StartupFailure | null {
  if (!e.isMainFrame || e.code === ERR_ABORTED) return null;
  return { kind: 'load-failed', url: e.url, code: e.code, description: e.description };
}

/** A `render-process-gone` worth telling: any but a clean exit. */
export function rendererGone(details: { reason: string; exitCode: number }): StartupFailure | null {
  return details.reason === 'clean-exit' ? null : { kind: 'renderer-gone', reason: details.reason, exitCode: details.exitCode };
}
