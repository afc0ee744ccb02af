import { describe, it, expect } from 'vitest';
import { ONSET_TILT_DEG, StartRest, type StartRestResult } from '../../../electron/motion/start-rest';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import { angleDeg, DEG, gaussian, minJerk, normalize, norm, randomPerpendicular, rotate, scale, seededRandom, stillSamples, type Vec3 } from './synthetic-roller';

const HZ = 100;

/** Feeds samples until the start result arrives; returns it with the time of the sample that showed motion. */
function firstMotion(samples: readonly ImuSample[]): { result: StartRestResult; atS: number } | null {
  const sr = new StartRest();
  for (const s of samples) {
    const r = sr.push(s);
    if (r) return { result: r, atS: s.tS };
  }
  return null;
}

/** A roller turning by θ(t) degrees about `axis` (gyro = θ̇·axis + bias + noise, accel = Rot(axis, −θ)·up0 + noise). */
function turning(o: { thetaDeg: (t: number) => number; durationS: number; bias: Vec3; up0: Vec3; axis: Vec3; seed: number; gyroNoise?: number; accelNoise?: number }): ImuSample[] {
  const rand = seededRandom(o.seed);
  const gn = o.gyroNoise ?? 0.1;
  const an = o.accelNoise ?? 0.002;
  const h = 1e-5;
  const out: ImuSample[] = [];
  for (let k = 0; k < o.durationS * HZ; k++) {
    const t = k / HZ;
    const rate = (o.thetaDeg(t + h) - o.thetaDeg(t - h)) / (2 * h);
    const up = rotate(o.axis, -o.thetaDeg(t) * DEG, o.up0);
    out.push({
      tS: t,
      gxDps: rate * o.axis[0] + o.bias[0] + gn * gaussian(rand),
      gyDps: rate * o.axis[1] + o.bias[1] + gn * gaussian(rand),
      gzDps: rate * o.axis[2] + o.bias[2] + gn * gaussian(rand),
      axG: up[0] + an * gaussian(rand),
      ayG: up[1] + an * gaussian(rand),
      azG: up[2] + an * gaussian(rand),
    });
  }
  return out;
}

/** 0 until `fromS`, then a min-jerk stroke of `deg` over `durS`. */
const strokeFrom = (fromS: number, deg: number, durS: number) => (t: number) => (t < fromS ? 0 : deg * minJerk((t - fromS) / durS).s);

const maxAbsErr = (a: Readonly<Vec3>, b: Readonly<Vec3>) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));

describe('StartRest: still at the start spot, then the first stroke', () => {
  const up0 = normalize([0.2, -0.4, 0.9]);
  const axis = randomPerpendicular(up0, seededRandom(99));

  it('still then a stroke: onset once gravity tilted 3°, with the bias, the start up vector and the turn so far', () => {
    const bias: Vec3 = [1.5, -2, 0.7];
    // 20 cm over 10 s on a 6 in roller is 150° of rotation.
    const theta = strokeFrom(2, 150, 10);
    const m = firstMotion(turning({ thetaDeg: theta, durationS: 6, bias, up0, axis, seed: 1 }));
    expect(m).not.toBeNull();
    expect(ONSET_TILT_DEG).toBe(3);
    expect(m!.atS).toBeGreaterThan(2);
    expect(theta(m!.atS)).toBeGreaterThanOrEqual(3 - 0.2);
    expect(theta(m!.atS)).toBeLessThan(4.5);
    // The beginning of the stroke (before onset) is accounted for: the bias is right.
    expect(maxAbsErr(m!.result.biasDps, bias)).toBeLessThan(0.1);
    expect(angleDeg(m!.result.upUnit, up0)).toBeLessThan(0.1);
    // The turn so far is a rotation vector about the roller axis, as large as gravity shows
    // (its direction from a ~3° tilt of one noisy sample: a few degrees).
    expect(angleDeg(m!.result.turnedDeg, axis)).toBeLessThan(6);
    expect(norm(m!.result.turnedDeg)).toBeCloseTo(theta(m!.atS), 0);
    expect(m!.result.spanS).toBeCloseTo(m!.atS, 9);
  });

  it('a large bias (12 °/s on every axis) is measured, not taken for motion', () => {
    const bias: Vec3 = [12, 12, 12];
    const samples = turning({ thetaDeg: strokeFrom(3, 150, 8), durationS: 7, bias, up0, axis, seed: 2, gyroNoise: 0.3 });
    const m = firstMotion(samples);
    expect(m).not.toBeNull();
    expect(m!.atS).toBeGreaterThan(3);
    expect(maxAbsErr(m!.result.biasDps, bias)).toBeLessThan(0.1);
    expect(angleDeg(m!.result.upUnit, up0)).toBeLessThan(0.1);
  });

  it('an abrupt start (30 °/s at once) is still measured to within 0.2 °/s', () => {
    const bias: Vec3 = [-4, 6, 12];
    const m = firstMotion(turning({ thetaDeg: (t) => (t < 2 ? 0 : 30 * (t - 2)), durationS: 4, bias, up0, axis, seed: 3 }));
    expect(m).not.toBeNull();
    expect(m!.atS).toBeGreaterThan(2.09);
    expect(m!.atS).toBeLessThan(2.3);
    expect(maxAbsErr(m!.result.biasDps, bias)).toBeLessThan(0.2);
  });

  it('tilt-only onset: a slow roll (2 °/s, under any gyro threshold) ends the start when gravity has tilted 3°', () => {
    const bias: Vec3 = [1.5, -2, 0.7];
    const m = firstMotion(turning({ thetaDeg: (t) => (t < 2 ? 0 : 2 * (t - 2)), durationS: 6, bias, up0, axis, seed: 4 }));
    expect(m).not.toBeNull();
    // 3° at 2 °/s: ~1.5 s into the roll (accelerometer noise may cross the threshold a little early).
    expect(m!.atS).toBeGreaterThan(3.3);
    expect(m!.atS).toBeLessThan(3.8);
    expect(maxAbsErr(m!.result.biasDps, bias)).toBeLessThan(0.1);
  });

  it('stillness, a gyro spike, or breathing-like wobble (±1°) never end the start phase', () => {
    const bias: Vec3 = [12, -12, 12];
    const still = stillSamples({ fromS: 0, durationS: 5, rateHz: HZ, up: up0, biasDps: bias, gyroNoiseDps: 0.2, accelNoiseG: 0.003, rand: seededRandom(5) });
    still[250] = { ...still[250]!, gxDps: 200 };
    still[251] = { ...still[251]!, gxDps: 200 };
    expect(firstMotion(still)).toBeNull();
    const wobble = turning({ thetaDeg: (t) => Math.sin(2 * Math.PI * 0.3 * t), durationS: 20, bias, up0, axis, seed: 6 });
    const sr = new StartRest();
    for (const s of wobble) expect(sr.push(s)).toBeNull();
    // result() gives the estimate so far, wobble accounted for.
    const r = sr.result();
    expect(maxAbsErr(r.biasDps, bias)).toBeLessThan(0.1);
    expect(r.spanS).toBeCloseTo(19.99, 9);
    expect(angleDeg(r.upUnit, up0)).toBeLessThan(0.5);
  });

  it('a single accelerometer glitch (tilted sample) is not an onset: the mean must confirm it', () => {
    const still = stillSamples({ fromS: 0, durationS: 3, rateHz: HZ, up: up0, biasDps: [1, 1, 1], gyroNoiseDps: 0.1, accelNoiseG: 0.002, rand: seededRandom(7) });
    const tilted = rotate(axis, -10 * DEG, up0);
    still[150] = { ...still[150]!, axG: tilted[0], ayG: tilted[1], azG: tilted[2] };
    expect(firstMotion(still)).toBeNull();
  });

  it('immediate motion with a smooth start: the first 0.25 s barely turn, the bias is still right', () => {
    const bias: Vec3 = [8, 8, 8];
    const m = firstMotion(turning({ thetaDeg: strokeFrom(0, 150, 10), durationS: 5, bias, up0, axis, seed: 8 }));
    expect(m).not.toBeNull();
    // (The onset "up" is one noisy sample: ~0.15° / 1.4 s of span.)
    expect(maxAbsErr(m!.result.biasDps, bias)).toBeLessThan(0.3);
  });

  // start-rest.ts takes "up" at the start as the mean of the first UP_MEAN_S (0.25 s), and the
  // bias as (∫ω dt − r_gravity)/T with ∫ω from the first sample. When the roller already turns
  // during those 0.25 s, r_gravity (measured from that mean) misses about half of that turn while
  // ∫ω does not: with 30 °/s from t = 0 and an 8 °/s bias the result is ≈ [15.1, 15.5, 9.7] °/s
  // with spanS 0.36 (usable). Expected: unknown ([0,0,0], spanS 0) or right. See the report.
  it('immediate abrupt motion: the bias is unknown ([0, 0, 0], spanS 0) or right — never wrong', () => {
    const bias: Vec3 = [8, 8, 8];
    const m = firstMotion(turning({ thetaDeg: (t) => 30 * t, durationS: 2, bias, up0, axis, seed: 9 }));
    expect(m).not.toBeNull();
    const unknown = m!.result.spanS === 0 && m!.result.biasDps.every((b) => b === 0);
    const right = maxAbsErr(m!.result.biasDps, bias) < 1;
    expect(unknown || right, `bias ${m!.result.biasDps.map((b) => b.toFixed(2)).join(', ')}, spanS ${m!.result.spanS}`).toBe(true);
  });

  it('too short to estimate a bias: [0, 0, 0] and spanS 0', () => {
    const sr = new StartRest();
    for (const s of stillSamples({ fromS: 0, durationS: 0.2, rateHz: HZ, up: up0, biasDps: [5, 5, 5], gyroNoiseDps: 0.1, accelNoiseG: 0.002, rand: seededRandom(10) })) sr.push(s);
    const r = sr.result();
    expect(r.biasDps).toEqual([0, 0, 0]);
    expect(r.spanS).toBe(0);
    expect(angleDeg(r.upUnit, up0)).toBeLessThan(0.5);
  });

  it('result() before any sample: unknown bias, default up, no turn', () => {
    expect(new StartRest().result()).toEqual({ biasDps: [0, 0, 0], upUnit: [0, 0, 1], turnedDeg: [0, 0, 0], spanS: 0 });
  });

  it('the turn so far points along +axis for a positive first stroke and −axis for a negative one', () => {
    for (const sign of [1, -1]) {
      const m = firstMotion(turning({ thetaDeg: (t) => sign * strokeFrom(1, 150, 10)(t), durationS: 5, bias: [0, 0, 0], up0, axis, seed: 11 }));
      expect(angleDeg(m!.result.turnedDeg, scale(axis, sign))).toBeLessThan(6);
    }
  });
});
