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

/** Reconnect attempts after which the banner says the app has stopped (about 3.5 s with the default backoff). */
export const STOPPED_AFTER_ATTEMPTS = 3;

export interface LinkLostText {
  title: string;
  detail: string;
  /** How to start the app again, once it looks stopped. */
  restart: string | null;
}

/**
 * What the banner says when the app cannot be reached. At first it may be a blip (reconnecting);
 * after a few attempts, or when unavailable, the app is taken as not running: nothing is recorded
 * and the sensor's state is unknown. A restarted app has a new address (a new token per run).
 */
export function linkLostText(status: BridgeStatus): LinkLostText {
  const why = status.reason ? `; ${status.reason}` : '';
  const unknown = 'The sensor’s state is unknown until the app answers.';
  if (status.state === 'reconnecting' && status.attempt < STOPPED_AFTER_ATTEMPTS) {
    return { title: 'Connection to the app lost', detail: `Reconnecting (attempt ${status.attempt})${why}. ${unknown}`, restart: null };
  }
  const lead =
    status.state === 'reconnecting' ? `This page cannot reach the app (tried ${status.attempt} times), so it has most likely stopped` : upperFirst(status.reason ?? 'this page cannot reach the app');
  return {
    title: 'The app is not running',
    detail: `${lead}. Nothing is being recorded, and the sensor’s state is unknown.`,
    restart: 'To start it again, run npm start (or npm run demo, or npx roller serve) in the project folder and open the new address it prints: this page’s address belonged to the run that stopped.',
  };
}

const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
