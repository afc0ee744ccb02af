/**
 * The desktop shell's startup wired to a fake Electron (fake-electron.ts) and a fake RollerApp:
 * what is registered before `ready`, what the window is and loads, what the protocol serves,
 * which frames IPC answers, and that every failure on the way ends in one dialog and exit 1,
 * never in a rejected promise.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { RollerApp } from '../../../electron/app/roller-app';
import { startDesktopApp } from '../../../electron/main/desktop-app';
import { APP_CSP } from '../../../electron/main/content-security-policy';
import { STARTUP_LOG_FILE_NAME } from '../../../electron/main/startup-failure';
import { fakeElectron } from './fake-electron';

const work = mkdtempSync(join(tmpdir(), 'roller-desktop-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An out/ folder as electron-vite builds it: main, preload, renderer side by side. */
function builtApp(name: string, o: { preload?: boolean; page?: boolean } = {}) {
  const out = join(work, name);
  mkdirSync(join(out, 'main'), { recursive: true });
  mkdirSync(join(out, 'preload'), { recursive: true });
  mkdirSync(join(out, 'renderer', 'assets'), { recursive: true });
  if (o.preload !== false) writeFileSync(join(out, 'preload', 'index.cjs'), '"use strict";');
  if (o.page !== false) writeFileSync(join(out, 'renderer', 'index.html'), '<!doctype html><title>Roller Companion</title>');
  writeFileSync(join(out, 'renderer', 'assets', 'app.js'), 'void 0;');
  return { mainDir: join(out, 'main'), dataDir: join(out, 'data') };
}

function fakeRoller() {
  const log: string[] = [];
  const roller = {
    log,
    start: () => void log.push('start'),
    on: () => () => undefined,
    handle: (name: string) => {
      log.push(`handle ${name}`);
      return Promise.resolve({ ok: true });
    },
    dispose: () => {
      log.push('dispose');
      return Promise.resolve();
    },
  };
  return roller;
}

interface StartOptions {
  preload?: boolean;
  page?: boolean;
  env?: Record<string, string>;
  createRollerApp?: () => RollerApp;
  singleInstance?: boolean;
  loadResult?: () => Promise<void>;
  signals?: EventEmitter;
}

async function start(name: string, o: StartOptions = {}) {
  const built = builtApp(name, o);
  const fake = fakeElectron({ userData: built.dataDir, ...(o.singleInstance === undefined ? {} : { singleInstance: o.singleInstance }), ...(o.loadResult ? { loadResult: o.loadResult } : {}) });
  const roller = fakeRoller();
  const stderr: string[] = [];
  await startDesktopApp(fake.electron, {
    createRollerApp: o.createRollerApp ?? (() => roller as unknown as RollerApp),
    mainDir: built.mainDir,
    env: o.env ?? {},
    stderr: { write: (t: string) => stderr.push(t) },
    signals: o.signals ?? new EventEmitter(),
  });
  return { ...fake, ...built, roller, stderr };
}

describe('the desktop shell starting', () => {
  it('registers app:// as a standard, secure scheme before the app is ready, and loads the page from it', async () => {
    const s = await start('ok');
    expect(s.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(s.calls.indexOf('whenReady'));
    expect(s.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(s.schemes[0]!.privileges).not.toHaveProperty('bypassCSP');
    const [win] = s.windows();
    expect(win!.loaded).toEqual(['app://roller/index.html']);
    expect(win!.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: join(s.mainDir, '../preload/index.cjs'),
    });
    expect(s.roller.log).toEqual(['start']);
    expect(s.dialogs).toEqual([]);
    expect(s.exits).toEqual([]);
  });

  it('serves the built renderer through the protocol with the CSP header, and nothing outside it', async () => {
    const s = await start('serve');
    const handler = s.protocolHandlers.get('app')!;
    const page = await handler(new Request('app://roller/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(await page.text()).toContain('Roller Companion');
    expect((await handler(new Request('app://roller/assets/app.js'))).status).toBe(200);
    expect((await handler(new Request('app://roller/%2e%2e/preload/index.cjs'))).status).toBe(404);
  });

  it('denies permissions in the session, including permission checks and device permissions', async () => {
    const s = await start('perm');
    expect(Object.keys(s.session.handlers).sort()).toEqual(['check', 'device', 'headers', 'pairing', 'request']);
    expect((s.session.handlers['check'] as (wc: unknown, p: string) => boolean)(null, 'hid')).toBe(false);
    expect((s.session.handlers['device'] as (d: unknown) => boolean)({})).toBe(false);
  });

  it('answers IPC only from frames of the app’s exact origin', async () => {
    const s = await start('ipc');
    const handler = s.ipcHandlers.get('roller:request:history.get')!;
    const from = (url: string) => ({ senderFrame: { url } });
    await expect(Promise.resolve(handler(from('app://roller/index.html'), { days: 7 }))).resolves.toEqual({ ok: true });
    for (const url of ['app://roller.evil/index.html', 'app://roller@evil/', 'file:///tmp/out/renderer/index.html', 'https://roller/']) {
      await expect(
        Promise.resolve().then(() => handler(from(url), { days: 7 })),
        url,
      ).rejects.toThrow(/did not come from the app's page/);
    }
  });

  it('loads the dev server and trusts exactly its origin when ELECTRON_RENDERER_URL is set', async () => {
    const s = await start('dev', { env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    expect(s.windows()[0]!.loaded).toEqual(['http://localhost:5173']);
    const handler = s.ipcHandlers.get('roller:request:history.get')!;
    await expect(Promise.resolve(handler({ senderFrame: { url: 'http://localhost:5173/' } }, { days: 7 }))).resolves.toEqual({ ok: true });
    await expect(Promise.resolve().then(() => handler({ senderFrame: { url: 'http://localhost:51730/' } }, { days: 7 }))).rejects.toThrow();
  });

  it('steps aside for a running instance', async () => {
    const s = await start('second', { singleInstance: false });
    expect(s.calls).toContain('quit');
    expect(s.windows()).toEqual([]);
  });
});

describe('the desktop shell failing to start', () => {
  it('tells a store that does not open: dialog with the reason and the data folder, the log in that folder, exit 1', async () => {
    const s = await start('store', {
      createRollerApp: () => {
        throw new Error('SQLITE_CANTOPEN: unable to open database file');
      },
    });
    expect(s.dialogs).toHaveLength(1);
    expect(s.dialogs[0]!.content).toContain('SQLITE_CANTOPEN');
    expect(s.dialogs[0]!.content).toContain(s.dataDir);
    expect(readFileSync(join(s.dataDir, STARTUP_LOG_FILE_NAME), 'utf8')).toContain('SQLITE_CANTOPEN');
    expect(s.stderr.join('')).toContain('SQLITE_CANTOPEN');
    expect(s.exits).toEqual([1]);
    expect(s.windows()).toEqual([]);
  });

  it('tells a missing preload or page before opening a window', async () => {
    const noPreload = await start('no-preload', { preload: false });
    expect(noPreload.dialogs[0]!.content).toContain(join(noPreload.mainDir, '../preload/index.cjs'));
    expect([noPreload.exits, noPreload.windows()]).toEqual([[1], []]);
    const noPage = await start('no-page', { page: false });
    expect(noPage.dialogs[0]!.content).toMatch(/page is missing: .*index\.html/);
    expect(noPage.exits).toEqual([1]);
  });

  it('tells a page that does not load (did-fail-load) once, though loadURL rejects too', async () => {
    const built = await start('load-ok');
    const win = built.windows()[0]!;
    win.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://roller/index.html', true);
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://roller/x.png', false);
    expect(built.dialogs).toEqual([]);
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://roller/index.html', true);
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://roller/index.html', true);
    expect(built.dialogs).toHaveLength(1);
    expect(built.dialogs[0]!.content).toContain('ERR_FILE_NOT_FOUND (-6)');
    expect(built.exits).toEqual([1]);
  });

  it('tells a rejected loadURL that no did-fail-load told, but not an aborted one', async () => {
    const rejecting = (message: string, errno: number) => () => Promise.reject(Object.assign(new Error(message), { errno }));
    const aborted = await start('load-aborted', { loadResult: rejecting('ERR_ABORTED (-3) loading app://roller/index.html', -3) });
    expect([aborted.dialogs, aborted.exits]).toEqual([[], []]);
    const failed = await start('load-rejected', { loadResult: rejecting('ERR_FAILED (-2) loading app://roller/index.html', -2) });
    expect(failed.dialogs[0]!.content).toContain('ERR_FAILED (-2)');
    expect(failed.exits).toEqual([1]);
  });

  it('tells a page process that ends, not one that exits cleanly', async () => {
    const s = await start('gone');
    const win = s.windows()[0]!;
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(s.dialogs).toEqual([]);
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(s.dialogs[0]!.content).toMatch(/crashed, exit code 139/);
    expect(s.dialogs[0]!.content).toContain(s.dataDir);
    expect(s.exits).toEqual([1]);
  });

  it('loads the page again when its process ends after it loaded, and tells it only when that keeps happening', async () => {
    const s = await start('gone-later');
    const win = s.windows()[0]!;
    for (let i = 0; i < 3; i++) {
      win.webContents.emit('did-finish-load');
      win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    }
    expect(win.webContents.reloads).toBe(3);
    expect([s.dialogs, s.exits]).toEqual([[], []]);
    win.webContents.emit('did-finish-load');
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(s.dialogs[0]!.content).toMatch(/ran out of memory/);
    expect(s.exits).toEqual([1]);
  });

  it('ends on a closed terminal (SIGHUP) as on closing the window: the session is stored, then the app quits, once', async () => {
    const signals = new EventEmitter();
    const s = await start('hangup', { signals });
    signals.emit('SIGHUP');
    await vi.waitFor(() => expect(s.calls).toContain('quit'));
    signals.emit('SIGTERM');
    s.app.emit('window-all-closed');
    await Promise.resolve();
    expect(s.roller.log.filter((l) => l === 'dispose')).toEqual(['dispose']);
    expect(s.calls.filter((c) => c === 'quit')).toEqual(['quit']);
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM') + signals.listenerCount('SIGHUP')).toBe(0);
  });

  it('ends anything unexpected in the dialog too: startDesktopApp never rejects', async () => {
    const s = await start('dev-bad', { env: { ELECTRON_RENDERER_URL: 'localhost:5173' } });
    expect(s.dialogs[0]!.content).toContain('ELECTRON_RENDERER_URL');
    expect(s.exits).toEqual([1]);
    expect(existsSync(join(s.dataDir, STARTUP_LOG_FILE_NAME))).toBe(true);
  });
});

describe('the desktop demo', () => {
  /** A roller app whose Bluetooth finds one roller and streams once connected. */
  function pairableRoller() {
    const r = fakeRoller();
    let connected = false;
    return Object.assign(r, {
      snapshot: () => ({
        adapter: { state: 'poweredOn', message: '', fix: '' },
        devices: [{ id: 'c45243000001', kind: 'roller' }],
        connection: connected ? { name: 'streaming', source: 'ble' } : { name: 'idle', source: null },
      }),
      handle: (name: string) => {
        r.log.push(`handle ${name}`);
        if (name === 'sensors.connect') connected = true;
        return Promise.resolve({ ok: true });
      },
    });
  }

  it('ROLLER_DEMO=fake-bluez pairs the first roller through the system Bluetooth; ROLLER_DEMO=1 picks the simulated roller', async () => {
    const pairable = pairableRoller();
    await start('demo-fake-bluez', { env: { ROLLER_DEMO: 'fake-bluez' }, createRollerApp: () => pairable as unknown as RollerApp });
    await vi.waitFor(() => expect(pairable.log).toContain('handle sensors.connect'));
    expect(pairable.log.filter((l) => l.startsWith('handle'))).toEqual(['handle sensors.scan', 'handle sensors.connect']);
    const s = await start('demo-simulated', { env: { ROLLER_DEMO: '1' } });
    expect(s.roller.log).toContain('handle sensors.useSimulated');
  });
});
