/**
 * The real clock running `speed` times faster: a simulated sensor paced on it streams a
 * minute of samples in 60/speed seconds of wall time (the fake BlueZ in tests and benches).
 */
import { realScheduler, type Scheduler } from '../scheduler';

export function scaledScheduler(speed: number): Scheduler {
  if (!(speed > 0)) throw new RangeError(`clock speed must be positive (got ${speed})`);
  if (speed === 1) return realScheduler;
  const origin = performance.now();
  return {
    nowMs: () => (performance.now() - origin) * speed,
    setTimeout: (fn, ms) => setTimeout(fn, Math.max(0, Number.isFinite(ms) ? ms : 0) / speed),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}
