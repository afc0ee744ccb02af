import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { SessionRecorder } from '../../../electron/session/session-recorder';
import { recordSimulation, simulation } from './record-simulation';

const root = mkdtempSync(join(tmpdir(), 'roller-recovery-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => {
  const d = join(root, `d${n++}`);
  mkdirSync(d);
  return d;
};
const NOW = Date.parse('2025-03-01T18:30:00Z');

function expectFreshWorkingStore(dir: string, store: ReturnType<typeof openSessionStore>['store']): void {
  expect(store.listSessions()).toEqual([]);
  const clock = { now: NOW };
  const rec = new SessionRecorder(store, { clock: () => clock.now });
  const r = recordSimulation(rec, simulation('too-fast', { untilS: 3 }), clock, { startedAt: NOW });
  expect(store.getSession(r.id).state).toBe('ended');
  expect(existsSync(join(dir, 'roller.sqlite'))).toBe(true);
}

describe('a damaged or foreign database file', () => {
  it('garbage bytes: kept aside under a new name, a clear message, a new database that works', () => {
    const dir = freshDir();
    const garbage = Buffer.from('this is not a database at all, just bytes\n'.repeat(100));
    writeFileSync(join(dir, 'roller.sqlite'), garbage);
    writeFileSync(join(dir, 'roller.sqlite-wal'), 'stale wal');
    const opened = openSessionStore({ dataDir: dir, now: () => NOW });
    expect(opened.recovery).toMatchObject({ kind: 'damaged' });
    expect(opened.recovery!.keptAs).toBe(join(dir, 'roller.sqlite.damaged-20250301T183000Z'));
    expect(opened.recovery!.message).toBe(`The session database was damaged; it was kept as ${opened.recovery!.keptAs} and a new one was started.`);
    expect(opened.recovery!.detail).toBe('not an SQLite file: it starts with "this is not a da" (4200 bytes)');
    expect(opened.notices).toContain(opened.recovery!.message);
    // Nothing deleted: the old bytes are all there, with their -wal companion.
    expect(readFileSync(opened.recovery!.keptAs)).toEqual(garbage);
    expect(readFileSync(`${opened.recovery!.keptAs}-wal`, 'utf8')).toBe('stale wal');
    expectFreshWorkingStore(dir, opened.store);
    opened.store.close();
    // Opening again: no recovery, the new database is fine.
    const again = openSessionStore({ dataDir: dir, now: () => NOW + 1000 });
    expect(again.recovery).toBeNull();
    expect(again.store.listSessions().length).toBe(1);
    again.store.close();
  });

  it('a real session database with damaged pages is detected and kept aside', () => {
    const dir = freshDir();
    const first = openSessionStore({ dataDir: dir, now: () => NOW });
    const clock = { now: NOW };
    recordSimulation(new SessionRecorder(first.store, { clock: () => clock.now }), simulation('good-slow-session', { untilS: 40 }), clock, { startedAt: NOW });
    first.store.checkpoint('TRUNCATE');
    first.store.close();
    const path = join(dir, 'roller.sqlite');
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(20 * 4096);
    // Scribble over pages 3…6 (b-tree pages of the tables), keeping the header intact.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4 * 4096, 0xa5), 0, 4 * 4096, 2 * 4096);
    closeSync(fd);
    const damagedBytes = readFileSync(path);

    const opened = openSessionStore({ dataDir: dir, now: () => NOW + 60_000 });
    expect(opened.recovery?.kind).toBe('damaged');
    expect(opened.recovery!.detail).toMatch(/integrity check|SQLITE_CORRUPT|malformed/);
    expect(opened.recovery!.keptAs).toBe(join(dir, 'roller.sqlite.damaged-20250301T183100Z'));
    expect(readFileSync(opened.recovery!.keptAs)).toEqual(damagedBytes);
    expectFreshWorkingStore(dir, opened.store);
    opened.store.close();
  });

  it("another program's SQLite database is kept aside as foreign", () => {
    const dir = freshDir();
    const other = new Database(join(dir, 'roller.sqlite'));
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep me')");
    other.close();
    const opened = openSessionStore({ dataDir: dir, now: () => NOW });
    expect(opened.recovery?.kind).toBe('foreign');
    expect(opened.recovery!.message).toMatch(/is not a Roller Companion session database .*kept as .*roller\.sqlite\.foreign-20250301T183000Z and a new one was started/);
    expect(opened.recovery!.detail).toMatch(/application id 0x0 .* tables notes/);
    const kept = new Database(opened.recovery!.keptAs, { readonly: true });
    expect(kept.prepare('SELECT text FROM notes').get()).toEqual({ text: 'keep me' });
    kept.close();
    expectFreshWorkingStore(dir, opened.store);
    opened.store.close();
  });

  it('a second recovery on the same second does not overwrite the first kept file', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'roller.sqlite'), 'garbage one, long enough to not be empty');
    openSessionStore({ dataDir: dir, now: () => NOW }).store.close();
    rmSync(join(dir, 'roller.sqlite'));
    rmSync(join(dir, 'roller.sqlite-wal'), { force: true });
    rmSync(join(dir, 'roller.sqlite-shm'), { force: true });
    writeFileSync(join(dir, 'roller.sqlite'), 'garbage two, long enough to not be empty');
    const second = openSessionStore({ dataDir: dir, now: () => NOW });
    expect(second.recovery!.keptAs).toBe(join(dir, 'roller.sqlite.damaged-20250301T183000Z-2'));
    second.store.close();
    const kept = readdirSync(dir)
      .filter((f) => f.includes('damaged'))
      .sort();
    expect(kept).toEqual(['roller.sqlite.damaged-20250301T183000Z', 'roller.sqlite.damaged-20250301T183000Z-2']);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toMatch(/garbage one/);
  });

  it('an empty file is simply a new database', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'roller.sqlite'), '');
    const opened = openSessionStore({ dataDir: dir });
    expect(opened.recovery).toBeNull();
    opened.store.close();
  });
});
