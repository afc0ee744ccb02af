/**
 * The newest live estimate, kept outside React: `live` batches arrive at display rate (or faster)
 * and are only read by the animation-frame loop, so a batch never causes a React render.
 *
 * It also counts rolling time (points not at rest) since the last `session` status, so the
 * session and daily totals keep moving between status updates.
 */
import type { LivePoint } from '../../bridge/contract';

/** Steps longer than this between points are gaps and add no rolling time (s). */
const MAX_STEP_S = 0.5;

export interface LiveFeedView {
  readonly latest: LivePoint | null;
  /** When the newest batch arrived (the caller's clock, ms). */
  readonly receivedAtMs: number;
  /** Rolling seconds seen since `resetRolling` (the last session status). */
  readonly rollingSinceStatusS: number;
  /** Increases with every batch that carried points. */
  readonly version: number;
}

export class LiveFeed implements LiveFeedView {
  latest: LivePoint | null = null;
  receivedAtMs = 0;
  rollingSinceStatusS = 0;
  version = 0;

  push(points: readonly LivePoint[], nowMs: number): void {
    if (points.length === 0) return;
    let prev = this.latest;
    for (const p of points) {
      if (prev && !p.atRest) {
        const dt = p.t - prev.t;
        if (dt > 0 && dt <= MAX_STEP_S) this.rollingSinceStatusS += dt;
      }
      prev = p;
    }
    this.latest = prev;
    this.receivedAtMs = nowMs;
    this.version += 1;
  }

  /** A new session status arrived: its totals include everything counted so far. */
  resetRolling(): void {
    this.rollingSinceStatusS = 0;
  }

  /** A new session starts: forget the previous one's last point. */
  clear(): void {
    this.latest = null;
    this.receivedAtMs = 0;
    this.rollingSinceStatusS = 0;
    this.version += 1;
  }
}

/** True when the newest point is older than `staleMs` (the stream has stalled). */
export function isStale(view: LiveFeedView, nowMs: number, staleMs = 1500): boolean {
  return view.latest === null || nowMs - view.receivedAtMs > staleMs;
}
