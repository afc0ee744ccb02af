/**
 * What the window's session and every web contents refuse, set up in one place:
 *
 * | what | answer |
 * |---|---|
 * | permission requests and permission checks (camera, notifications, clipboard, fullscreen, …) | denied |
 * | device permissions (HID, serial, USB, Web Bluetooth) and device pickers | denied, every picker cancelled |
 * | Web Bluetooth device choice (`select-bluetooth-device`) and pairing | cancelled, refused: Bluetooth runs in the main process through noble, never in the page |
 * | navigation away from the app's page (exact origin, app-origin.ts) | cancelled |
 * | `window.open` and `target=_blank` | denied; an `https:` link opens in the system browser |
 * | `<webview>` | refused |
 *
 * Takes the small parts of Electron's session and web contents it uses, so tests pass fakes.
 */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  setBluetoothPairingHandler?(handler: (details: unknown, callback: (response: { confirmed: boolean }) => void) => void): void;
  on(event: 'select-hid-device' | 'select-usb-device', listener: (event: { preventDefault(): void }, details: unknown, callback: (deviceId?: string) => void) => void): unknown;
  on(event: 'select-serial-port', listener: (event: { preventDefault(): void }, ports: unknown, webContents: unknown, callback: (portId: string) => void) => void): unknown;
}

export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'select-bluetooth-device', listener: (event: { preventDefault(): void }, devices: unknown, callback: (deviceId: string) => void) => void): unknown;
}

export function denySessionPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setBluetoothPairingHandler?.((_details, callback) => callback({ confirmed: false }));
  const cancelPicker = (event: { preventDefault(): void }, _details: unknown, callback: (deviceId?: string) => void) => {
    event.preventDefault();
    callback();
  };
  session.on('select-hid-device', cancelPicker);
  session.on('select-usb-device', cancelPicker);
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
}

export interface ContentsGuardOptions {
  /** Whether a URL is the app's own page (app-origin.ts `isAppUrl` with the allowed origins). */
  isAppUrl(url: string): boolean;
  openExternal(url: string): void;
}

export function guardContents(contents: GuardedContents, o: ContentsGuardOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttps(url)) o.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!o.isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Without preventDefault Electron would pick the first device found.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
