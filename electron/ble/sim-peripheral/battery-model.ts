/**
 * Battery charge of a simulated sensor, draining linearly with sensor time.
 *
 *   level(t) = level(t₀) − drainPctPerHour · (t − t₀) / 1 h,   clamped at 0
 *   reported percent = ⌈level⌉  (0 only when the cell is empty)
 *
 * Pure: the caller passes the time; {@link msUntilNextStep} says when the reported percent next
 * changes so the caller can notify then, with one timer per step.
 */

const MS_PER_HOUR = 3_600_000;

export class BatteryModel {
  private levelPct: number;
  private sinceMs: number;

  constructor(
    percent: number,
    private readonly drainPctPerHour: number,
    nowMs: number,
  ) {
    this.levelPct = clampPct(percent);
    this.sinceMs = nowMs;
  }

  /** Charge at `nowMs`, %, unrounded. */
  levelAt(nowMs: number): number {
    return clampPct(this.levelPct - (this.drainPctPerHour * Math.max(0, nowMs - this.sinceMs)) / MS_PER_HOUR);
  }

  /** The Battery Level characteristic's value at `nowMs`: 0 … 100. */
  percentAt(nowMs: number): number {
    return Math.ceil(this.levelAt(nowMs) - 1e-9);
  }

  set(percent: number, nowMs: number): void {
    this.levelPct = clampPct(percent);
    this.sinceMs = nowMs;
  }

  /** Milliseconds until the reported percent drops by one, or null when it never will. */
  msUntilNextStep(nowMs: number): number | null {
    const level = this.levelAt(nowMs);
    if (this.drainPctPerHour <= 0 || level <= 0) return null;
    const nextPercent = this.percentAt(nowMs) - 1;
    return ((level - nextPercent) / this.drainPctPerHour) * MS_PER_HOUR;
  }
}

function clampPct(p: number): number {
  return Math.max(0, Math.min(100, p));
}
