/**
 * How long the roller has stayed on one spot: the longest recent stretch of time during which
 * every position fits in a window `windowCm` wide (±1 in around a spot, docs/coaching-rules.md). Kept with
 * two monotonic deques (running min and max), O(1) amortised per point, memory bounded by the
 * points inside the current stretch.
 */
export class DwellTracker {
  private readonly windowCm: number;
  private readonly cap: number;
  private readonly t: Float64Array;
  private readonly p: Float64Array;
  private seq = 0; // index of the next point
  private startIdx = 0; // first point of the current stretch
  // Deques of point indices (into the ring), holding increasing minima / decreasing maxima.
  private readonly minQ: Int32Array;
  private readonly maxQ: Int32Array;
  private minH = 0;
  private minT = 0;
  private maxH = 0;
  private maxT = 0;

  /** `maxPoints`: the most points a stretch may hold; older points are let go (the stretch is then capped). */
  constructor(windowCm: number, maxPoints: number) {
    this.windowCm = windowCm;
    this.cap = maxPoints;
    this.t = new Float64Array(maxPoints);
    this.p = new Float64Array(maxPoints);
    this.minQ = new Int32Array(maxPoints);
    this.maxQ = new Int32Array(maxPoints);
  }

  /** Forget everything (after a gap the spot is not known to be the same). */
  restart(): void {
    this.startIdx = this.seq;
    this.minH = this.minT = this.maxH = this.maxT = 0;
  }

  /** Centre of the current stretch, cm. */
  spotCm = 0;

  /** Adds a point; returns the current stretch's duration in seconds (its centre is `spotCm`). */
  push(tS: number, positionCm: number): number {
    const cap = this.cap;
    const k = this.seq++;
    if (k - this.startIdx >= cap) this.dropOldest(k - cap + 1);
    this.t[k % cap] = tS;
    this.p[k % cap] = positionCm;
    // Push k into both deques.
    while (this.minT > this.minH && this.p[this.minQ[(this.minT - 1) % cap]! % cap]! >= positionCm) this.minT--;
    this.minQ[this.minT++ % cap] = k;
    while (this.maxT > this.maxH && this.p[this.maxQ[(this.maxT - 1) % cap]! % cap]! <= positionCm) this.maxT--;
    this.maxQ[this.maxT++ % cap] = k;
    // Shrink the stretch from the front until it fits the window.
    while (this.range() > this.windowCm) this.dropOldest(this.startIdx + 1);
    const lo = this.p[this.minQ[this.minH % cap]! % cap]!;
    const hi = this.p[this.maxQ[this.maxH % cap]! % cap]!;
    this.spotCm = (lo + hi) / 2;
    return tS - this.t[this.startIdx % cap]!;
  }

  private range(): number {
    const cap = this.cap;
    return this.p[this.maxQ[this.maxH % cap]! % cap]! - this.p[this.minQ[this.minH % cap]! % cap]!;
  }

  private dropOldest(newStart: number): void {
    this.startIdx = newStart;
    while (this.minH < this.minT && this.minQ[this.minH % this.cap]! < newStart) this.minH++;
    while (this.maxH < this.maxT && this.maxQ[this.maxH % this.cap]! < newStart) this.maxH++;
  }
}
