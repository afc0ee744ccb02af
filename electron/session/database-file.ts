/**
 * Opens the session database file, and makes sure it is ours and whole before anything is
 * written: the SQLite header, `PRAGMA application_id` and `user_version`, `PRAGMA quick_check`,
 * and after migrating, every table and column the code relies on.
 *
 * A damaged file, or another program's database, is never wiped: it is renamed aside together
 * with its `-wal`, `-shm` and `-journal` files (`roller.sqlite.damaged-20250301T183000Z`, …,
 * which SQLite can still open as a set), a new database is started, and the caller gets a
 * {@link DatabaseRecovery} to show. A database from a newer app version is left untouched and
 * refused. Settings: WAL journal, `synchronous = FULL` (a commit survives a crash of the app and
 * of the machine), foreign keys on, 5 s busy timeout (the CLI and the app may share the file).
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, SCHEMA_VERSION, migrate, missingSchemaParts, schemaVersion } from './schema-migrations';
import { SessionStoreError, isDamagedFileCode, sqliteCode, storeErrorFrom } from './store-error';

export interface DatabaseRecovery {
  kind: 'damaged' | 'foreign';
  /** The path the old file was moved to. */
  keptAs: string;
  /** What was found wrong, technically. */
  detail: string;
  /** What to tell the user. */
  message: string;
}

export interface OpenDatabaseOptions {
  /** Wall clock, ms since 1970 (names the kept-aside file). */
  now?: () => number;
  /** Caps the file at this many pages: lets tests run out of disk space. */
  maxPageCount?: number;
}

export interface OpenedDatabase {
  db: Database.Database;
  recovery: DatabaseRecovery | null;
  /** Schema version found on disk (0 for a new file). */
  migratedFrom: number;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
const COMPANION_SUFFIXES = ['', '-wal', '-shm', '-journal'] as const;

export function openDatabaseFile(path: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const now = options.now ?? Date.now;
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR')
      throw new SessionStoreError('io', `The data folder ${dirname(path)} (or a folder above it) is a file, not a folder; move it away or choose another data folder.`, { cause: err });
    throw storeErrorFrom(err, `creating the data folder ${dirname(path)}`);
  }
  const first = tryOpen(path, options);
  if (first.ok) return { db: first.db, recovery: null, migratedFrom: first.migratedFrom };
  const recovery = keepAside(path, first.kind, first.detail, now());
  const second = tryOpen(path, options);
  if (!second.ok) throw new SessionStoreError(second.kind, `A new session database could not be started at ${path}: ${second.detail}`);
  return { db: second.db, recovery, migratedFrom: second.migratedFrom };
}

type Attempt = { ok: true; db: Database.Database; migratedFrom: number } | { ok: false; kind: 'damaged' | 'foreign'; detail: string };

function tryOpen(path: string, options: OpenDatabaseOptions): Attempt {
  const header = headerProblem(path);
  if (header) return { ok: false, kind: 'damaged', detail: header };
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    throw storeErrorFrom(err, `opening ${path}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = schemaVersion(db);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const fresh = appId === 0 && version === 0 && tables.length === 0;
    if (!fresh && appId !== APPLICATION_ID) {
      db.close();
      const what = tables.length > 0 ? `tables ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}` : 'no tables';
      return { ok: false, kind: 'foreign', detail: `application id 0x${(appId >>> 0).toString(16)} (expected 0x${APPLICATION_ID.toString(16)}), schema version ${version}, ${what}` };
    }
    if (version > SCHEMA_VERSION) {
      db.close();
      throw new SessionStoreError(
        'newer-version',
        `${path} was written by a newer version of Roller Companion (schema ${version}; this version knows up to ${SCHEMA_VERSION}). Update the app; the file was left untouched.`,
      );
    }
    if (!fresh) {
      const problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check);
      if (problems.length !== 1 || problems[0] !== 'ok') {
        db.close();
        return { ok: false, kind: 'damaged', detail: `integrity check: ${problems.join('; ')}` };
      }
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Before migrating, so a test can run out of space while the schema is written.
    if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
    const migratedFrom = migrate(db);
    const missing = missingSchemaParts(db);
    if (missing.length > 0) {
      db.close();
      return { ok: false, kind: 'damaged', detail: `schema version ${SCHEMA_VERSION} but missing ${missing.join(', ')}` };
    }
    return { ok: true, db, migratedFrom };
  } catch (err) {
    if (db.open) db.close();
    const code = sqliteCode(err) ?? '';
    if (isDamagedFileCode(code)) return { ok: false, kind: 'damaged', detail: `${code}: ${(err as Error).message}` };
    throw storeErrorFrom(err, `opening ${path}`);
  }
}

/**
 * Why the file cannot be an SQLite database by its first bytes; null when it may be (or is
 * new/empty). Throws a SessionStoreError when it cannot be looked at (no permission) or is no
 * file at all (a folder, a device): nothing to keep aside then, the user must move it.
 */
function headerProblem(path: string): string | null {
  const stat = fileStat(path);
  if (!stat) return null;
  if (stat.isDirectory()) throw new SessionStoreError('io', `${path} is a folder, not the session database file; move it away, then start again.`);
  if (!stat.isFile()) throw new SessionStoreError('io', `${path} is not a regular file (a device, a pipe or a socket?), so it cannot be the session database; move it away, then start again.`);
  if (stat.size === 0) return null;
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(16);
      const n = readSync(fd, head, 0, 16, 0);
      if (n < 16 || head.toString('latin1') !== SQLITE_HEADER) {
        return `not an SQLite file: it starts with ${JSON.stringify(
          head
            .subarray(0, n)
            .toString('latin1')
            .replace(/[^\x20-\x7e]/g, '.'),
        )} (${stat.size} bytes)`;
      }
      return null;
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw storeErrorFrom(err, `reading ${path}`);
  }
}

/** The file's status; null when there is no file. */
function fileStat(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw storeErrorFrom(err, `opening ${path}`);
  }
}

/** Renames the file and its companions aside (all or none); never deletes anything. */
function keepAside(path: string, kind: 'damaged' | 'foreign', detail: string, nowMs: number): DatabaseRecovery {
  const stamp = new Date(nowMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let keptAs = `${path}.${kind}-${stamp}`;
  for (let i = 2; COMPANION_SUFFIXES.some((s) => existsSync(keptAs + s)); i++) keptAs = `${path}.${kind}-${stamp}-${i}`;
  const moved: string[] = [];
  try {
    for (const s of COMPANION_SUFFIXES) {
      if (!existsSync(path + s)) continue;
      renameSync(path + s, keptAs + s);
      moved.push(s);
    }
  } catch (err) {
    for (const s of moved.reverse()) {
      try {
        renameSync(keptAs + s, path + s);
      } catch {
        // Leave it where it is: both names are reported below.
      }
    }
    throw new SessionStoreError(
      kind,
      `The session database ${path} is ${kind === 'damaged' ? 'damaged' : 'not a Roller Companion database'} (${detail}) and could not be moved aside (${(err as Error).message}); nothing was deleted. Move it away, then start again.`,
      { cause: err },
    );
  }
  const message =
    kind === 'damaged'
      ? `The session database was damaged; it was kept as ${keptAs} and a new one was started.`
      : `${path} is not a Roller Companion session database (another program's file?); it was kept as ${keptAs} and a new one was started.`;
  return { kind, keptAs, detail, message };
}
