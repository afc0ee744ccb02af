/**
 * Preload script: the only bridge between the sandboxed renderer and the main process. It
 * exposes the narrow `window.roller` API of the IPC contract — a request by name and a
 * subscription by event name (returning its unsubscribe function) — and nothing else: no
 * ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelOf, EVENTS, REQUESTS, type EventName, type RequestName } from '../ipc/ipc-contract';

const requestNames = new Set(Object.keys(REQUESTS));
const eventNames = new Set(Object.keys(EVENTS));

contextBridge.exposeInMainWorld('roller', {
  host: 'electron',
  request(name: string, params: unknown): Promise<unknown> {
    if (!requestNames.has(name)) return Promise.reject(new Error(`unknown request "${name}"`));
    return ipcRenderer.invoke(channelOf(name as RequestName, 'request'), params);
  },
  subscribe(name: string, fn: (payload: unknown) => void): () => void {
    if (!eventNames.has(name)) throw new Error(`unknown event "${name}"`);
    const channel = channelOf(name as EventName, 'event');
    const listener = (_e: IpcRendererEvent, payload: unknown) => fn(payload);
    ipcRenderer.on(channel, listener);
    return () => ipcRenderer.removeListener(channel, listener);
  },
});
