/**
 * Preload script: the only bridge between the sandboxed renderer and the main process.
 * It exposes a narrow `window.roller` API; the IPC contract module defines each call.
 */
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('roller', {
  host: 'electron',
});
