/**
 * The connection state machine the UI observes (STYLE.md practice 10):
 *
 *   idle → scanning → connecting → streaming
 *                         ↑            │ link lost
 *                         └── reconnecting (retries with backoff) → lost (gave up)
 *
 * Pure: events in, states out; timing is the caller's (it asks `retryDelayMs` and reports
 * `retryDue`). Every state carries what the UI needs to show it.
 */
export type ConnectionState =
  | { name: 'idle' }
  | { name: 'scanning' }
  | { name: 'connecting'; deviceId: string }
  | { name: 'streaming'; deviceId: string }
  | { name: 'reconnecting'; deviceId: string; attempt: number; reason: string }
  | { name: 'lost'; deviceId: string; reason: string };

export type ConnectionStateName = ConnectionState['name'];

export type ConnectionEvent =
  | { type: 'scan' }
  | { type: 'connect'; deviceId: string }
  | { type: 'streaming' }
  | { type: 'link-lost'; reason: string }
  | { type: 'attempt-failed'; reason: string }
  | { type: 'retry-due' }
  | { type: 'give-up'; reason: string }
  | { type: 'stop' };

export interface ReconnectPolicy {
  /** First retry delay, doubled each attempt up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Give up (→ lost) after this many failed attempts. */
  maxAttempts: number;
}

export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = { firstDelayMs: 250, maxDelayMs: 5000, maxAttempts: 20 };

export function retryDelayMs(attempt: number, policy: ReconnectPolicy = DEFAULT_RECONNECT_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempt - 1));
}

/** The next state, or the same object when the event does not apply in this state. */
export function nextConnectionState(s: ConnectionState, e: ConnectionEvent, policy: ReconnectPolicy = DEFAULT_RECONNECT_POLICY): ConnectionState {
  switch (e.type) {
    case 'stop':
      return { name: 'idle' };
    case 'scan':
      return s.name === 'idle' || s.name === 'lost' ? { name: 'scanning' } : s;
    case 'connect':
      return s.name === 'streaming' && s.deviceId === e.deviceId ? s : { name: 'connecting', deviceId: e.deviceId };
    case 'streaming':
      return s.name === 'connecting' || s.name === 'reconnecting' ? { name: 'streaming', deviceId: s.deviceId } : s;
    case 'link-lost':
      if (s.name === 'streaming' || s.name === 'connecting') return { name: 'reconnecting', deviceId: s.deviceId, attempt: 1, reason: e.reason };
      return s;
    case 'attempt-failed':
      if (s.name !== 'reconnecting') return s.name === 'connecting' ? { name: 'lost', deviceId: s.deviceId, reason: e.reason } : s;
      if (s.attempt >= policy.maxAttempts) return { name: 'lost', deviceId: s.deviceId, reason: e.reason };
      return { name: 'reconnecting', deviceId: s.deviceId, attempt: s.attempt + 1, reason: e.reason };
    case 'retry-due':
      return s;
    case 'give-up':
      return s.name === 'reconnecting' || s.name === 'connecting' ? { name: 'lost', deviceId: s.deviceId, reason: e.reason } : s;
  }
}

/** A small observable holder around the pure transition function. */
export class ConnectionMachine {
  private current: ConnectionState = { name: 'idle' };
  private readonly listeners = new Set<(s: ConnectionState) => void>();
  readonly policy: ReconnectPolicy;

  constructor(policy: ReconnectPolicy = DEFAULT_RECONNECT_POLICY) {
    this.policy = policy;
  }

  get state(): ConnectionState {
    return this.current;
  }

  dispatch(e: ConnectionEvent): ConnectionState {
    const next = nextConnectionState(this.current, e, this.policy);
    if (next !== this.current) {
      this.current = next;
      for (const l of this.listeners) l(next);
    }
    return next;
  }

  /** Calls `fn` on every change; returns the unsubscribe function. */
  subscribe(fn: (s: ConnectionState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
