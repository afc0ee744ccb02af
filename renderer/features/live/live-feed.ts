/**
 * The newest live estimate, kept outside React: `live` batches arrive at display rate (or faster)
 * and are only read by the animation-frame loop, so a batch never causes a React render.
 *
 * Each batch also carries main's rolling time after its points (this session's and today's),
 * kept here as sent so the daily counter moves between session status updates. The renderer
 * adds up no time of its own.
 */
import type { LivePoint, RollingNow } from '../../bridge/contract';

export interface LiveFeedView {
  readonly latest: LivePoint | null;
  /** When the newest batch arrived (the caller's clock, ms). */
  readonly receivedAtMs: number;
  /** Main's rolling time with the newest batch (null before one arrived in this session). */
  readonly rolling: RollingNow | null;
  /** Increases with every batch that carried points. */
  readonly version: number;
}

export class LiveFeed implements LiveFeedView {
  latest: LivePoint | null = null;
  receivedAtMs = 0;
  rolling: RollingNow | null = null;
  version = 0;

  push(points: readonly LivePoint[], nowMs: number, rolling: RollingNow | null = null): void {
    if (rolling) this.rolling = rolling;
    if (points.length === 0) return;
    this.latest = points[points.length - 1]!;
    this.receivedAtMs = nowMs;
    this.version += 1;
  }

  /** A new session starts: forget the previous one's last point and rolling time. */
  clear(): void {
    this.latest = null;
    this.receivedAtMs = 0;
    this.rolling = null;
    this.version += 1;
  }
}

/** True when the newest point is older than `staleMs` (the stream has stalled). */
export function isStale(view: LiveFeedView, nowMs: number, staleMs = 1500): boolean {
  return view.latest === null || nowMs - view.receivedAtMs > staleMs;
}
