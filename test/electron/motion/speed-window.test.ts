import { describe, it, expect } from 'vitest';
import { MIN_SPAN_S, SpeedWindow } from '../../../electron/motion/speed-window';
import { timesBetween } from './synthetic-roller';

const W = 0.5;

/*
 * Semantics under test (speed-window.ts): speed = |p(t) − p(t − W)| / W with p(t − W)
 * interpolated between points. Before W seconds of points exist (at the start, or after a
 * `restart` at the end of a long gap) the window shrinks to the time since the first point;
 * below MIN_SPAN_S it returns NaN (too little to tell) instead of amplifying noise.
 */
describe('SpeedWindow: |p(t) − p(t − W)| / W, causal', () => {
  it('constant velocity gives exactly that speed, either direction, as soon as there is a span', () => {
    for (const v of [3, -3, 0.2]) {
      const sw = new SpeedWindow(W, W * 50 * 2);
      for (const t of timesBetween(0, 4, 50)) {
        const speed = sw.push(t, 7 + v * t);
        if (t >= MIN_SPAN_S) expect(speed, `v=${v} t=${t}`).toBeCloseTo(Math.abs(v), 9);
      }
    }
  });

  it('below MIN_SPAN_S after the first point the speed is unknown (NaN), never a spike', () => {
    expect(MIN_SPAN_S).toBeGreaterThan(0);
    expect(MIN_SPAN_S).toBeLessThanOrEqual(W);
    const sw = new SpeedWindow(W, 50);
    expect(sw.push(10, 123)).toBeNaN();
    // A repeated timestamp does not divide by zero.
    expect(sw.push(10, 125)).toBeNaN();
    // A 1 mm step 20 ms later would read 5 cm/s over such a tiny window.
    expect(sw.push(10.02, 125.1)).toBeNaN();
    expect(sw.push(10 + MIN_SPAN_S + 0.05, 125.1)).toBeCloseTo(2.1 / (MIN_SPAN_S + 0.05), 9);
  });

  it('interpolates p(t − W) linearly between the two points around it', () => {
    const sw = new SpeedWindow(W, 10);
    sw.push(0, 0);
    sw.push(0.3, 3);
    // from = 0.2: p(0.2) = 2 on the segment 0 → 0.3.
    expect(sw.push(0.7, 5)).toBeCloseTo((5 - 2) / 0.5, 12);

    const sw2 = new SpeedWindow(W, 10);
    sw2.push(0, 0);
    sw2.push(0.1, 0);
    sw2.push(0.45, 10);
    // from = 0.1 falls exactly on a point.
    expect(sw2.push(0.6, 10)).toBeCloseTo(10 / 0.5, 12);
    // from = 0.2: between (0.1, 0) and (0.45, 10).
    const pFrom = (10 * 0.1) / 0.35;
    expect(sw2.push(0.7, 10)).toBeCloseTo((10 - pFrom) / 0.5, 12);
  });

  it('shrinks the window at the start (before W seconds of points exist)', () => {
    const sw = new SpeedWindow(W, 50);
    // p = 10·(t² − 1) from t = 1: over the shrunk window [1, t] the mean speed is 10·(t + 1).
    const speeds = new Map<number, number>();
    for (const t of timesBetween(1, 2, 50)) speeds.set(t, sw.push(t, 10 * (t * t - 1)));
    expect(speeds.get(1.1)).toBeNaN(); // 0.1 s < MIN_SPAN_S
    expect(speeds.get(1.3)).toBeCloseTo(10 * (1.3 + 1), 9); // window 0.3 s
    expect(speeds.get(1.4)).toBeCloseTo(10 * (1.4 + 1), 9); // window 0.4 s
    // From 1.5 on the full window: (p(t) − p(t − 0.5)) / 0.5 = 10·(2t − 0.5).
    expect(speeds.get(1.5)).toBeCloseTo(10 * (2 * 1.5 - 0.5), 9);
    expect(speeds.get(1.8)).toBeCloseTo(10 * (2 * 1.8 - 0.5), 9);
  });

  it('restart: a position jump across it is not counted; the window starts over from the next point', () => {
    const sw = new SpeedWindow(W, 50);
    for (const t of timesBetween(0, 4, 50)) sw.push(t, 1 * t); // 1 cm/s
    // A bridged gap: the estimate jumps by 30 cm between 4 s and 6 s.
    sw.restart();
    expect(sw.push(6, 34)).toBeNaN();
    for (const t of timesBetween(6.02, 7, 50)) {
      const s = sw.push(t, 34 + (t - 6));
      // Never the jump (30 cm / 0.5 s = 60 cm/s): unknown at first, then the true 1 cm/s.
      if (t - 6 < MIN_SPAN_S - 1e-9) expect(s, `t=${t}`).toBeNaN();
      else expect(s, `t=${t}`).toBeCloseTo(1, 9);
    }
  });

  it('restart: points pushed before it are ignored even while still inside the time window', () => {
    const sw = new SpeedWindow(W, 50);
    sw.push(0, 0);
    sw.push(0.1, 100);
    sw.restart();
    sw.push(0.2, 100);
    // Without the restart the window would reach back to (0, 0) and read ~200 cm/s.
    expect(sw.push(0.45, 101)).toBeCloseTo(1 / 0.25, 12);
  });

  it('back-and-forth inside the window gives |mean velocity|, not the mean of |v|', () => {
    const sw = new SpeedWindow(W, 100);
    for (const t of timesBetween(0, 1, 100)) sw.push(t, 0);
    let atTurn = NaN;
    let atReturn = NaN;
    for (const t of timesBetween(1.01, 1.5, 100)) {
      // Up 1 cm in 0.25 s, back down in 0.25 s: |v| = 4 cm/s throughout.
      const p = t <= 1.25 ? 4 * (t - 1) : 1 - 4 * (t - 1.25);
      const s = sw.push(t, p);
      if (Math.abs(t - 1.25) < 1e-9) atTurn = s;
      if (Math.abs(t - 1.5) < 1e-9) atReturn = s;
    }
    expect(atTurn).toBeCloseTo(1 / W, 9);
    expect(atReturn).toBeCloseTo(0, 9);
  });

  it('sized for 50 Hz with the engine margin (×2), it still spans the full window at 100 Hz', () => {
    const sw = new SpeedWindow(W, W * 50 * 2);
    let last = 0;
    for (const t of timesBetween(0, 3, 100)) last = sw.push(t, t * t);
    // Full window at t = 3: (9 − 2.5²) / 0.5.
    expect(last).toBeCloseTo((9 - 6.25) / W, 9);
  });
});
