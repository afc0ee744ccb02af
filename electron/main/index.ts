/**
 * Electron main process: the one composition root. Sources → decoder → engine → store → IPC
 * are wired in RollerApp; this file only adds the Electron shell: a single, sandboxed,
 * context-isolated window with a strict Content Security Policy, no navigation, no new
 * windows, no remote content, and its size and position remembered.
 */
import { app, BrowserWindow, ipcMain, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { createRollerApp } from '../app/create-roller-app';
import { forwardEvents, registerIpcHandlers } from '../ipc/ipc-main-handlers';
import { DEFAULT_WINDOW, loadWindowState, saveWindowState, visibleBounds } from './window-state';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

function rendererUrl(): string {
  const dev = process.env['ELECTRON_RENDERER_URL'];
  return dev ?? `file://${join(import.meta.dirname, '../renderer/index.html')}`;
}

function isAppFrame(url: string): boolean {
  const base = rendererUrl();
  return url === base || url.startsWith(base.replace(/index\.html$/, '')) || url.split('#')[0] === base;
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const dataDir = process.env['ROLLER_DATA_DIR'] ?? app.getPath('userData');
  const roller = createRollerApp({ host: 'electron', dataDir, downloadsDir: app.getPath('downloads') });

  session.defaultSession.webRequest.onHeadersReceived((details, done) => done({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }));
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, grant) => grant(false));
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (e, url) => {
      if (!isAppFrame(url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  const statePath = join(dataDir, 'window.json');
  const saved = visibleBounds(loadWindowState(statePath), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : DEFAULT_WINDOW),
    minWidth: 800,
    minHeight: 560,
    backgroundColor: '#0b0d10',
    title: 'Roller Companion',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const b = win.getNormalBounds();
    saveWindowState(statePath, { ...b, maximized: win.isMaximized() });
  };
  win.on('resized', remember);
  win.on('moved', remember);
  win.on('close', remember);

  const unregister = registerIpcHandlers(ipcMain, roller, isAppFrame);
  const unforward = forwardEvents(roller, win.webContents);
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    unforward();
    unregister();
    void roller.dispose().finally(() => app.quit());
  });
  roller.start();
  // `npm run demo`: the simulated roller is chosen from the start.
  if (process.env['ROLLER_DEMO']) await roller.handle('sensors.useSimulated', {});
  await win.loadURL(rendererUrl());
}

void main();
