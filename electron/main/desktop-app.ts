/**
 * The desktop app's startup, given Electron (index.ts passes the real module, tests a fake):
 *
 *   data folder → app protocol registered → ready → session store (RollerApp) → session and
 *   contents guards → app protocol handled → preload and page present? → window → IPC → load
 *
 * Every failure on that way, and a page that fails to load or whose process ends, is told by
 * report-startup-failure.ts (stderr, `startup-error.log`, a native dialog, exit code 1); the
 * returned promise never rejects.
 */
import { onStopSignal, type SignalSource } from '../app/stop-signals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CreateRollerAppOptions } from '../app/create-roller-app';
import type { RollerApp } from '../app/roller-app';
import { forwardEvents, registerIpcHandlers } from '../ipc/ipc-main-handlers';
import { APP_SCHEME, isAppUrl, rendererLocation } from './app-origin';
import { APP_SCHEME_PRIVILEGES, appProtocolHandler } from './app-protocol';
import { APP_CSP } from './content-security-policy';
import { createFailureReporter } from './report-startup-failure';
import { openSupportLog, type FileSupportLog } from '../app/support-log';
import { pairFirstRoller } from '../app/pair-first-roller';
import { realScheduler } from '../ble/scheduler';
import { denySessionPermissions, guardContents } from './session-guards';
import { ERR_ABORTED, loadFailure, rendererGone } from './startup-failure';
import { DEFAULT_WINDOW, loadWindowState, saveWindowState, visibleBounds } from './window-state';

/** How many times a page process that ends after the page loaded is answered by loading it again. */
const MAX_PAGE_RELOADS = 3;

export type ElectronShell = Pick<typeof import('electron'), 'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'protocol' | 'screen' | 'session' | 'shell'>;

export interface DesktopAppOptions {
  createRollerApp(o: CreateRollerAppOptions): RollerApp;
  /** The folder of the built main process (out/main): the preload and the page are found beside it. */
  mainDir: string;
  env: Readonly<Record<string, string | undefined>>;
  stderr?: { write(text: string): unknown };
  /** Where stop signals come from (the process; a test passes an emitter). */
  signals?: SignalSource;
}

/** The built preload and renderer, as electron-vite lays them out next to out/main. */
export function builtFiles(mainDir: string): { preload: string; rendererDir: string } {
  return { preload: join(mainDir, '../preload/index.cjs'), rendererDir: join(mainDir, '../renderer') };
}

export function startDesktopApp(electron: ElectronShell, o: DesktopAppOptions): Promise<void> {
  let dataDir: string | null = null;
  let log: FileSupportLog | null = null;
  const fail = createFailureReporter({ electron, dataDir: () => dataDir, supportLog: () => log, ...(o.stderr ? { stderr: o.stderr } : {}) });
  const setDataDir = (dir: string) => {
    dataDir = dir;
    log = openSupportLog({ dataDir: dir, ...(o.stderr ? { stderr: o.stderr } : {}) });
    return log;
  };
  return run(electron, o, setDataDir, fail).catch((error: unknown) => fail({ kind: 'unexpected', error }));
}

async function run(electron: ElectronShell, o: DesktopAppOptions, setDataDir: (dir: string) => FileSupportLog, fail: ReturnType<typeof createFailureReporter>): Promise<void> {
  const { app, BrowserWindow, ipcMain, protocol, screen, session, shell } = electron;
  const dataDir = o.env['ROLLER_DATA_DIR'] || app.getPath('userData');
  const log = setDataDir(dataDir);
  // Before `ready`: the scheme's privileges cannot be given later.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const location = rendererLocation(o.env);
  if (!location.ok) throw new Error(location.error);
  const isAppPage = (url: string) => isAppUrl(url, location.origins);

  let roller: RollerApp;
  try {
    roller = o.createRollerApp({ host: 'electron', dataDir, downloadsDir: app.getPath('downloads'), openFolder: (folder) => shell.openPath(folder), log });
  } catch (error) {
    fail({ kind: 'store', error });
    return;
  }

  const files = builtFiles(o.mainDir);
  denySessionPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, appProtocolHandler({ rootDir: files.rendererDir, csp: APP_CSP }));
  // The dev server's responses get the same policy (the app protocol's carry it already).
  session.defaultSession.webRequest.onHeadersReceived((details, done) => done({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [APP_CSP] } }));
  app.on('web-contents-created', (_e, contents) => guardContents(contents, { isAppUrl: isAppPage, openExternal: (url) => void shell.openExternal(url) }));

  if (!existsSync(files.preload)) return fail({ kind: 'missing-file', what: 'preload', path: files.preload });
  const page = join(files.rendererDir, 'index.html');
  if (!location.dev && !existsSync(page)) return fail({ kind: 'missing-file', what: 'page', path: page });

  const statePath = join(dataDir, 'window.json');
  const saved = visibleBounds(
    loadWindowState(statePath),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : DEFAULT_WINDOW),
    minWidth: 800,
    minHeight: 560,
    backgroundColor: '#0b0d10',
    title: 'Roller Companion',
    show: false,
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    },
  });
  win.webContents.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
    const failure = loadFailure({ code, description, url, isMainFrame });
    if (failure) fail(failure);
  });
  // Once the page has loaded, a page process that ends takes nothing with it: the session is
  // recorded in this process, so the page is loaded again (a few times at most, then it is told).
  let pageLoaded = false;
  let reloadsLeft = MAX_PAGE_RELOADS;
  win.webContents.on('did-finish-load', () => (pageLoaded = true));
  win.webContents.on('render-process-gone', (_e, details) => {
    const failure = rendererGone(details);
    if (!failure) return;
    if (pageLoaded && reloadsLeft > 0 && !win.isDestroyed()) {
      reloadsLeft--;
      pageLoaded = false;
      console.error(`Roller Companion: the page's process ended (${details.reason}, exit code ${details.exitCode}); loading it again`);
      win.webContents.reload();
      return;
    }
    fail(failure);
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    saveWindowState(statePath, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('resized', remember);
  win.on('moved', remember);
  win.on('close', remember);

  const unregister = registerIpcHandlers(ipcMain, roller, isAppPage);
  const unforward = forwardEvents(roller, win.webContents);
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // Closing the window, Ctrl-C, `kill` or a closed terminal (SIGINT, SIGTERM, SIGHUP) all end
  // the same way: a running session stopped as completed with all of it stored, then quit.
  let quitting = false;
  const quit = () => {
    if (quitting) return;
    quitting = true;
    stopListening();
    unforward();
    unregister();
    void roller.dispose().finally(() => app.quit());
  };
  const stopListening = onStopSignal(quit, o.signals ?? process);
  app.on('window-all-closed', quit);
  roller.start();
  // `npm run demo`: the simulated roller is chosen from the start; with --fake-bluez it is paired
  // through the system Bluetooth (a fake BlueZ at DBUS_SYSTEM_BUS_ADDRESS), as a user would.
  if (o.env['ROLLER_DEMO'] === 'fake-bluez') {
    void pairFirstRoller(roller, { scheduler: realScheduler }).catch((err: Error) => (o.stderr ?? process.stderr).write(`Roller Companion: the fake BlueZ demo could not pair: ${err.message}\n`));
  } else if (o.env['ROLLER_DEMO']) await roller.handle('sensors.useSimulated', {});
  // A failed load is told by did-fail-load above first (its listener is older than loadURL's);
  // an aborted load (another navigation took over) is no failure.
  await win.loadURL(location.url).catch((error: unknown) => {
    if ((error as { errno?: unknown } | null)?.errno !== ERR_ABORTED) fail({ kind: 'unexpected', error });
  });
}
