import type { BridgeStatus } from './bridge-status';
import type { RollerApi } from './contract';

/** The contract's API plus the state of the link itself (the UI shows when the app is unreachable). */
export interface RollerBridge extends RollerApi {
  status(): BridgeStatus;
  /** Called on every status change; returns its unsubscribe function. */
  onStatus(fn: (status: BridgeStatus) => void): () => void;
}
