/**
 * How the renderer's link to the app (main process or browser host) is doing. Electron's preload
 * link is always `open`; the WebSocket link goes `connecting → open → reconnecting → open …`.
 */
export type BridgeState = 'connecting' | 'open' | 'reconnecting' | 'unavailable';

export interface BridgeStatus {
  state: BridgeState;
  /** Reconnect attempts since the link was last open (0 while open). */
  attempt: number;
  /** When the next reconnect attempt starts (ms since the epoch), while reconnecting. */
  retryAtMs: number | null;
  /** Why the link is down, when it is. */
  reason: string | null;
}

export const OPEN_STATUS: BridgeStatus = { state: 'open', attempt: 0, retryAtMs: null, reason: null };

/** True when the user must be told that the app cannot be reached. */
export function isAppLinkLost(status: BridgeStatus): boolean {
  return status.state === 'reconnecting' || status.state === 'unavailable';
}
