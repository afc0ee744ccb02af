/**
 * Who owns a session being recorded: a lock that the operating system keeps for exactly as long
 * as the recording process lives. A frozen process (SIGSTOP, a laptop asleep, a debugger) still
 * holds it; a dead one (crash, SIGKILL, power cut) holds nothing. A heartbeat cannot tell these
 * apart — a frozen process misses its heartbeats — so the heartbeat is no longer what decides.
 *
 * The lock is an empty file beside the database, `roller.sqlite.recording-<pid>-<random>`,
 * opened with SQLite and held in an exclusive transaction (SQLite's own file locks: POSIX
 * advisory locks, LockFileEx on Windows; both dropped by the OS when the process ends, both
 * respected between connections of one process too). The file stays empty and has no journal:
 * taking the lock writes nothing, so it works on a full disk. Its name is stored in the session row
 * (`sessions.owner_lock`); whoever opens the data folder tries the same lock: busy means the
 * owner lives, and the session is left alone.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { sqliteCode } from './store-error';

export interface RecordingLock {
  /** Stored in the session row; names the lock file. */
  readonly name: string;
  /** Lets go of the lock and removes its file (idempotent). */
  release(): void;
}

export type RecordingLockState = 'held' | 'free' | 'missing';

const LOCK_NAME = /^[0-9]+-[0-9a-f]{8}$/;
const LOCK_INFIX = '.recording-';

/** The lock file of `name`, beside the database file. */
export function recordingLockPath(databasePath: string, name: string): string {
  if (!LOCK_NAME.test(name)) throw new Error(`not a recording lock name: ${JSON.stringify(name)}`);
  return `${databasePath}${LOCK_INFIX}${name}`;
}

/** Takes a new lock for a recording by process `pid`; throws if its file cannot be made. */
export function takeRecordingLock(databasePath: string, pid: number): RecordingLock {
  for (;;) {
    const name = `${Math.max(0, Math.trunc(pid))}-${randomBytes(4).toString('hex')}`;
    const path = recordingLockPath(databasePath, name);
    const db = new Database(path);
    try {
      db.pragma('journal_mode = MEMORY'); // no -journal file beside it
      db.exec('BEGIN EXCLUSIVE');
    } catch (err) {
      db.close();
      rmSync(path, { force: true });
      throw err;
    }
    // Another opener may have swept the file as unheld between its creation and the lock.
    if (existsSync(path)) return heldLock(name, path, db);
    db.close();
  }
}

function heldLock(name: string, path: string, db: Database.Database): RecordingLock {
  let held = true;
  return {
    name,
    release() {
      if (!held) return;
      held = false;
      db.close();
      rmSync(path, { force: true });
    },
  };
}

/**
 * Whether a live process holds the lock `name` now: 'held'; 'free' when its file is there but
 * nobody holds it (its owner died); 'missing' when there is no such file.
 */
export function recordingLockState(databasePath: string, name: string): RecordingLockState {
  let db: Database.Database;
  try {
    db = new Database(recordingLockPath(databasePath, name), { fileMustExist: true, timeout: 0 });
  } catch (err) {
    if (sqliteCode(err) === 'SQLITE_CANTOPEN') return 'missing';
    throw err;
  }
  try {
    db.pragma('journal_mode = MEMORY'); // busy already when held
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return 'free';
  } catch (err) {
    if (sqliteCode(err)?.startsWith('SQLITE_BUSY')) return 'held';
    throw err;
  } finally {
    db.close();
  }
}

/** Removes the file of a lock nobody holds (its session was taken care of). */
export function removeRecordingLock(databasePath: string, name: string): void {
  rmSync(recordingLockPath(databasePath, name), { force: true });
}

/** Names of the lock files beside the database, held or not. */
export function recordingLockNames(databasePath: string): string[] {
  const prefix = `${basename(databasePath)}${LOCK_INFIX}`;
  let names: string[];
  try {
    names = readdirSync(dirname(databasePath));
  } catch {
    return [];
  }
  return names.filter((n) => n.startsWith(prefix) && LOCK_NAME.test(n.slice(prefix.length))).map((n) => n.slice(prefix.length));
}
