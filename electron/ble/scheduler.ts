/**
 * Time for the BLE side, injected: "now" in milliseconds and one-shot timers. The app runs on
 * the real clock; tests and the simulated peripherals' tests run on a {@link ManualScheduler},
 * where time only moves when the test says so (deterministic, no sleeps). Methods are
 * arrow-function properties: callers may pass `scheduler.setTimeout` around unbound.
 */

export interface Scheduler {
  /** Milliseconds on a monotonic clock (the origin is arbitrary). */
  nowMs: () => number;
  /** Runs `fn` once, `ms` from now (negative or NaN counts as 0). Returns an opaque handle. */
  setTimeout: (fn: () => void, ms: number) => unknown;
  /** Cancels a timer that has not run yet; unknown or spent handles are ignored. */
  clearTimeout: (handle: unknown) => void;
}

/** Wall-clock time (`performance.now()`) and the global timers. */
export const realScheduler: Scheduler = {
  nowMs: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, sanitizeDelayMs(ms)),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface ManualTimer {
  readonly id: number;
  readonly dueMs: number;
  readonly fn: () => void;
}

/** Opaque handle of a {@link ManualScheduler} timer. */
export interface ManualTimerHandle {
  readonly manualTimerId: number;
}

/**
 * Simulated time for tests. Timers run in due-time order (ties in the order they were set),
 * including timers set by callbacks while time advances, each at its own due time.
 */
export class ManualScheduler implements Scheduler {
  private now: number;
  private nextId = 1;
  /** Pending timers sorted by (dueMs, id). */
  private queue: ManualTimer[] = [];

  constructor(startMs = 0) {
    this.now = startMs;
  }

  readonly nowMs = (): number => this.now;

  readonly setTimeout = (fn: () => void, ms: number): ManualTimerHandle => {
    const timer: ManualTimer = { id: this.nextId++, dueMs: this.now + sanitizeDelayMs(ms), fn };
    this.queue.splice(this.insertionIndex(timer), 0, timer);
    return { manualTimerId: timer.id };
  };

  readonly clearTimeout = (handle: unknown): void => {
    if (typeof handle !== 'object' || handle === null || !('manualTimerId' in handle)) return;
    const id = (handle as ManualTimerHandle).manualTimerId;
    const i = this.queue.findIndex((t) => t.id === id);
    if (i >= 0) this.queue.splice(i, 1);
  };

  /** Number of timers waiting to run. */
  get pendingTimers(): number {
    return this.queue.length;
  }

  /** Due time of the earliest pending timer, or null when none is pending. */
  nextDueMs(): number | null {
    return this.queue[0]?.dueMs ?? null;
  }

  /** Moves time forward by `ms`, running every timer that falls due on the way, in order. */
  advanceBy(ms: number): void {
    this.advanceTo(this.now + Math.max(0, ms));
  }

  /** Moves time forward to `targetMs` (never backwards), running due timers in order. */
  advanceTo(targetMs: number): void {
    for (;;) {
      const next = this.queue[0];
      if (!next || next.dueMs > targetMs) break;
      this.queue.shift();
      this.now = Math.max(this.now, next.dueMs);
      next.fn();
    }
    this.now = Math.max(this.now, targetMs);
  }

  /**
   * Like {@link advanceBy}, but lets promise continuations (and `process.nextTick`) run after
   * every timer, so `async` code reacting to an event can schedule its next step at the right
   * simulated time.
   */
  async advanceByAsync(ms: number): Promise<void> {
    const target = this.now + Math.max(0, ms);
    await flushPending();
    for (;;) {
      const next = this.queue[0];
      if (!next || next.dueMs > target) break;
      this.queue.shift();
      this.now = Math.max(this.now, next.dueMs);
      next.fn();
      await flushPending();
    }
    this.now = Math.max(this.now, target);
    await flushPending();
  }

  /**
   * Advances time timer by timer (flushing promise continuations after each) until `promise`
   * settles, and returns it. Rejects when it is still pending after `maxMs` of simulated time or
   * when no timer is left that could settle it (the operation would hang on a real stack too).
   */
  async drive<T>(promise: Promise<T>, maxMs = 60_000): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    const deadline = this.now + maxMs;
    await flushPending();
    while (!settled) {
      const next = this.queue[0];
      if (!next) throw new Error(`drive: still pending at ${this.now} ms and no timer is left to settle it`);
      if (next.dueMs > deadline) {
        this.now = Math.max(this.now, deadline);
        throw new Error(`drive: still pending after ${maxMs} ms of simulated time`);
      }
      this.queue.shift();
      this.now = Math.max(this.now, next.dueMs);
      next.fn();
      await flushPending();
    }
    return promise;
  }

  private insertionIndex(timer: ManualTimer): number {
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.queue[mid]!;
      if (other.dueMs < timer.dueMs || (other.dueMs === timer.dueMs && other.id < timer.id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function sanitizeDelayMs(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/** Lets queued promise continuations and nextTick callbacks run (a macrotask turn; no clock). */
function flushPending(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
