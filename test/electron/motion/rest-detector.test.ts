import { describe, it, expect } from 'vitest';
import { DEFAULT_REST_OPTIONS, RestDetector, type RestVerdict } from '../../../electron/motion/rest-detector';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import { angleDeg, DEG, gaussian, normalize, randomPerpendicular, rotate, seededRandom, stillSamples, type Vec3 } from './synthetic-roller';

const HZ = 100;

function feed(d: RestDetector, samples: readonly ImuSample[]): { verdicts: RestVerdict[]; closed: number; results: (RestVerdict | false)[] } {
  const verdicts: RestVerdict[] = [];
  const results: (RestVerdict | false)[] = [];
  for (const s of samples) {
    const r = d.push(s);
    if (r === null) continue;
    results.push(r);
    if (r) verdicts.push(r);
  }
  return { verdicts, closed: results.length, results };
}

describe('RestDetector: still sensor → bias and up direction', () => {
  it('a still sensor with a 15 °/s bias and noise gives a verdict with the bias and the up direction', () => {
    const rand = seededRandom(21);
    const up = normalize([0.3, -0.5, 0.8]);
    const bias: Vec3 = [15, -15, 15];
    const d = new RestDetector();
    const { verdicts, results } = feed(d, stillSamples({ fromS: 100, durationS: 3, rateHz: HZ, up, biasDps: bias, gyroNoiseDps: 0.15, accelNoiseG: 0.003, rand }));
    expect(verdicts.length).toBeGreaterThan(5);
    // Rest needs ≥ minRestS (0.8 s) of quiet blocks: no verdict before that.
    expect(results.findIndex((r) => r !== false)).toBeGreaterThanOrEqual(3);
    const first = verdicts[0]!;
    expect(first.toS - first.fromS).toBeGreaterThanOrEqual(DEFAULT_REST_OPTIONS.minRestS * 0.95);
    expect(first.fromS).toBeGreaterThanOrEqual(100);
    const v = verdicts[verdicts.length - 1]!;
    for (let i = 0; i < 3; i++) expect(Math.abs(v.biasDps[i]! - bias[i]!)).toBeLessThan(0.05);
    expect(Math.hypot(...v.upUnit)).toBeCloseTo(1, 12);
    expect(angleDeg(v.upUnit, up)).toBeLessThan(0.1);
    expect(d.resting).toBe(true);
  });

  it('the verdict does not depend on the bias size (0.5 … 20 °/s)', () => {
    for (const b of [0.5, 4.5, 20]) {
      const rand = seededRandom(7);
      const bias: Vec3 = [b, -0.7 * b, 0.2 * b];
      const { verdicts } = feed(new RestDetector(), stillSamples({ fromS: 0, durationS: 2, rateHz: HZ, up: [0, 0, 1], biasDps: bias, gyroNoiseDps: 0.1, accelNoiseG: 0.002, rand }));
      expect(verdicts.length, `bias ${b}`).toBeGreaterThan(0);
      for (let i = 0; i < 3; i++) expect(Math.abs(verdicts[verdicts.length - 1]!.biasDps[i]! - bias[i]!)).toBeLessThan(0.05);
    }
  });

  it('a slow rotation (2 °/s about a horizontal axis) is not rest, although the gyro is quiet', () => {
    const rand = seededRandom(5);
    const up0 = normalize([0.1, 0.2, 1]);
    const axis = randomPerpendicular(up0, rand);
    const bias: Vec3 = [3, 1, -2];
    const samples: ImuSample[] = [];
    for (let k = 0; k < 10 * HZ; k++) {
      const t = k / HZ;
      const up = rotate(axis, -2 * DEG * t, up0);
      samples.push({
        tS: t,
        gxDps: 2 * axis[0] + bias[0] + 0.1 * gaussian(rand),
        gyDps: 2 * axis[1] + bias[1] + 0.1 * gaussian(rand),
        gzDps: 2 * axis[2] + bias[2] + 0.1 * gaussian(rand),
        axG: up[0] + 0.002 * gaussian(rand),
        ayG: up[1] + 0.002 * gaussian(rand),
        azG: up[2] + 0.002 * gaussian(rand),
      });
    }
    const d = new RestDetector();
    const { verdicts, closed } = feed(d, samples);
    expect(closed).toBeGreaterThan(40);
    expect(verdicts).toEqual([]);
    expect(d.resting).toBe(false);
  });

  it('hand-held-like motion (gyro noise 5 °/s, small accelerations) is not rest', () => {
    const rand = seededRandom(9);
    const { verdicts, closed } = feed(new RestDetector(), stillSamples({ fromS: 0, durationS: 10, rateHz: HZ, up: [0, 0, 1], biasDps: [2, 2, 2], gyroNoiseDps: 5, accelNoiseG: 0.02, rand }));
    expect(closed).toBeGreaterThan(40);
    expect(verdicts).toEqual([]);
  });

  it('a still stretch shorter than minRestS gives no verdict; a bump ends rest at once', () => {
    const rand = seededRandom(10);
    const up: Vec3 = [0, 0, 1];
    const base = { rateHz: HZ, up, biasDps: [1, 2, 3] as Vec3, gyroNoiseDps: 0.1, accelNoiseG: 0.002, rand };
    const d = new RestDetector();
    const shaky = (fromS: number, durationS: number) => stillSamples({ ...base, fromS, durationS, gyroNoiseDps: 5 });
    expect(feed(d, [...shaky(0, 1), ...stillSamples({ ...base, fromS: 1, durationS: 0.6 }), ...shaky(1.6, 1)]).verdicts).toEqual([]);
    const r = feed(d, stillSamples({ ...base, fromS: 2.6, durationS: 2 }));
    expect(r.verdicts.length).toBeGreaterThan(0);
    expect(d.resting).toBe(true);
    feed(d, shaky(4.6, 0.3));
    expect(d.resting).toBe(false);
  });
});

describe('RestDetector.breakStream: forgets history (after a gap rest must be seen again)', () => {
  const base = (rand: () => number) => ({ rateHz: HZ, up: [0, 0, 1] as Vec3, biasDps: [15, 15, 15] as Vec3, gyroNoiseDps: 0.1, accelNoiseG: 0.002, rand });

  it('the first block after a break is not enough: rest needs minRestS of new blocks', () => {
    const rand = seededRandom(12);
    const d = new RestDetector();
    feed(d, stillSamples({ ...base(rand), fromS: 0, durationS: 2.1 }));
    expect(d.resting).toBe(true);
    d.breakStream();
    expect(d.resting).toBe(false);
    const after = feed(d, stillSamples({ ...base(rand), fromS: 5, durationS: 2 }));
    // Without the break, the first block after would already be a verdict.
    expect(after.results[0]).toBe(false);
    expect(after.results[1]).toBe(false);
    expect(after.results[2]).toBe(false);
    expect(after.verdicts.length).toBeGreaterThan(0);
    expect(after.verdicts[0]!.fromS).toBeGreaterThanOrEqual(5);
  });

  it('without a break, history carries: still data right after still data is rest at the next block', () => {
    const rand = seededRandom(12);
    const d = new RestDetector();
    feed(d, stillSamples({ ...base(rand), fromS: 0, durationS: 2.1 }));
    const after = feed(d, stillSamples({ ...base(rand), fromS: 2.1, durationS: 1 }));
    expect(after.results[0]).not.toBe(false);
  });

  // breakStream() resets the sample count of the open block (n = 0) but not its running sums
  // (sg, sgg, sa), so the first block after the break divides stale sums by the new count.
  // A detector broken mid-block should then behave exactly like a fresh one; it does not.
  it('discards the open block: after a break mid-block it behaves exactly like a fresh detector', () => {
    const rand = seededRandom(13);
    const junk: ImuSample[] = [];
    // 5 samples of an open block (moving before the gap), then the gap.
    for (let k = 0; k < 5; k++) junk.push({ tS: k / HZ, gxDps: 100, gyDps: -40, gzDps: 15, axG: 0.3, ayG: 0.2, azG: 0.95 });
    const still = stillSamples({ ...base(rand), fromS: 10, durationS: 3 });
    const broken = new RestDetector();
    feed(broken, junk);
    broken.breakStream();
    const fresh = new RestDetector();
    expect(feed(broken, still).results).toEqual(feed(fresh, still).results);
  });
});
