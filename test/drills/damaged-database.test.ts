/**
 * Drill 6 — the session database is damaged on disk, and the app is started.
 *
 * A real data folder is made by recording a session with the app; then the file is damaged the
 * ways disks and crashes damage files: its header overwritten, pages in the middle overwritten,
 * or the file cut short. The app is then started through its composition root (createRollerApp)
 * on that folder. It must keep the damaged file aside under a new name (never delete it), say so
 * in a notice naming where it is, and start on a fresh database that works: the simulated roller
 * records a session, which is in the history and can be reviewed.
 *
 * (test/electron/session/database-recovery.test.ts covers the store on its own: garbage bytes, a
 * foreign database, repeated recoveries.)
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { supportLogPath } from '../../electron/app/support-log';
import { createRollerApp } from '../../electron/app/create-roller-app';
import { ManualScheduler } from '../../electron/ble/scheduler';
import { seededRandom } from '../support/seeded-random';
import { startDrill } from './drill-app';

const root = mkdtempSync(join(tmpdir(), 'roller-drill-damaged-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PAGE = 4096;

/** A data folder with one recorded session (about 40 s), its database checkpointed into one file. */
async function recordedFolder(name: string): Promise<string> {
  const dir = join(root, name);
  const d = startDrill({ dataDir: dir, scenario: 'good-slow-session' });
  await d.connect();
  await d.startSession();
  await d.scheduler.advanceByAsync(40_000);
  await d.stopSession();
  await d.dispose();
  expect(existsSync(join(dir, 'roller.sqlite-wal'))).toBe(false);
  expect(statSync(join(dir, 'roller.sqlite')).size).toBeGreaterThan(20 * PAGE);
  return dir;
}

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

function noise(seed: number, n: number): Buffer {
  const rand = seededRandom(seed);
  return Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
}

/**
 * Noise over the middle of one page, chosen (from the last page back) so that SQLite's own check
 * cannot even finish: `PRAGMA quick_check` throws (SQLITE_TOOBIG, a record claiming a size no row
 * can have, or SQLITE_CORRUPT, depending on which rows the page holds) instead of listing what is
 * wrong.
 */
function damagePageSoCheckThrows(path: string): void {
  const original = readFileSync(path);
  for (let page = original.length / PAGE; page > 1; page--) {
    const copy = Buffer.from(original);
    for (let i = 0; i < 2000; i++) copy[(page - 1) * PAGE + 1000 + i] = (i * 37 + page) & 255;
    writeFileSync(path, copy);
    const db = new Database(path, { readonly: true });
    try {
      db.pragma('quick_check(5)');
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code !== 'SQLITE_TOOBIG' && !code.startsWith('SQLITE_CORRUPT')) continue;
      return;
    } finally {
      db.close();
    }
  }
  throw new Error('no page of this database could be damaged so that quick_check throws: the recipe needs a new pattern');
}

const DAMAGES: { name: string; damage: (path: string) => void }[] = [
  // The 100-byte header, magic string included, overwritten with noise.
  { name: 'header overwritten', damage: (path) => overwrite(path, 0, noise(1, 100)) },
  // The header's fields after the magic string (page size, counters, schema cookie …).
  { name: 'header fields overwritten', damage: (path) => overwrite(path, 16, noise(2, 84)) },
  // Pages 2–5 (the schema's and tables' b-tree pages) overwritten, the header intact.
  { name: 'pages overwritten', damage: (path) => overwrite(path, PAGE, noise(3, 4 * PAGE)) },
  // A page that makes SQLite's check throw rather than report.
  { name: 'a page SQLite cannot check', damage: damagePageSoCheckThrows },
  // Cut to half its size, mid-page.
  { name: 'truncated to half', damage: (path) => truncateSync(path, Math.floor(statSync(path).size / 2) + 123) },
  // Cut inside the first page.
  { name: 'truncated inside the first page', damage: (path) => truncateSync(path, 1000) },
];

describe('drill: a damaged session database at start', () => {
  for (const { name, damage } of DAMAGES) {
    it(`${name}: kept aside with a notice, the app starts on a new database and records`, async () => {
      const dir = await recordedFolder(name.replace(/\W+/g, '-'));
      const path = join(dir, 'roller.sqlite');
      damage(path);
      const damaged = readFileSync(path);

      const scheduler = new ManualScheduler();
      const app = createRollerApp({ host: 'browser', dataDir: dir, scheduler });
      app.start();
      try {
        // A notice naming the kept file; the file kept byte for byte, nothing deleted.
        const notices = app.snapshot().notices;
        expect(notices).toHaveLength(1);
        const m = /^The session database was damaged; it was kept as (.+) and a new one was started\.$/.exec(notices[0]!);
        expect(m).not.toBeNull();
        const keptAs = m![1]!;
        expect(keptAs).toMatch(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/roller\\.sqlite\\.damaged-\\d{8}T\\d{6}Z$`));
        expect(readFileSync(keptAs).equals(damaged)).toBe(true);
        // A fresh store: no past sessions, default profile.
        const history = await scheduler.drive(app.handle('history.get', { days: 3650 }));
        expect(history.sessions).toEqual([]);

        // … that works: the simulated roller records a session, listed and reviewable.
        await scheduler.drive(app.handle('sensors.useSimulated', { scenario: 'too-fast' }));
        const started = await scheduler.drive(app.handle('session.start', {}));
        await scheduler.advanceByAsync(20_000);
        const ended = await scheduler.drive(app.handle('session.stop', { reason: 'completed' }));
        expect(ended).toMatchObject({ state: 'ended', endReason: 'completed' });
        const after = await scheduler.drive(app.handle('history.get', { days: 3650 }));
        expect(after.sessions.map((s) => s.id)).toEqual([started.sessionId]);
        const review = await scheduler.drive(app.handle('review.get', { id: started.sessionId! }));
        expect(review.track.t.length).toBeGreaterThan(200);
        expect(review.events.map((e) => e.kind)).toContain('too-fast');
        expect(app.snapshot().notices).toEqual(notices);
      } finally {
        await scheduler.drive(app.dispose());
      }
      // The damaged file is still there next to the new database (and the support log's folder, which tells of it).
      expect(readdirSync(dir).sort()).toEqual(['logs', 'roller.sqlite', keptName(dir)].sort());
      expect(readFileSync(supportLogPath(dir), 'utf8')).toMatch(/WARN .*kept aside|WARN .*damaged/i);
    });
  }
});

function keptName(dir: string): string {
  const kept = readdirSync(dir).filter((f) => f.startsWith('roller.sqlite.damaged-'));
  expect(kept).toHaveLength(1);
  return kept[0]!;
}
