/**
 * Picks how the renderer talks to the app: Electron's preload API (`window.roller`) when it is
 * there, otherwise the WebSocket bridge to the browser host that served this page.
 */
import { createElectronBridge, isRollerApi } from './electron-bridge';
import type { RollerBridge } from './roller-bridge-types';
import { createUnavailableBridge } from './unavailable-bridge';
import { createWsBridge } from './ws-bridge';
import { wsUrlFor } from './ws-url';

export type { RollerBridge } from './roller-bridge-types';

export function pickBridge(win: Window = window): RollerBridge {
  if (isRollerApi(win.roller)) return createElectronBridge(win.roller);
  const url = wsUrlFor(win.location);
  if (url === null) {
    return createUnavailableBridge('this page was opened without the app (no preload API and no host address with a token).');
  }
  return createWsBridge({
    url,
    onBadFrame: (error) => console.warn(`Roller Companion: ignored a message from the app: ${error}`),
  });
}
