/**
 * The support log: a small, bounded, rotating text log in the data folder (`logs/support.log`,
 * then `support1.log`, `support2.log`; at most 1 MB each, 3 files) that a user can send when
 * asking for help. The files are written and rotated by rotating-file-stream (size rotation,
 * classical logrotate naming: the newest lines are always in `support.log`); levels and the
 * line format are this module's.
 *
 * The rest of the app takes a {@link SupportLog} by injection (tests pass {@link memorySupportLog});
 * only this module knows about files. What goes in: adapter states, scans, connection
 * transitions, reconnects and gaps, rejected frames (summarised), store notices and start-up
 * failures — never a profile figure, a name typed by the user or a note; the sensor's id is
 * the one identifier.
 *
 * Nothing from here can stop the app: every call returns normally. A folder that cannot be
 * written (read-only, full disk) makes the log go quiet (said once on stderr); a file that
 * cannot keep up drops lines beyond a bounded backlog and says how many it dropped.
 */
import { appendFileSync, closeSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { realScheduler, type Scheduler } from '../ble/scheduler';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Plain values only: ids, counts, states, reasons. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface SupportLog {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
}

export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];
const RANK: Readonly<Record<LogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };

export const SUPPORT_LOG_DIR_NAME = 'logs';
export const SUPPORT_LOG_FILE_NAME = 'support.log';
/** At most this many files of at most this many bytes (a line may carry the last file a little past it). */
export const SUPPORT_LOG_LIMITS = { maxBytesPerFile: 1_000_000, maxFiles: 3 } as const;
/** A longer message is cut here, so one line cannot take a file. */
export const MAX_MESSAGE_CHARS = 1000;

/** `<data folder>/logs/support.log`: the file with the newest lines. */
export function supportLogPath(dataDir: string): string {
  return join(dataDir, SUPPORT_LOG_DIR_NAME, SUPPORT_LOG_FILE_NAME);
}

/** The log's files, oldest first (`support2.log`, `support1.log`, `support.log` for 3 files). */
export function supportLogFiles(dataDir: string, maxFiles: number = SUPPORT_LOG_LIMITS.maxFiles): string[] {
  const dir = join(dataDir, SUPPORT_LOG_DIR_NAME);
  const stem = SUPPORT_LOG_FILE_NAME.replace(/\.log$/, '');
  const files = [join(dir, SUPPORT_LOG_FILE_NAME)];
  for (let i = 1; i < maxFiles; i++) files.unshift(join(dir, `${stem}${i}.log`));
  return files;
}

const fieldValue = (v: string | number | boolean | null): string => {
  const s = String(v);
  return /^[^\s"=]+$/.test(s) ? s : JSON.stringify(s);
};

/** One line: `2026-12-03T12:00:00.000Z WARN  connection lost device=ab:cd reason="timed out"`. */
export function formatLogLine(at: Date, level: LogLevel, message: string, fields?: LogFields): string {
  const text = message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
  const extra = Object.entries(fields ?? {})
    .filter((e): e is [string, string | number | boolean | null] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}=${fieldValue(v)}`)
    .join('');
  const time = Number.isNaN(at.getTime()) ? 'no-time' : at.toISOString();
  // One entry per line, whatever the message holds.
  return `${time} ${level.toUpperCase().padEnd(5)} ${text}${extra}`.replace(/\r?\n|\r/g, ' ⏎ ');
}

/** A log that keeps nothing (a default where no log was given). */
export const silentLog: SupportLog = { error() {}, warn() {}, info() {}, debug() {} };

/** For tests: the formatted lines in memory (level filter as the file's). */
export function memorySupportLog(o: { level?: LogLevel; now?: () => Date } = {}): SupportLog & { readonly lines: string[] } {
  const lines: string[] = [];
  const level = o.level ?? 'debug';
  const at = o.now ?? (() => new Date(0));
  const write = (l: LogLevel) => (message: string, fields?: LogFields) => {
    if (RANK[l] <= RANK[level]) lines.push(formatLogLine(at(), l, message, fields));
  };
  return { lines, error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}

export interface OpenSupportLogOptions {
  dataDir: string;
  /** The lowest level written (default info; `roller … --verbose`: debug). */
  level?: LogLevel;
  /** Every line written is also written here (`--verbose`: stderr). */
  echo?: { write(text: string): unknown };
  /** Where the log says, once, that it cannot write its file (default process.stderr). */
  stderr?: { write(text: string): unknown };
  now?: () => Date;
  maxBytesPerFile?: number;
  maxFiles?: number;
  /** For close()'s bound (default the real clock). */
  scheduler?: Scheduler;
  /** close() gives up waiting for the file after this long, ms (a full disk never finishes a write). */
  closeTimeoutMs?: number;
}

export interface FileSupportLog extends SupportLog {
  /** The file with the newest lines. */
  readonly file: string;
  /** Why the file is not being written (null while it is, or has not been tried yet). */
  readonly problem: string | null;
  /** The last `n` lines in the files (what has reached them). */
  tail(n: number): string[];
  /**
   * An error line appended to the file before this returns (the process is about to end: a
   * start-up failure). Lines still on their way may land after it.
   */
  errorNow(message: string, fields?: LogFields): void;
  /** Writes what is pending and closes the file; later lines are not kept. */
  close(): Promise<void>;
  /** Closes the file and removes every file of the log ("Erase all my data"); later lines start a new one. */
  erase(): Promise<void>;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Bytes waiting for the file beyond this are dropped (and counted) rather than kept in memory. */
const MAX_PENDING_BYTES = 256 * 1024;

/**
 * The support log in `dataDir`. The folder and file are made on the first line written, so a
 * command that logs nothing leaves no trace.
 */
export function openSupportLog(o: OpenSupportLogOptions): FileSupportLog {
  const level = o.level ?? 'info';
  const now = o.now ?? (() => new Date());
  const maxBytesPerFile = o.maxBytesPerFile ?? SUPPORT_LOG_LIMITS.maxBytesPerFile;
  const maxFiles = Math.max(1, o.maxFiles ?? SUPPORT_LOG_LIMITS.maxFiles);
  const file = supportLogPath(o.dataDir);
  let stream: RotatingFileStream | null = null;
  let problem: string | null = null;
  let closed = false;
  let dropped = 0;

  const giveUp = (err: unknown) => {
    if (problem !== null) return;
    problem = errorText(err);
    try {
      (o.stderr ?? process.stderr).write(`Roller Companion: the support log cannot be written (${file}): ${problem}; going on without it\n`);
    } catch {
      // nothing left to tell it with
    }
  };

  const open = (): RotatingFileStream | null => {
    if (stream || problem !== null) return stream;
    try {
      // Fail here, at once, when the file cannot be opened for appending (read-only, a folder in the way).
      mkdirSync(dirname(file), { recursive: true });
      closeSync(openSync(file, 'a'));
      const stem = SUPPORT_LOG_FILE_NAME.replace(/\.log$/, '');
      // Classical rotation: support.log → support1.log → support2.log, the oldest removed.
      const s = createStream((index: number | Date | null) => (typeof index === 'number' && index > 0 ? `${stem}${index}.log` : SUPPORT_LOG_FILE_NAME), {
        path: dirname(file),
        size: `${maxBytesPerFile}B`,
        ...(maxFiles > 1 ? { rotate: maxFiles - 1 } : {}),
      });
      s.on('error', giveUp);
      stream = s;
    } catch (err) {
      giveUp(err);
    }
    return stream;
  };

  const write = (l: LogLevel) => (message: string, fields?: LogFields) => {
    try {
      if (RANK[l] > RANK[level] || closed) return;
      const line = formatLogLine(now(), l, message, fields);
      if (o.echo) {
        try {
          o.echo.write(`${line}\n`);
        } catch {
          // an echo that fails is no reason to stop
        }
      }
      const target = open();
      if (!target || problem !== null || target.destroyed) return;
      if (target.writableLength >= MAX_PENDING_BYTES) {
        dropped++;
        return;
      }
      if (dropped > 0) {
        target.write(`${formatLogLine(now(), 'warn', `${dropped} lines were dropped: the log file could not keep up`)}\n`);
        dropped = 0;
      }
      target.write(`${line}\n`);
    } catch (err) {
      giveUp(err);
    }
  };

  return {
    file,
    get problem() {
      return problem;
    },
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    tail: (n) => readLogTail(n, o.dataDir, maxFiles),
    errorNow: (message, fields) => {
      try {
        const line = formatLogLine(now(), 'error', message, fields);
        if (o.echo) o.echo.write(`${line}\n`);
        if (problem !== null) return;
        mkdirSync(dirname(file), { recursive: true });
        appendFileSync(file, `${line}\n`);
      } catch (err) {
        giveUp(err);
      }
    },
    close,
    erase: async () => {
      await close();
      for (const f of supportLogFiles(o.dataDir, maxFiles)) {
        try {
          rmSync(f, { force: true });
        } catch (err) {
          giveUp(err);
        }
      }
      stream = null;
      dropped = 0;
      closed = false;
    },
  };

  function close(): Promise<void> {
    closed = true;
    const s = stream;
    if (!s || s.destroyed || s.writableFinished) return Promise.resolve();
    return new Promise<void>((done) => {
      const scheduler = o.scheduler ?? realScheduler;
      const timer = scheduler.setTimeout(() => resolve(), o.closeTimeoutMs ?? 2000);
      function resolve() {
        scheduler.clearTimeout(timer);
        done();
      }
      try {
        s.once('finish', resolve);
        s.once('close', resolve);
        s.once('error', resolve);
        s.end();
      } catch {
        resolve();
      }
    });
  }
}

/** At most this much of one file is read for a tail. */
const MAX_TAIL_BYTES_PER_FILE = 4 * 1024 * 1024;

function readEnd(path: string): string {
  let fd: number | null = null;
  try {
    const size = statSync(path).size;
    const length = Math.min(size, MAX_TAIL_BYTES_PER_FILE);
    const buffer = Buffer.alloc(length);
    fd = openSync(path, 'r');
    readSync(fd, buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    // A read that starts mid-file starts mid-line: drop that piece.
    return length < size ? text.slice(text.indexOf('\n') + 1) : text;
  } catch {
    return '';
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * The last `n` lines of the support log in `dataDir`, oldest first, across its rotated files
 * (for "Copy diagnostics"). Never throws: no log yet, or one that cannot be read, gives [].
 */
export function readLogTail(n: number, dataDir: string, maxFiles: number = SUPPORT_LOG_LIMITS.maxFiles): string[] {
  if (!(n > 0)) return [];
  const lines: string[] = [];
  for (const f of supportLogFiles(dataDir, maxFiles)) {
    for (const line of readEnd(f).split('\n')) if (line !== '') lines.push(line);
  }
  return lines.slice(-Math.floor(n));
}
