/**
 * The entry point of the store: finds the data folder, opens (or starts, or recovers) the
 * database, and marks sessions left unfinished by a crash as `interrupted`.
 *
 * A session without an end is still being recorded only if its owner process is alive and its
 * heartbeat is recent (the recorder writes at least every 5 s); otherwise it ended when its
 * last data was stored: it is kept, marked interrupted with that end time, and summarised from
 * what was stored. So the CLI can open the database while the app records.
 *
 * Every expected failure (the file is a folder, no permission, a full disk, a newer schema …)
 * is a SessionStoreError whose message is one line a user can act on.
 */
import { databasePath, resolveDataDir, type DataDirInput } from './data-dir';
import { openDatabaseFile, type DatabaseRecovery } from './database-file';
import { summarizeStoredSession } from './session-data';
import { SessionStore } from './session-store';
import { storeErrorFrom } from './store-error';

export interface OpenSessionStoreOptions extends DataDirInput {
  /** The data folder; resolved from ROLLER_DATA_DIR, Electron or the platform when absent. */
  dataDir?: string;
  /** Wall clock, ms since 1970 (default Date.now). */
  now?: () => number;
  /** Whether a process still runs (default: signal 0). */
  isProcessAlive?: (pid: number) => boolean;
  /** An unfinished session whose heartbeat is older than this is interrupted, ms (default 30 s). */
  staleAfterMs?: number;
  /** Caps the database size in pages (tests: a full disk). */
  maxPageCount?: number;
}

export interface OpenedSessionStore {
  store: SessionStore;
  dataDir: string;
  /** Set when a damaged or foreign file was kept aside and a new database started. */
  recovery: DatabaseRecovery | null;
  /** Sessions found unfinished and marked interrupted now. */
  interrupted: number[];
  /** Schema version found on disk before migrating (0: new database). */
  migratedFrom: number;
  /** Messages for the user (recovery, interrupted sessions). */
  notices: string[];
}

export const STALE_HEARTBEAT_MS = 30_000;

export function openSessionStore(options: OpenSessionStoreOptions = {}): OpenedSessionStore {
  const now = options.now ?? Date.now;
  const dataDir = options.dataDir ?? resolveDataDir(options).dir;
  const path = databasePath(dataDir);
  const opened = openDatabaseFile(path, { now, ...(options.maxPageCount !== undefined ? { maxPageCount: options.maxPageCount } : {}) });
  const store = new SessionStore(opened.db, path);
  try {
    const interrupted = recoverInterrupted(store, now(), options.isProcessAlive ?? processAlive, options.staleAfterMs ?? STALE_HEARTBEAT_MS);
    const notices: string[] = [];
    if (opened.recovery) notices.push(opened.recovery.message);
    if (interrupted.length > 0) {
      notices.push(`${interrupted.length === 1 ? `Session ${interrupted[0]} was` : `Sessions ${interrupted.join(', ')} were`} interrupted (the app stopped while recording); what was recorded is kept.`);
    }
    return { store, dataDir, recovery: opened.recovery, interrupted, migratedFrom: opened.migratedFrom, notices };
  } catch (err) {
    store.close();
    throw storeErrorFrom(err, 'marking sessions left unfinished as interrupted');
  }
}

function recoverInterrupted(store: SessionStore, nowMs: number, alive: (pid: number) => boolean, staleAfterMs: number): number[] {
  const out: number[] = [];
  for (const u of store.unfinishedSessions()) {
    const heartbeat = u.heartbeatAt ?? u.startedAt;
    const live = u.ownerPid !== null && alive(u.ownerPid) && nowMs - heartbeat < staleAfterMs;
    if (live) continue;
    const session = store.getSession(u.id);
    let summary = null;
    try {
      summary = summarizeStoredSession(store, session);
    } catch {
      // A track that cannot be read still leaves the session (and its raw data) in place.
    }
    store.finishSession(u.id, { endedAt: Math.max(u.startedAt, u.lastDataAt ?? u.startedAt), endReason: 'interrupted', summary });
    out.push(u.id);
  }
  return out;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
