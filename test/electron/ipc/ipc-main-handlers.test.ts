/**
 * The Electron side of the contract without Electron: the handlers are registered on an object
 * shaped like ipcMain; every request is parsed, and frames other than the app's page are refused.
 */
import { noSimulatedRoller, testRollerApp } from '../../support/test-roller-app';
import { describe, expect, it } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { memoryAppStore } from '../../../electron/app/app-store';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import { channelOf, REQUESTS, type RequestName } from '../../../electron/ipc/ipc-contract';
import { forwardEvents, registerIpcHandlers } from '../../../electron/ipc/ipc-main-handlers';

function fakeIpcMain() {
  const handlers = new Map<string, (e: IpcMainInvokeEvent, params: unknown) => Promise<unknown>>();
  const ipc = {
    handle: (channel: string, fn: (e: IpcMainInvokeEvent, params: unknown) => Promise<unknown>) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  } as unknown as IpcMain;
  return { ipc, handlers };
}

const app = testRollerApp({ host: 'electron', scheduler: new ManualScheduler(), store: memoryAppStore(), makeSimulatedNoble: noSimulatedRoller });
const PAGE = 'file:///app/out/renderer/index.html';
const event = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;

describe('IPC handlers', () => {
  it('registers every request of the contract in one place, and removes them all', () => {
    const { ipc, handlers } = fakeIpcMain();
    const unregister = registerIpcHandlers(ipc, app, (url) => url === PAGE);
    expect([...handlers.keys()].sort()).toEqual((Object.keys(REQUESTS) as RequestName[]).map((n) => channelOf(n, 'request')).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('parses what it receives and refuses other frames', async () => {
    const { ipc, handlers } = fakeIpcMain();
    registerIpcHandlers(ipc, app, (url) => url === PAGE);
    const update = handlers.get(channelOf('profile.update', 'request'))!;
    await expect(update(event(PAGE), { units: 'cm' })).resolves.toMatchObject({ units: 'cm' });
    await expect(update(event(PAGE), { units: 'furlongs' })).rejects.toThrow(/^profile\.update: units: /);
    await expect(update(event('https://evil.example/'), { units: 'cm' })).rejects.toThrow(/did not come from the app's page/);
    const stop = handlers.get(channelOf('session.stop', 'request'))!;
    await expect(stop(event(PAGE), {})).rejects.toThrow(/session\.stop: reason/);
  });

  it('forwards events to the window until unsubscribed, and not to a destroyed one', async () => {
    const sent: string[] = [];
    let destroyed = false;
    const contents = { isDestroyed: () => destroyed, send: (channel: string) => sent.push(channel) } as unknown as WebContents;
    const off = forwardEvents(app, contents);
    await app.handle('profile.update', { units: 'in' });
    expect(sent).toContain(channelOf('snapshot', 'event'));
    destroyed = true;
    const n = sent.length;
    await app.handle('profile.update', { units: 'cm' });
    expect(sent.length).toBe(n);
    off();
  });
});
