/**
 * The session store's one error type: a kind the UI and the CLI can act on, and a message a
 * user can read ("The disk is full: …"). SQLite's error codes, and the file system's (`EACCES`,
 * `ENOSPC` … from node:fs), are mapped here, nowhere else.
 */

export const STORE_ERROR_KINDS = [
  /** The database file is damaged (it was kept aside when found at open). */
  'damaged',
  /** The file is not a Roller Companion database (it was kept aside when found at open). */
  'foreign',
  /** The database was written by a newer version of the app; it is left untouched. */
  'newer-version',
  'disk-full',
  'io',
  /** Another program holds the database locked. */
  'busy',
  'read-only',
  'not-found',
  /** A request the store refuses (e.g. deleting a session that is being recorded). */
  'invalid',
  /** A file to import is not a valid recording. */
  'bad-import',
] as const;
export type StoreErrorKind = (typeof STORE_ERROR_KINDS)[number];

export class SessionStoreError extends Error {
  override readonly name = 'SessionStoreError';

  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A session being recorded whose row is not in the database (any more). */
export function sessionGoneError(id: number): SessionStoreError {
  return new SessionStoreError('not-found', `session ${id} is no longer in the session database (it was removed, perhaps by another program using this data folder)`);
}

/** SQLite's extended result code (`SQLITE_IOERR_WRITE` …), if `err` is an SQLite error. */
export function sqliteCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/**
 * Whether an SQLite result code raised while reading means the file's content is damaged:
 * corrupt pages, not a database at all, or a record claiming a size no row can have
 * (SQLITE_TOOBIG: `quick_check` itself stops with it on some damaged pages).
 */
export function isDamagedFileCode(code: string | undefined): boolean {
  return code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_TOOBIG');
}

/**
 * Wraps a failure of `doing` (e.g. "saving session 4") as a SessionStoreError with a message
 * that says what happened and that what was stored before is kept.
 */
export function storeErrorFrom(err: unknown, doing: string): SessionStoreError {
  if (err instanceof SessionStoreError) return err;
  const fsCode = fileSystemCode(err);
  if (fsCode) return fileSystemError(err, fsCode, doing);
  const code = sqliteCode(err) ?? '';
  const detail = (err as Error | null)?.message ?? String(err);
  if (code === 'SQLITE_FULL') {
    return new SessionStoreError('disk-full', `The disk is full: ${doing} failed; what was saved before is kept. Free some space to go on.`, { cause: err });
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new SessionStoreError('io', `Could not write to the session database while ${doing} (${code}: ${detail}); what was saved before is kept.`, { cause: err });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new SessionStoreError('busy', `The session database is locked by another program while ${doing}; try again in a moment.`, { cause: err });
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new SessionStoreError('read-only', `The session database could not be opened while ${doing} (${code}: ${detail}); check that it is a file your user may read and write.`, { cause: err });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return new SessionStoreError('read-only', `The session database cannot be written while ${doing} (${code}: ${detail}).`, { cause: err });
  }
  if (isDamagedFileCode(code)) {
    return new SessionStoreError('damaged', `The session database is damaged (${detail}) while ${doing}; restart the app to keep it aside and start a new one.`, { cause: err });
  }
  return new SessionStoreError('io', `${doing} failed: ${detail}`, { cause: err });
}

/** The file system's error code (`EACCES`, `ENOSPC` …), if `err` is a node:fs error. */
function fileSystemCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

function fileSystemError(err: unknown, code: string, doing: string): SessionStoreError {
  const detail = (err as Error | null)?.message ?? String(err);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new SessionStoreError('disk-full', `The disk is full: ${doing} failed; what was saved before is kept. Free some space to go on.`, { cause: err });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new SessionStoreError('read-only', `No permission while ${doing} (${detail}); check that your user may read and write the data folder and the files in it.`, { cause: err });
  }
  if (code === 'EROFS') {
    return new SessionStoreError('read-only', `The data folder is on a read-only file system: ${doing} failed (${detail}).`, { cause: err });
  }
  return new SessionStoreError('io', `${doing} failed: ${detail}`, { cause: err });
}
