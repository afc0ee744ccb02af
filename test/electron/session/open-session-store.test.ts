/**
 * Opening the store where it cannot be opened: every expected failure is a SessionStoreError
 * with one line that says what and where — never a raw node:fs or SQLite error.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSessionStore, type OpenSessionStoreOptions } from '../../../electron/session/open-session-store';
import { SessionStoreError, storeErrorFrom } from '../../../electron/session/store-error';

const root = mkdtempSync(join(tmpdir(), 'roller-open-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => {
  const d = join(root, `d${n++}`);
  mkdirSync(d);
  return d;
};

function openError(options: OpenSessionStoreOptions): SessionStoreError {
  try {
    openSessionStore(options).store.close();
  } catch (err) {
    expect(err).toBeInstanceOf(SessionStoreError);
    expect((err as Error).message).not.toMatch(/\n/);
    return err as SessionStoreError;
  }
  throw new Error('the store opened');
}

describe('openSessionStore refuses what it cannot open, in one line', () => {
  it('roller.sqlite is a folder: says so and leaves it alone', () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'roller.sqlite'));
    writeFileSync(join(dir, 'roller.sqlite', 'keep.txt'), 'x');
    const err = openError({ dataDir: dir });
    expect(err.kind).toBe('io');
    expect(err.message).toBe(`${join(dir, 'roller.sqlite')} is a folder, not the session database file; move it away, then start again.`);
  });

  it('the data folder is a file', () => {
    const file = join(freshDir(), 'data');
    writeFileSync(file, 'not a folder');
    const err = openError({ dataDir: file });
    expect(err.message).toBe(`The data folder ${file} (or a folder above it) is a file, not a folder; move it away or choose another data folder.`);
  });

  it('a full disk while the schema is written: disk-full, and the file opens once there is space', () => {
    const dir = freshDir();
    // The disk is simulated full by capping the database at 2 pages (SQLite's max_page_count):
    // SQLite then fails the migration with SQLITE_FULL, as on a full disk.
    const err = openError({ dataDir: dir, maxPageCount: 2 });
    expect(err.kind).toBe('disk-full');
    expect(err.message).toBe(`The disk is full: opening ${join(dir, 'roller.sqlite')} failed; what was saved before is kept. Free some space to go on.`);
    const opened = openSessionStore({ dataDir: dir });
    expect(opened.migratedFrom).toBe(0);
    expect(opened.store.listSessions()).toEqual([]);
    opened.store.close();
  });

  it('maps the file system codes of node:fs errors (as raised for another user: root is never refused)', () => {
    const fsError = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });
    const denied = storeErrorFrom(fsError('EACCES', "permission denied, open '/data/roller.sqlite'"), 'reading /data/roller.sqlite');
    expect(denied.kind).toBe('read-only');
    expect(denied.message).toBe(
      "No permission while reading /data/roller.sqlite (EACCES: permission denied, open '/data/roller.sqlite'); check that your user may read and write the data folder and the files in it.",
    );
    expect(storeErrorFrom(fsError('ENOSPC', 'no space left on device, mkdir'), 'creating the data folder /data').kind).toBe('disk-full');
    expect(storeErrorFrom(fsError('EROFS', 'read-only file system'), 'opening /data/roller.sqlite').message).toMatch(/^The data folder is on a read-only file system/);
    expect(storeErrorFrom(fsError('EIO', 'i/o error, read'), 'reading /data/roller.sqlite')).toMatchObject({ kind: 'io', message: 'reading /data/roller.sqlite failed: EIO: i/o error, read' });
  });
});
