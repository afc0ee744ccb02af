/**
 * The bridge for the browser host: the contract's API over one WebSocket (JSON text frames).
 *
 *   request  → { kind: 'request', id, name, params }   ids increase from 1
 *   response ← { kind: 'response', id, ok, result | error }  matched to its request by id
 *   event    ← { kind: 'event', name, payload }          dispatched to that event's subscribers
 *
 * When the socket closes it reconnects with backoff (status `reconnecting`, attempt n). Requests
 * made while the socket is down wait for it up to `waitWhileClosedMs`, then fail with a clear
 * message; requests in flight when it drops fail at once (the app may or may not have done them).
 * Subscriptions survive reconnects. The socket and the timers are injected, so this runs in tests.
 */
import type { BridgeStatus } from './bridge-status';
import type { EventName, EventPayload, RequestName, RequestParams, RequestResult, WireFromRenderer } from './contract';
import { DEFAULT_BACKOFF, reconnectDelayMs, type BackoffPolicy } from './reconnect-backoff';
import type { RollerBridge } from './roller-bridge-types';
import { parseWireFromMain } from './wire-message';

/** The part of the DOM WebSocket the bridge uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code?: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export interface BridgeTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface WsBridgeOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  timers?: BridgeTimers;
  backoff?: BackoffPolicy;
  /** How long a request made while disconnected waits for the link (ms). */
  waitWhileClosedMs?: number;
  /** How long an answer may take once sent (ms). */
  requestTimeoutMs?: number;
  /** Told about frames that could not be understood (they are counted and dropped). */
  onBadFrame?: (error: string) => void;
}

const OPEN = 1;

interface Pending {
  name: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: unknown;
}

interface Waiting {
  frame: WireFromRenderer;
  pending: Pending;
}

const defaultTimers: BridgeTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now(),
};

export class LinkLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkLostError';
  }
}

export function createWsBridge(options: WsBridgeOptions): RollerBridge & { close(): void; badFrames(): number } {
  const timers = options.timers ?? defaultTimers;
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const waitWhileClosedMs = options.waitWhileClosedMs ?? 10_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 20_000;

  let socket: SocketLike | null = null;
  let nextId = 1;
  let badFrames = 0;
  let closedByUs = false;
  let retryTimer: unknown = null;
  let status: BridgeStatus = { state: 'connecting', attempt: 0, retryAtMs: null, reason: null };
  const inFlight = new Map<number, Pending>();
  const waiting: Waiting[] = [];
  const subscribers = new Map<EventName, Set<(payload: never) => void>>();
  const statusListeners = new Set<(s: BridgeStatus) => void>();

  function setStatus(next: BridgeStatus): void {
    status = next;
    for (const fn of [...statusListeners]) {
      try {
        fn(status);
      } catch (err) {
        console.error('bridge status listener failed', err);
      }
    }
  }

  function connect(): void {
    let s: SocketLike;
    try {
      s = createSocket(options.url);
    } catch (err) {
      scheduleReconnect(`cannot open the connection: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    socket = s;
    s.onopen = () => {
      if (socket !== s) return;
      setStatus({ state: 'open', attempt: 0, retryAtMs: null, reason: null });
      flushWaiting();
    };
    s.onmessage = (ev) => {
      if (socket === s) onFrame(ev.data);
    };
    s.onerror = () => {
      /* a close event follows; it carries what we need */
    };
    s.onclose = (ev) => {
      if (socket !== s) return;
      socket = null;
      failInFlight();
      if (closedByUs) return;
      const why = ev.reason ? ev.reason : ev.code && ev.code !== 1000 ? `closed (code ${ev.code})` : 'the connection closed';
      scheduleReconnect(why);
    };
  }

  function scheduleReconnect(reason: string): void {
    const attempt = status.state === 'open' || status.state === 'connecting' ? 1 : status.attempt + 1;
    const delay = reconnectDelayMs(attempt, backoff);
    setStatus({ state: 'reconnecting', attempt, retryAtMs: timers.now() + delay, reason });
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      if (!closedByUs) connect();
    }, delay);
  }

  function failInFlight(): void {
    for (const [id, p] of inFlight) {
      inFlight.delete(id);
      timers.clearTimeout(p.timer);
      p.reject(new LinkLostError(`Connection to the app lost before "${p.name}" was answered.`));
    }
  }

  function flushWaiting(): void {
    while (waiting.length > 0 && socket && socket.readyState === OPEN) {
      const w = waiting.shift();
      if (!w) break;
      timers.clearTimeout(w.pending.timer);
      send(w.frame, w.pending);
    }
  }

  function send(frame: WireFromRenderer, pending: Pending): void {
    const s = socket;
    if (!s) return;
    pending.timer = timers.setTimeout(() => {
      if (inFlight.delete(frame.id)) pending.reject(new Error(`The app did not answer "${pending.name}" in time.`));
    }, requestTimeoutMs);
    inFlight.set(frame.id, pending);
    try {
      s.send(JSON.stringify(frame));
    } catch (err) {
      inFlight.delete(frame.id);
      timers.clearTimeout(pending.timer);
      pending.reject(new LinkLostError(`Could not send "${pending.name}": ${err instanceof Error ? err.message : String(err)}`));
    }
  }

  function onFrame(data: unknown): void {
    const parsed = parseWireFromMain(data);
    if (!parsed.ok) {
      badFrames += 1;
      options.onBadFrame?.(parsed.error);
      return;
    }
    const m = parsed.message;
    if (m.kind === 'event') {
      const set = subscribers.get(m.name);
      if (!set) return;
      for (const fn of [...set]) {
        try {
          (fn as (p: unknown) => void)(m.payload);
        } catch (err) {
          console.error(`subscriber of "${m.name}" failed`, err);
        }
      }
      return;
    }
    const p = inFlight.get(m.id);
    if (!p) {
      badFrames += 1;
      options.onBadFrame?.(`response to unknown request id ${m.id}`);
      return;
    }
    inFlight.delete(m.id);
    timers.clearTimeout(p.timer);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(m.error));
  }

  function request<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResult<N>> {
    return new Promise<RequestResult<N>>((resolve, reject) => {
      if (closedByUs) {
        reject(new LinkLostError(`The connection to the app is closed; "${name}" was not sent.`));
        return;
      }
      const frame: WireFromRenderer = { kind: 'request', id: nextId++, name, params: params ?? {} };
      const pending: Pending = { name, resolve, reject, timer: null };
      if (socket && socket.readyState === OPEN) {
        send(frame, pending);
        return;
      }
      const w: Waiting = { frame, pending };
      waiting.push(w);
      pending.timer = timers.setTimeout(() => {
        const i = waiting.indexOf(w);
        if (i < 0) return;
        waiting.splice(i, 1);
        reject(new LinkLostError(`Connection to the app lost: "${name}" could not be sent. Check that Roller Companion is still running.`));
      }, waitWhileClosedMs);
    });
  }

  function subscribe<N extends EventName>(name: N, fn: (payload: EventPayload<N>) => void): () => void {
    let set = subscribers.get(name);
    if (!set) {
      set = new Set();
      subscribers.set(name, set);
    }
    const entry = fn as (payload: never) => void;
    set.add(entry);
    return () => {
      subscribers.get(name)?.delete(entry);
    };
  }

  connect();

  return {
    request,
    subscribe,
    status: () => status,
    onStatus(fn) {
      statusListeners.add(fn);
      return () => {
        statusListeners.delete(fn);
      };
    },
    badFrames: () => badFrames,
    close() {
      closedByUs = true;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      for (const w of waiting.splice(0)) {
        timers.clearTimeout(w.pending.timer);
        w.pending.reject(new LinkLostError(`The connection to the app was closed; "${w.pending.name}" was not sent.`));
      }
      const s = socket;
      socket = null;
      failInFlight();
      s?.close();
    },
  };
}
