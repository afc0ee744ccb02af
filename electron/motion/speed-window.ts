/**
 * Rolling speed as docs/coaching-rules.md#speed-too-fast defines it: the magnitude of the velocity along the spine averaged
 * over the last `windowS` seconds, causally — |p(t) − p(t − W)| / W, with p(t − W) interpolated
 * between track points (so a short hole in the samples is spanned by the points on either side).
 *
 * The window never reaches back before the start nor across a long bridged gap: there it
 * shrinks to the time since, so a jump across the gap is not counted as motion; below
 * `MIN_SPAN_S` there is too little to tell (NaN), so noise is not amplified by a tiny window.
 */
export const MIN_SPAN_S = 0.2;

export class SpeedWindow {
  private readonly windowS: number;
  private readonly t: Float64Array;
  private readonly p: Float64Array;
  private head = 0;
  private size = 0;

  constructor(windowS: number, maxPointsPerWindow: number) {
    this.windowS = windowS;
    const cap = Math.ceil(maxPointsPerWindow) + 4;
    this.t = new Float64Array(cap);
    this.p = new Float64Array(cap);
  }

  /** Starts a fresh window (after a long gap): nothing before the next point counts. */
  restart(): void {
    this.size = 0;
  }

  /**
   * Adds a point and returns the speed in the position's unit per second, or NaN while less
   * than `MIN_SPAN_S` of motion has been seen since the start or a restart.
   */
  push(tS: number, position: number): number {
    const cap = this.t.length;
    this.t[this.head] = tS;
    this.p[this.head] = position;
    this.head = (this.head + 1) % cap;
    if (this.size < cap) this.size++;
    const from = tS - this.windowS;
    // Oldest point inside the ring.
    let i = (this.head - this.size + cap) % cap;
    if (this.t[i]! >= from) {
      // The window reaches before the first point since the start or a gap.
      const span = tS - this.t[i]!;
      return span < Math.min(MIN_SPAN_S, this.windowS) ? NaN : Math.abs(position - this.p[i]!) / span;
    }
    // Walk forward to the pair that brackets `from`, dropping older points.
    let next = (i + 1) % cap;
    while (next !== this.head && this.t[next]! <= from) {
      i = next;
      next = (i + 1) % cap;
      this.size--;
    }
    let pFrom = this.p[i]!;
    if (next !== this.head && this.t[next]! > this.t[i]!) {
      const f = (from - this.t[i]!) / (this.t[next]! - this.t[i]!);
      pFrom += f * (this.p[next]! - pFrom);
    }
    return Math.abs(position - pFrom) / this.windowS;
  }
}
