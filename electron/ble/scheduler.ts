/**
 * Time for the BLE side, injected: the real clock and timers in the app, a manual clock in
 * tests (so time-based behaviour — backoff, timeouts, pacing — is tested without sleeps).
 */
export interface Scheduler {
  nowMs(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  nowMs: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
