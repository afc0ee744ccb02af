/**
 * The support log in a temporary data folder: lines reach the file, the rotation keeps it
 * within its bound, the tail reads across the rotated files, and a folder that cannot be
 * written leaves every call returning normally.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatLogLine, memorySupportLog, openSupportLog, readLogTail, supportLogFiles, supportLogPath } from '../../../electron/app/support-log';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'roller-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) {
    try {
      chmodSync(d, 0o700);
    } catch {
      // already gone
    }
    rmSync(d, { recursive: true, force: true });
  }
});

const at = () => new Date('2026-12-03T12:00:00.000Z');
const sink = () => {
  const text: string[] = [];
  return { text, write: (t: string) => text.push(t) };
};

describe('support log', () => {
  it('writes levelled lines to logs/support.log, debug only when asked', async () => {
    const dataDir = tempDir();
    const log = openSupportLog({ dataDir, now: at, stderr: sink() });
    log.info('scan started');
    log.debug('not kept at info');
    log.warn('connection lost', { device: 'aa:bb:cc', reason: 'timed out' });
    log.error('store notice', { notice: 'disk full' });
    await log.close();
    const text = readFileSync(supportLogPath(dataDir), 'utf8');
    expect(text.trimEnd().split('\n')).toEqual([
      '2026-12-03T12:00:00.000Z INFO  scan started',
      '2026-12-03T12:00:00.000Z WARN  connection lost device=aa:bb:cc reason="timed out"',
      '2026-12-03T12:00:00.000Z ERROR store notice notice="disk full"',
    ]);
  });

  it('makes no file until a line is written', async () => {
    const dataDir = tempDir();
    const log = openSupportLog({ dataDir, level: 'info' });
    log.debug('below the level');
    await log.close();
    expect(existsSync(join(dataDir, 'logs'))).toBe(false);
  });

  it('echoes every written line when verbose (debug to stderr as well as the file)', async () => {
    const dataDir = tempDir();
    const echo = sink();
    const log = openSupportLog({ dataDir, level: 'debug', echo, now: at });
    log.debug('adapter', { state: 'poweredOn' });
    await log.close();
    expect(echo.text).toEqual(['2026-12-03T12:00:00.000Z DEBUG adapter state=poweredOn\n']);
    expect(readFileSync(supportLogPath(dataDir), 'utf8')).toContain('DEBUG adapter state=poweredOn');
  });

  it('keeps one entry on one line and cuts a long message', () => {
    const line = formatLogLine(at(), 'info', `first\nsecond ${'x'.repeat(5000)}`);
    expect(line).not.toContain('\n');
    expect(line).toContain('first ⏎ second');
    expect(line.length).toBeLessThan(1100);
  });

  it('rotates within its bound: at most maxFiles files of about maxBytesPerFile, the newest lines kept', async () => {
    const dataDir = tempDir();
    const maxBytesPerFile = 4000;
    const log = openSupportLog({ dataDir, now: at, maxBytesPerFile, maxFiles: 3, stderr: sink() });
    // A burst in one turn of the event loop, as a flood would come.
    for (let i = 0; i < 2000; i++) log.info(`line ${i}`, { pad: 'p'.repeat(20) });
    await log.close();
    const files = supportLogFiles(dataDir, 3);
    const sizes = files.filter((f) => existsSync(f)).map((f) => statSync(f).size);
    expect(sizes).toHaveLength(3);
    const oneLine = formatLogLine(at(), 'info', 'line 1999', { pad: 'p'.repeat(20) }).length + 1;
    for (const s of sizes) expect(s).toBeLessThan(maxBytesPerFile + oneLine);
    // No fourth file: the oldest was removed.
    expect(existsSync(join(dataDir, 'logs', 'support3.log'))).toBe(false);
    const tail = readLogTail(5, dataDir, 3);
    expect(tail.map((l) => l.match(/line (\d+)/)![1])).toEqual(['1995', '1996', '1997', '1998', '1999']);
    // The tail runs across the files in order, oldest first.
    const all = readLogTail(10_000, dataDir, 3).map((l) => Number(l.match(/line (\d+)/)![1]));
    expect(all.length).toBeGreaterThan(100);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(all.at(-1)).toBe(1999);
  });

  it('erase removes every file of the log; later lines start a new one', async () => {
    const dataDir = tempDir();
    const log = openSupportLog({ dataDir, now: at, maxBytesPerFile: 500, maxFiles: 3, stderr: sink() });
    for (let i = 0; i < 50; i++) log.info(`before ${i}`, { sensor: 'c45243000001' });
    await log.erase();
    for (const f of supportLogFiles(dataDir, 3)) expect(existsSync(f), f).toBe(false);
    log.info('after');
    await log.close();
    expect(readLogTail(10, dataDir, 3)).toEqual(['2026-12-03T12:00:00.000Z INFO  after']);
  });

  it('gives no lines when there is no log, never an error', () => {
    expect(readLogTail(10, join(tempDir(), 'nothing-here'))).toEqual([]);
    expect(readLogTail(0, tempDir())).toEqual([]);
  });

  it('leaves the app running when the folder cannot be written (read-only data folder)', async () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o500);
    const stderr = sink();
    const log = openSupportLog({ dataDir, stderr });
    expect(() => {
      log.info('one');
      log.error('two');
      for (let i = 0; i < 100; i++) log.warn('more');
    }).not.toThrow();
    await log.close();
    if (process.getuid?.() === 0) {
      // root writes anyway: the lines are there.
      expect(readFileSync(log.file, 'utf8')).toContain('INFO  one');
    } else {
      expect(log.problem).not.toBeNull();
      expect(stderr.text.join('')).toMatch(/support log cannot be written/);
      expect(stderr.text).toHaveLength(1);
    }
  });

  it('leaves the app running when the log file is a folder (the file cannot be opened)', async () => {
    const dataDir = tempDir();
    mkdirSync(supportLogPath(dataDir), { recursive: true });
    const log = openSupportLog({ dataDir, stderr: sink() });
    expect(() => {
      for (let i = 0; i < 5000; i++) log.info(`line ${i}`);
    }).not.toThrow();
    await log.close();
    expect(log.problem).toMatch(/EISDIR/);
  });

  it('leaves the app running when the logs folder is a file', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'logs'), 'not a folder');
    const stderr = sink();
    const log = openSupportLog({ dataDir, stderr });
    expect(() => log.info('one')).not.toThrow();
    await log.close();
    expect(log.problem).toMatch(/EEXIST|ENOTDIR/);
  });

  it('a memory log keeps the lines for tests', () => {
    const log = memorySupportLog({ level: 'info' });
    log.info('kept');
    log.debug('not kept');
    expect(log.lines).toEqual(['1970-01-01T00:00:00.000Z INFO  kept']);
  });
});

describe('support log on a full disk', () => {
  it('goes on when every write fails with ENOSPC (the file is /dev/full)', async () => {
    if (!existsSync('/dev/full')) return;
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'logs'));
    symlinkSync('/dev/full', supportLogPath(dataDir));
    const scheduler = new ManualScheduler();
    const log = openSupportLog({ dataDir, stderr: sink(), scheduler });
    expect(() => {
      for (let i = 0; i < 5000; i++) log.info(`line ${i}`, { pad: 'p'.repeat(100) });
    }).not.toThrow();
    const closed = log.close();
    scheduler.advanceBy(2000);
    await closed;
    expect(readLogTail(5, dataDir)).toEqual([]);
  });
});
