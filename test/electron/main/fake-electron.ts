/**
 * A fake of the parts of Electron the desktop shell uses (electron/main/desktop-app.ts), for
 * tests on a machine without the Electron binary: it records what the shell asks for (the
 * privileged scheme, the protocol handler, the session's handlers, the window and what it loads,
 * IPC handlers, dialogs, exits) and lets a test emit the events Electron would.
 */
import { EventEmitter } from 'node:events';
import type { ElectronShell } from '../../../electron/main/desktop-app';

type AnyFn = (...args: never[]) => unknown;
/** What EventEmitter.on takes. */
type EmitterListener = Parameters<EventEmitter['on']>[1];

export function fakeSession() {
  const handlers: Record<string, AnyFn> = {};
  const events = new EventEmitter();
  return {
    handlers,
    events,
    setPermissionRequestHandler: (h: AnyFn) => void (handlers['request'] = h),
    setPermissionCheckHandler: (h: AnyFn) => void (handlers['check'] = h),
    setDevicePermissionHandler: (h: AnyFn) => void (handlers['device'] = h),
    setBluetoothPairingHandler: (h: AnyFn) => void (handlers['pairing'] = h),
    on(event: string, listener: EmitterListener) {
      events.on(event, listener);
      return this;
    },
    webRequest: { onHeadersReceived: (h: AnyFn) => void (handlers['headers'] = h) },
  };
}

export class FakeWindow extends EventEmitter {
  static all: FakeWindow[] = [];
  readonly webContents = Object.assign(new EventEmitter(), {
    sent: [] as [string, unknown][],
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    },
    isDestroyed: () => false,
    reloads: 0,
    reload() {
      this.reloads++;
    },
  });
  readonly loaded: string[] = [];
  /** What loadURL answers (Electron rejects when the load fails). */
  static loadResult: () => Promise<void> = () => Promise.resolve();
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeWindow.all.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return FakeWindow.loadResult();
  }
  show() {}
  maximize() {}
  restore() {}
  focus() {}
  isDestroyed = () => false;
  isMinimized = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
}

export function fakeElectron(o: { userData: string; singleInstance?: boolean; loadResult?: () => Promise<void> }) {
  FakeWindow.all = [];
  FakeWindow.loadResult = o.loadResult ?? (() => Promise.resolve());
  const calls: string[] = [];
  const dialogs: { title: string; content: string }[] = [];
  const exits: (number | undefined)[] = [];
  const schemes: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  const protocolHandlers = new Map<string, (req: Request) => Promise<Response> | Response>();
  const ipcHandlers = new Map<string, (event: unknown, params: unknown) => unknown>();
  const opened: string[] = [];
  const session = fakeSession();
  const app = Object.assign(new EventEmitter(), {
    getPath: (name: string) => (name === 'userData' ? o.userData : `/fake/${name}`),
    requestSingleInstanceLock: () => o.singleInstance ?? true,
    whenReady: () => {
      calls.push('whenReady');
      return Promise.resolve();
    },
    quit: () => void calls.push('quit'),
    exit: (code?: number) => void exits.push(code),
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: (title: string, content: string) => void dialogs.push({ title, content }) },
    ipcMain: { handle: (channel: string, fn: (event: unknown, params: unknown) => unknown) => void ipcHandlers.set(channel, fn), removeHandler: (channel: string) => void ipcHandlers.delete(channel) },
    protocol: {
      registerSchemesAsPrivileged: (list: { scheme: string; privileges?: Record<string, boolean> }[]) => {
        calls.push('registerSchemesAsPrivileged');
        schemes.push(...list);
      },
      handle: (scheme: string, handler: (req: Request) => Promise<Response>) => void protocolHandlers.set(scheme, handler),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: { defaultSession: session },
    shell: { openExternal: (url: string) => void opened.push(url) },
  };
  return {
    // The fake has only what desktop-app.ts uses; Electron's own types describe far more.
    electron: electron as unknown as ElectronShell,
    app,
    session,
    calls,
    dialogs,
    exits,
    schemes,
    protocolHandlers,
    ipcHandlers,
    opened,
    windows: () => FakeWindow.all,
  };
}
