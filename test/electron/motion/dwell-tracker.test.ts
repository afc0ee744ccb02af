import { describe, it, expect } from 'vitest';
import { DwellTracker } from '../../../electron/motion/dwell-tracker';
import { CM_PER_IN } from '../../../electron/motion/motion-settings';
import { gaussian, seededRandom, timesBetween } from './synthetic-roller';
import { randomInt } from '../../support/seeded-random';

/** ±1 in around a spot: a window 2 in (5.08 cm) wide, as CoachRules builds it. */
const WINDOW_CM = 2 * CM_PER_IN;
const HZ = 50;

/**
 * Brute force, O(n²): for the newest point n, the earliest j (not before `floor`, and keeping at
 * most `cap` points) such that every position in j…n fits in the window; returns t[n] − t[j].
 */
function bruteForceDwell(t: number[], p: number[], floor: number, cap: number, windowCm: number): { dwellS: number; spot: number } {
  const n = p.length - 1;
  let lo = p[n]!;
  let hi = p[n]!;
  let j = n;
  const first = Math.max(floor, n - cap + 1);
  while (j - 1 >= first) {
    const x = p[j - 1]!;
    const nlo = Math.min(lo, x);
    const nhi = Math.max(hi, x);
    if (nhi - nlo > windowCm) break;
    lo = nlo;
    hi = nhi;
    j--;
  }
  return { dwellS: t[n]! - t[j]!, spot: (lo + hi) / 2 };
}

describe('DwellTracker: the longest recent stretch that fits a window', () => {
  it('staying on one spot (with jitter inside ±1 in) grows the dwell time with the clock', () => {
    const d = new DwellTracker(WINDOW_CM, 5000);
    const rand = seededRandom(3);
    for (const t of timesBetween(0, 40, HZ)) {
      const dwell = d.push(t, 12 + 2.4 * (2 * rand() - 1));
      expect(dwell).toBeCloseTo(t, 9);
    }
    expect(d.spotCm).toBeGreaterThan(11.5);
    expect(d.spotCm).toBeLessThan(12.5);
  });

  it('the window is inclusive: positions exactly 2 in apart still count as one spot', () => {
    const d = new DwellTracker(WINDOW_CM, 100);
    d.push(0, 0);
    expect(d.push(1, WINDOW_CM)).toBe(1);
    expect(d.spotCm).toBeCloseTo(WINDOW_CM / 2, 12);
    // A hundredth of a millimetre beyond the window and the first point no longer fits.
    expect(d.push(2, WINDOW_CM + 0.001)).toBe(1);
  });

  it('a step that stays inside the window keeps the stay; a step out shrinks it to the stretch that fits', () => {
    const d = new DwellTracker(WINDOW_CM, 5000);
    let dwell = 0;
    for (const t of timesBetween(0, 10, HZ)) dwell = d.push(t, 0);
    expect(dwell).toBeCloseTo(10, 9);
    for (const t of timesBetween(10.02, 15, HZ)) dwell = d.push(t, 4); // 4 cm < 5.08 cm: same stay
    expect(dwell).toBeCloseTo(15, 9);
    // 6 cm no longer fits with 0: the stay is what fits with 6, i.e. since the first point at 4.
    expect(d.push(15.02, 6)).toBeCloseTo(15.02 - 10.02, 9);
    expect(d.spotCm).toBeCloseTo(5, 12);
    // A jump far away starts over.
    expect(d.push(15.04, 30)).toBe(0);
    expect(d.spotCm).toBe(30);
  });

  it('slow drift: the dwell settles at window / drift speed', () => {
    const d = new DwellTracker(WINDOW_CM, 5000);
    const drift = 0.2; // cm/s
    let dwell = 0;
    for (const t of timesBetween(0, 60, HZ)) {
      dwell = d.push(t, drift * t);
      if (t < 25) expect(dwell).toBeCloseTo(t, 9);
    }
    // 5.08 cm / 0.2 cm/s = 25.4 s, to within one point.
    expect(dwell).toBeGreaterThanOrEqual(WINDOW_CM / drift - 1 / HZ - 1e-9);
    expect(dwell).toBeLessThanOrEqual(WINDOW_CM / drift + 1e-9);
  });

  it('restart forgets the stretch: the spot is not known to be the same after a gap', () => {
    const d = new DwellTracker(WINDOW_CM, 5000);
    for (const t of timesBetween(0, 20, HZ)) d.push(t, 3);
    d.restart();
    expect(d.push(25, 3)).toBe(0);
    expect(d.push(26, 3.5)).toBe(1);
  });

  it('memory is capped at maxPoints: a long stay reads as (maxPoints − 1) point intervals', () => {
    const cap = 100;
    const d = new DwellTracker(WINDOW_CM, cap);
    let dwell = 0;
    for (const t of timesBetween(0, 30, HZ)) dwell = d.push(t, 1);
    expect(dwell).toBeCloseTo((cap - 1) / HZ, 9);
    // The capped stretch still shrinks and restarts correctly.
    expect(d.push(30.02, 10)).toBe(0);
    expect(d.push(30.04, 10)).toBeCloseTo(0.02, 9);
  });

  it.each([
    [1, 5000],
    [2, 5000],
    [3, 37],
    [4, 256],
    [5, 1],
    [6, 2],
  ])('matches an O(n²) brute force on a seeded random walk (seed %d, maxPoints %d)', (seed, cap) => {
    const rand = seededRandom(seed);
    const d = new DwellTracker(WINDOW_CM, cap);
    const t: number[] = [];
    const p: number[] = [];
    let floor = 0;
    let x = 0;
    let now = 0;
    let mismatches = 0;
    for (let k = 0; k < 6000; k++) {
      // Mostly small steps (lingering), sometimes still, sometimes a long jump; irregular times.
      const kind = randomInt(rand, 0, 19);
      if (kind === 0) x += 10 * gaussian(rand);
      else if (kind < 6) x += 0;
      else x += 0.3 * gaussian(rand);
      if (kind === 1 && rand() < 0.02) {
        d.restart();
        floor = k;
      }
      now += 0.005 + 0.03 * rand();
      t.push(now);
      p.push(x);
      const got = d.push(now, x);
      const want = bruteForceDwell(t, p, floor, cap, WINDOW_CM);
      if (got !== want.dwellS || d.spotCm !== want.spot) mismatches++;
      expect(got, `point ${k}`).toBe(want.dwellS);
      expect(d.spotCm, `spot at point ${k}`).toBe(want.spot);
    }
    expect(mismatches).toBe(0);
  });
});
