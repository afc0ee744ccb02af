/**
 * The entry point of the store: finds the data folder, opens (or starts, or recovers) the
 * database, and marks sessions left unfinished by a crash as `interrupted`.
 *
 * A session without an end is still being recorded while its owner holds its recording lock
 * (./recording-lock.ts): the OS keeps that lock for as long as the process lives, frozen or
 * not, so a live recording is never taken over, however long ago it last wrote. Otherwise the
 * session ended when its last data was stored: it is kept, marked interrupted with that end
 * time, and summarised from what was stored. So the CLI can open the database while the app
 * records, and says that another process is recording. Sessions from before the lock (no
 * `owner_lock`) keep the old rule: owner process alive and heartbeat younger than
 * `staleAfterMs`.
 *
 * Every expected failure (the file is a folder, no permission, a full disk, a newer schema …)
 * is a SessionStoreError whose message is one line a user can act on.
 */
import { databasePath, resolveDataDir, type DataDirInput } from './data-dir';
import { openDatabaseFile, type DatabaseRecovery } from './database-file';
import { recordingLockNames, recordingLockState, removeRecordingLock } from './recording-lock';
import { summarizeStoredSession } from './session-data';
import { SessionStore, type UnfinishedSession } from './session-store';
import { storeErrorFrom } from './store-error';

export interface OpenSessionStoreOptions extends DataDirInput {
  /** The data folder; resolved from ROLLER_DATA_DIR, Electron or the platform when absent. */
  dataDir?: string;
  /** Wall clock, ms since 1970 (default Date.now). */
  now?: () => number;
  /** Whether a process still runs (default: signal 0). */
  isProcessAlive?: (pid: number) => boolean;
  /** A session from before recording locks whose heartbeat is older than this is interrupted, ms (default 30 s). */
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
  /** Sessions being recorded right now by another live process (left alone). */
  recordingElsewhere: { id: number; pid: number | null }[];
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
    const { interrupted, recordingElsewhere } = recoverInterrupted(store, now(), options.isProcessAlive ?? processAlive, options.staleAfterMs ?? STALE_HEARTBEAT_MS);
    const notices: string[] = [];
    if (opened.recovery) notices.push(opened.recovery.message);
    if (interrupted.length > 0) {
      notices.push(
        `${interrupted.length === 1 ? `Session ${interrupted[0]} was` : `Sessions ${interrupted.join(', ')} were`} interrupted (the app stopped while recording); what was recorded is kept.`,
      );
    }
    for (const r of recordingElsewhere) notices.push(recordingElsewhereNotice(r.id, r.pid, dataDir));
    return { store, dataDir, recovery: opened.recovery, interrupted, recordingElsewhere, migratedFrom: opened.migratedFrom, notices };
  } catch (err) {
    store.close();
    throw storeErrorFrom(err, 'marking sessions left unfinished as interrupted');
  }
}

/** What the user is told when another process records into the same data folder. */
export function recordingElsewhereNotice(id: number, pid: number | null, dataDir: string): string {
  return `Another Roller Companion${pid === null ? '' : ` (process ${pid})`} is recording session ${id} in this data folder (${dataDir}); it is left alone until it ends.`;
}

function recoverInterrupted(
  store: SessionStore,
  nowMs: number,
  alive: (pid: number) => boolean,
  staleAfterMs: number,
): { interrupted: number[]; recordingElsewhere: { id: number; pid: number | null }[] } {
  const interrupted: number[] = [];
  const recordingElsewhere: { id: number; pid: number | null }[] = [];
  for (const u of store.unfinishedSessions()) {
    if (ownerLives(store, u, nowMs, alive, staleAfterMs)) {
      recordingElsewhere.push({ id: u.id, pid: u.ownerPid });
      continue;
    }
    const session = store.getSession(u.id);
    let summary = null;
    try {
      summary = summarizeStoredSession(store, session);
    } catch {
      // A track that cannot be read still leaves the session (and its raw data) in place.
    }
    store.finishSession(u.id, { endedAt: Math.max(u.startedAt, u.lastDataAt ?? u.startedAt), endReason: 'interrupted', summary });
    if (u.ownerLock !== null) removeRecordingLock(store.path, u.ownerLock);
    interrupted.push(u.id);
  }
  removeOrphanLocks(store.path);
  return { interrupted, recordingElsewhere };
}

function ownerLives(store: SessionStore, u: UnfinishedSession, nowMs: number, alive: (pid: number) => boolean, staleAfterMs: number): boolean {
  if (u.ownerLock !== null) return recordingLockState(store.path, u.ownerLock) === 'held';
  // Recorded by a version without the lock: its owner process and a recent heartbeat.
  return u.ownerPid !== null && alive(u.ownerPid) && nowMs - (u.heartbeatAt ?? u.startedAt) < staleAfterMs;
}

/** Lock files nobody holds: their process died (before its session started, or it was interrupted above). */
function removeOrphanLocks(databasePath: string): void {
  for (const name of recordingLockNames(databasePath)) if (recordingLockState(databasePath, name) === 'free') removeRecordingLock(databasePath, name);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
