/** The bridge in Electron: the preload's `window.roller`, whose link to main never drops. */
import { OPEN_STATUS } from './bridge-status';
import type { RollerApi } from './contract';
import type { RollerBridge } from './roller-bridge-types';

export function createElectronBridge(api: RollerApi): RollerBridge {
  return {
    request: (name, params) => api.request(name, params),
    subscribe: (name, fn) => api.subscribe(name, fn),
    status: () => OPEN_STATUS,
    onStatus: () => () => {},
  };
}

/** True when `candidate` has the preload API's two functions. */
export function isRollerApi(candidate: unknown): candidate is RollerApi {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const c = candidate as Record<string, unknown>;
  return typeof c['request'] === 'function' && typeof c['subscribe'] === 'function';
}
