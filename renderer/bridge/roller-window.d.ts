/**
 * `window.roller`: the narrow API the Electron preload exposes (absent in a plain browser, where
 * the WebSocket bridge is used instead). Checked at run time before use: an older preload may
 * expose only part of it.
 */
import type { RollerApi } from '../../electron/ipc/ipc-contract';

declare global {
  interface Window {
    roller?: Partial<RollerApi> & { host?: string };
  }
}

export {};
