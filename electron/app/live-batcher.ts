/**
 * Collects track points and hands them on in display-rate batches (the renderer never gets
 * one message per sample). A batch keeps at most `maxPoints`, the newest: after a long drop-out
 * the engine holds the estimate through the whole gap at once, and the live view needs only
 * where the roller is now. Timing through the injected scheduler.
 */
import type { LivePoint } from '../ipc/ipc-contract';
import type { Scheduler } from '../ble/scheduler';

export class LiveBatcher {
  private points: LivePoint[] = [];
  private timer: unknown = null;
  private readonly periodMs: number;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly send: (points: LivePoint[]) => void,
    displayRateHz = 20,
    private readonly maxPoints = 500,
  ) {
    this.periodMs = 1000 / displayRateHz;
  }

  add(point: LivePoint): void {
    this.points.push(point);
    if (this.points.length > 2 * this.maxPoints) this.points.splice(0, this.points.length - this.maxPoints);
    if (this.timer === null) this.timer = this.scheduler.setTimeout(() => this.flush(), this.periodMs);
  }

  flush(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    if (this.points.length === 0) return;
    const batch = this.points.length > this.maxPoints ? this.points.slice(-this.maxPoints) : this.points;
    this.points = [];
    this.send(batch);
  }
}
