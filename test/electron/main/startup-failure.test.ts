import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFailureReporter } from '../../../electron/main/report-startup-failure';
import { memorySupportLog, openSupportLog, readLogTail } from '../../../electron/app/support-log';
import { describeStartupFailure, dialogText, loadFailure, rendererGone, STARTUP_LOG_FILE_NAME, type StartupFailure } from '../../../electron/main/startup-failure';

const work = mkdtempSync(join(tmpdir(), 'roller-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const at = new Date('2025-03-01T10:00:00Z');

/** A fake of the two parts of Electron the reporter uses, recording what it was asked. */
function fakeElectron() {
  const dialogs: { title: string; content: string }[] = [];
  const exits: (number | undefined)[] = [];
  return { dialogs, exits, electron: { dialog: { showErrorBox: (title: string, content: string) => void dialogs.push({ title, content }) }, app: { exit: (code?: number) => void exits.push(code) } } };
}

describe('what a startup failure tells', () => {
  it('says why the store did not open, what to do, and where the data is kept', () => {
    const r = describeStartupFailure({ kind: 'store', error: new Error('SQLITE_CANTOPEN: unable to open database file') }, { dataDir: '/home/u/.config/roller-companion', at });
    expect(r.title).toMatch(/cannot open its data/);
    expect(r.message).toContain('SQLITE_CANTOPEN: unable to open database file');
    expect(r.message).toContain('ROLLER_DATA_DIR');
    expect(r.message).toContain('is kept in:\n/home/u/.config/roller-companion');
    expect(r.logFile).toBe(join('/home/u/.config/roller-companion', STARTUP_LOG_FILE_NAME));
    expect(r.logEntry).toMatch(/^\[2025-03-01T10:00:00.000Z\] Roller Companion cannot open its data \(store\)\n/);
    expect(r.logEntry).toContain('at '); // the error's stack
  });

  it('names the missing file, the failed address and the reason the page stopped', () => {
    const where = { dataDir: '/data', at };
    expect(describeStartupFailure({ kind: 'missing-file', what: 'preload', path: '/app/out/preload/index.cjs' }, where).message).toMatch(
      /bridge script \(preload\) is missing: \/app\/out\/preload\/index\.cjs[\s\S]*install Roller Companion again/,
    );
    expect(describeStartupFailure({ kind: 'load-failed', url: 'app://roller/index.html', code: -6, description: 'ERR_FILE_NOT_FOUND' }, where).message).toContain(
      'could not load app://roller/index.html: ERR_FILE_NOT_FOUND (-6)',
    );
    expect(describeStartupFailure({ kind: 'renderer-gone', reason: 'oom', exitCode: 9 }, where).message).toMatch(/ran out of memory, exit code 9/);
    expect(describeStartupFailure({ kind: 'renderer-gone', reason: 'something-new', exitCode: 1 }, where).message).toMatch(/ended \(something-new\)/);
    expect(describeStartupFailure({ kind: 'unexpected', error: 'a string' }, where).message).toMatch(/^Starting failed: a string/);
  });

  it('says so when the data folder is not known, and then writes no log', () => {
    const r = describeStartupFailure({ kind: 'unexpected', error: new Error('boom') }, { dataDir: null, at });
    expect(r.logFile).toBeNull();
    expect(r.message).toMatch(/data folder was not known/);
    expect(dialogText(r, true)).toBe(r.message);
  });

  it('points at the log in the dialog only when it was written', () => {
    const r = describeStartupFailure({ kind: 'unexpected', error: new Error('boom') }, { dataDir: '/data', at });
    expect(dialogText(r, true)).toBe(`${r.message}\n\nDetails: ${join('/data', STARTUP_LOG_FILE_NAME)}`);
    expect(dialogText(r, false)).toBe(r.message);
  });

  it('tells only the main frame’s failed loads, not aborted ones; every renderer end but a clean one', () => {
    expect(loadFailure({ code: -6, description: 'ERR_FILE_NOT_FOUND', url: 'app://roller/', isMainFrame: true })).toEqual({
      kind: 'load-failed',
      code: -6,
      description: 'ERR_FILE_NOT_FOUND',
      url: 'app://roller/',
    });
    expect(loadFailure({ code: -3, description: 'ERR_ABORTED', url: 'app://roller/', isMainFrame: true })).toBeNull();
    expect(loadFailure({ code: -6, description: 'ERR_FILE_NOT_FOUND', url: 'app://roller/x', isMainFrame: false })).toBeNull();
    expect(rendererGone({ reason: 'crashed', exitCode: 11 })).toEqual({ kind: 'renderer-gone', reason: 'crashed', exitCode: 11 });
    expect(rendererGone({ reason: 'clean-exit', exitCode: 0 })).toBeNull();
  });
});

describe('telling a startup failure', () => {
  const failure: StartupFailure = { kind: 'store', error: new Error('disk I/O error') };

  it('logs to stderr and startup-error.log, shows the dialog with the data folder and the log, exits with 1', () => {
    const dataDir = join(work, 'data-ok');
    const f = fakeElectron();
    const err: string[] = [];
    const tell = createFailureReporter({ electron: f.electron, dataDir: () => dataDir, stderr: { write: (t: string) => err.push(t) }, now: () => at });
    tell(failure);
    const log = readFileSync(join(dataDir, STARTUP_LOG_FILE_NAME), 'utf8');
    expect(log).toContain('disk I/O error');
    expect(err.join('')).toContain('disk I/O error');
    expect(f.dialogs).toHaveLength(1);
    expect(f.dialogs[0]!.content).toContain(dataDir);
    expect(f.dialogs[0]!.content).toContain(`Details: ${join(dataDir, STARTUP_LOG_FILE_NAME)}`);
    expect(f.exits).toEqual([1]);
  });

  it('still shows the dialog and exits when the data folder cannot be written, and says so on stderr', () => {
    const blocker = join(work, 'a-file');
    writeFileSync(blocker, '');
    const f = fakeElectron();
    const err: string[] = [];
    createFailureReporter({ electron: f.electron, dataDir: () => join(blocker, 'data'), stderr: { write: (t: string) => err.push(t) }, now: () => at })(failure);
    expect(err.join('')).toMatch(/could not write .*startup-error\.log/);
    expect(f.dialogs[0]!.content).not.toContain('Details:');
    expect(f.dialogs[0]!.content).toContain(join(blocker, 'data'));
    expect(f.exits).toEqual([1]);
  });

  it('writes the failure to the support log before the app exits, and a log that throws changes nothing', () => {
    const dataDir = join(work, 'data-support-log');
    const f = fakeElectron();
    const support = openSupportLog({ dataDir, now: () => at });
    createFailureReporter({ electron: f.electron, dataDir: () => dataDir, stderr: { write: () => true }, now: () => at, supportLog: () => support })(failure);
    // Written before exit was asked for: the process ends right after.
    expect(readLogTail(5, dataDir)).toEqual(['2025-03-01T10:00:00.000Z ERROR start-up failure kind=store title="Roller Companion cannot open its data" first=true']);
    expect(f.exits).toEqual([1]);
    const g = fakeElectron();
    const broken = {
      ...memorySupportLog(),
      errorNow: () => {
        throw new Error('log broken');
      },
    };
    createFailureReporter({ electron: g.electron, dataDir: () => dataDir, stderr: { write: () => true }, now: () => at, supportLog: () => broken })(failure);
    expect(g.dialogs).toHaveLength(1);
    expect(g.exits).toEqual([1]);
  });

  it('tells the first failure only; later ones go to stderr', () => {
    const f = fakeElectron();
    const err: string[] = [];
    const tell = createFailureReporter({ electron: f.electron, dataDir: () => null, stderr: { write: (t: string) => err.push(t) }, now: () => at });
    tell({ kind: 'load-failed', url: 'app://roller/', code: -6, description: 'ERR_FILE_NOT_FOUND' });
    tell({ kind: 'unexpected', error: new Error('loadURL rejected') });
    expect(f.dialogs.map((d) => d.title)).toEqual(['Roller Companion cannot show its window']);
    expect(f.exits).toEqual([1]);
    expect(err.join('')).toContain('(after the first failure)');
  });

  it('exits even when the dialog throws', () => {
    const exits: (number | undefined)[] = [];
    const err: string[] = [];
    const tell = createFailureReporter({
      electron: {
        dialog: {
          showErrorBox: () => {
            throw new Error('no display');
          },
        },
        app: { exit: (c) => void exits.push(c) },
      },
      dataDir: () => null,
      stderr: { write: (t: string) => err.push(t) },
    });
    expect(() => tell(failure)).not.toThrow();
    expect(err.join('')).toContain('could not show the error dialog: no display');
    expect(exits).toEqual([1]);
  });
});
