/**
 * A data folder the store cannot use — `roller.sqlite` is a folder, a file of a newer schema, a
 * full disk while the schema is written, a file the user may not read — gives every command
 * that opens the store the same one line on stderr (`roller <command>: …`), no stack trace and
 * exit code 1; the commands that do not use the store are not disturbed by it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/cli-main';
import { electronBinary } from '../../../electron/cli/launch-command';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { SCHEMA_VERSION } from '../../../electron/session/schema-migrations';

// A full disk cannot be made for real in a test: the store's open is given a page cap (SQLite's
// max_page_count), and SQLite then fails the migration with SQLITE_FULL as on a full disk.
const inject = vi.hoisted(() => ({ maxPageCount: undefined as number | undefined }));
vi.mock('../../../electron/session/open-session-store', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/session/open-session-store')>();
  return {
    ...real,
    openSessionStore: (options: Parameters<typeof real.openSessionStore>[0] = {}) =>
      real.openSessionStore(inject.maxPageCount === undefined ? options : { ...options, maxPageCount: inject.maxPageCount }),
  };
});

const root = mkdtempSync(join(tmpdir(), 'roller-data-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => {
  const d = join(root, `d${n++}`);
  mkdirSync(d);
  return d;
};
const STACK_LINE = /^\s+at /m;
const STORE_COMMANDS = [['sessions', 'list'], ['serve', '--seconds', '1'], ['launch']] as const;

const savedEnv = process.env['ROLLER_DATA_DIR'];
beforeEach(() => {
  inject.maxPageCount = undefined;
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env['ROLLER_DATA_DIR'];
  else process.env['ROLLER_DATA_DIR'] = savedEnv;
});

async function run(dataDir: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  process.env['ROLLER_DATA_DIR'] = dataDir;
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

/** Runs each command that opens the store; each prints the same one line. */
async function expectOneLineFromEach(dataDir: string, message: RegExp): Promise<void> {
  const lines = new Set<string>();
  for (const argv of STORE_COMMANDS) {
    const r = await run(dataDir, ...argv);
    expect(r.code, argv.join(' ')).toBe(1);
    expect(r.err).not.toMatch(STACK_LINE);
    expect(r.err).toMatch(new RegExp(`^roller ${argv[0]}: [^\\n]+\\n$`));
    const line = r.err.slice(`roller ${argv[0]}: `.length, -1);
    expect(line).toMatch(message);
    lines.add(line);
  }
  expect(lines.size).toBe(1);
}

describe('a data folder the store cannot use, through main()', () => {
  it.skipIf(electronBinary() !== null)('roller.sqlite is a folder', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'roller.sqlite'));
    await expectOneLineFromEach(dir, /roller\.sqlite is a folder, not the session database file; move it away, then start again\.$/);
  });

  it.skipIf(electronBinary() !== null)('a database of a newer schema: refused, left untouched', async () => {
    const dir = freshDir();
    const { store } = openSessionStore({ dataDir: dir });
    store.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    store.close();
    await expectOneLineFromEach(dir, /was written by a newer version of Roller Companion \(schema \d+; this version knows up to \d+\)\. Update the app; the file was left untouched\.$/);
  });

  it.skipIf(electronBinary() !== null)('a full disk while the schema is written (simulated: a page cap)', async () => {
    inject.maxPageCount = 2;
    await expectOneLineFromEach(freshDir(), /^The disk is full: opening .*roller\.sqlite failed; what was saved before is kept\. Free some space to go on\.$/);
  });

  it('the commands that do not use the store still work beside a broken one', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'roller.sqlite'));
    const csv = join(root, 'fast.csv');
    const runs = [
      await run(dir, 'simulate', 'too-fast', '--out', csv),
      await run(dir, 'analyze', csv, '--format', 'text'),
      await run(dir, 'scan', '--simulated', '--seconds', '1'),
      await run(dir, 'record', '--simulated', '--device', 'first', '--seconds', '1', '--out', join(root, 'rec.csv')),
      await run(dir, 'demo', '--seconds', '1'),
    ];
    for (const r of runs) {
      expect(r.err).not.toMatch(STACK_LINE);
      expect(r.code).toBe(0);
    }
  });
});

describe('a data folder the store cannot use, through the installed `roller` command', () => {
  const bin = fileURLToPath(new URL('../../../electron/cli/roller.mjs', import.meta.url));
  const roller = (dataDir: string, argv: readonly string[], user: { uid?: number; gid?: number } = {}) =>
    spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env: { ...process.env, ROLLER_DATA_DIR: dataDir, HOME: dataDir }, ...user });

  it.skipIf(electronBinary() !== null)('roller.sqlite is a folder: one line, no stack trace, exit code 1', () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'roller.sqlite'));
    for (const argv of [['sessions', 'list'], ['launch']]) {
      const r = roller(dir, argv);
      expect(r.status, argv.join(' ')).toBe(1);
      expect(r.stderr).toBe(`roller ${argv[0]}: ${join(dir, 'roller.sqlite')} is a folder, not the session database file; move it away, then start again.\n`);
    }
  });

  // Root may read any file, so as root the command runs as the user nobody (uid 65534): the
  // EACCES is real, not simulated.
  it.skipIf(process.platform === 'win32')('a database the user may not read (EACCES)', () => {
    chmodSync(root, 0o755);
    const dir = freshDir();
    openSessionStore({ dataDir: dir }).store.close();
    const file = join(dir, 'roller.sqlite');
    chmodSync(file, 0o000);
    const asAnotherUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = roller(dir, ['sessions', 'list'], asAnotherUser);
    chmodSync(file, 0o644);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toBe(
      `roller sessions: No permission while reading ${file} (EACCES: permission denied, open '${file}'); check that your user may read and write the data folder and the files in it.\n`,
    );
    expect(r.status).toBe(1);
  });
});
