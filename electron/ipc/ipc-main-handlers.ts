/**
 * Registers every request of the IPC contract with Electron's ipcMain — all in one place — and
 * forwards the app's events to a window. Each message is parsed against the contract before it
 * reaches the app; messages from any frame but the app's own page are refused.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { RollerApp } from '../app/roller-app';
import { channelOf, EVENTS, parseRequest, REQUESTS, type EventName, type RequestName } from './ipc-contract';

export function registerIpcHandlers(ipcMain: IpcMain, app: RollerApp, isAppFrame: (url: string) => boolean): () => void {
  const names = Object.keys(REQUESTS) as RequestName[];
  for (const name of names) {
    ipcMain.handle(channelOf(name, 'request'), async (event: IpcMainInvokeEvent, params: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppFrame(url)) throw new Error(`request ${name} refused: it did not come from the app's page`);
      const parsed = parseRequest(name, params);
      if (!parsed.ok) throw new Error(parsed.error);
      return app.handle(parsed.name, parsed.params);
    });
  }
  return () => names.forEach((name) => ipcMain.removeHandler(channelOf(name, 'request')));
}

export function forwardEvents(app: RollerApp, contents: WebContents): () => void {
  const unsubs = (Object.keys(EVENTS) as EventName[]).map((name) =>
    app.on(name, (payload) => {
      if (!contents.isDestroyed()) contents.send(channelOf(name, 'event'), payload);
    }),
  );
  return () => unsubs.forEach((u) => u());
}
