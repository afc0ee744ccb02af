/** The bridge when there is neither a preload API nor a host to talk to: every request fails clearly. */
import type { BridgeStatus } from './bridge-status';
import type { RollerBridge } from './roller-bridge-types';

export function createUnavailableBridge(reason: string): RollerBridge {
  const status: BridgeStatus = { state: 'unavailable', attempt: 0, retryAtMs: null, reason };
  return {
    request: (name) => Promise.reject(new Error(`Cannot reach the app for "${name}": ${reason}`)),
    subscribe: () => () => {},
    status: () => status,
    onStatus: () => () => {},
  };
}
