import { describe, it, expect } from 'vitest';
import { RollerAxis } from '../../../electron/motion/roller-axis';
import { gravityAngleAbout } from '../../../electron/motion/gravity-phase';
import { add, angleDeg, cross, DEG, normalize, randomPerpendicular, randomUnit, rotate, scale, seededRandom, stepOf, type Vec3 } from './synthetic-roller';

const HZ = 100;
const DT = 1 / HZ;

/** Up in the sensor frame after the sensor turned by θ about `a`: Rot(a, −θ)·up0. */
const upAfter = (a: Vec3, thetaRad: number, up0: Vec3): Vec3 => rotate(a, -thetaRad, up0);

/** Integrates a rotation θ(t) (deg) about `truth` until the lock; the gyro reads about `gyroAxis`. */
function lockOn(axis: RollerAxis, truth: Vec3, gyroAxis: Vec3, up0: Vec3, thetaDeg: (t: number) => number, maxS = 10): { atS: number; thetaDeg: number } | null {
  for (let k = 1; k <= maxS * HZ; k++) {
    const t = k * DT;
    const rate = (thetaDeg(t) - thetaDeg(t - DT)) / DT;
    const f = upAfter(truth, thetaDeg(t) * DEG, up0);
    if (axis.integrate(stepOf(scale(gyroAxis, rate), DT, f), up0)) return { atS: t, thetaDeg: thetaDeg(t) };
  }
  return null;
}

describe('gravityAngleAbout: the signed rotation about an axis, from gravity alone', () => {
  it('sensor turned by +θ about a ⇒ up in the sensor frame is Rot(a, −θ)·up0 ⇒ returns +θ', () => {
    const rand = seededRandom(1);
    for (let i = 0; i < 20; i++) {
      const a = randomUnit(rand);
      const up0 = randomPerpendicular(a, rand);
      for (const theta of [0, 0.3, 1.2, -0.7, -2.9, 3.1]) {
        const f = upAfter(a, theta, up0);
        expect(gravityAngleAbout(a, up0, f[0], f[1], f[2])).toBeCloseTo(theta, 10);
        // About the opposite axis the same motion is −θ.
        const minusA = scale(a, -1);
        expect(gravityAngleAbout(minusA, up0, f[0], f[1], f[2])).toBeCloseTo(-theta, 10);
      }
    }
  });

  it('a concrete case: x axis, up0 = +z, 30° ⇒ up reads (0, sin 30°, cos 30°)', () => {
    const a: Vec3 = [1, 0, 0];
    // Rot(x, −30°)·z = (0, sin 30°, cos 30°).
    expect(gravityAngleAbout(a, [0, 0, 1], 0, Math.sin(30 * DEG), Math.cos(30 * DEG)) / DEG).toBeCloseTo(30, 10);
    expect(gravityAngleAbout(a, [0, 0, 1], 0, -Math.sin(30 * DEG), Math.cos(30 * DEG)) / DEG).toBeCloseTo(-30, 10);
  });

  it('works when up0 is not perpendicular to the axis, and ignores the magnitude of f', () => {
    const rand = seededRandom(2);
    const a = randomUnit(rand);
    const up0 = normalize(add(randomPerpendicular(a, rand), scale(a, 0.4)));
    const f = scale(upAfter(a, 1.1, up0), 1.3);
    expect(gravityAngleAbout(a, up0, f[0], f[1], f[2])).toBeCloseTo(1.1, 10);
  });
});

describe('RollerAxis: lock', () => {
  it('locks on a pure rotation about an arbitrary axis, pointing so that the first rotation is positive', () => {
    const rand = seededRandom(42);
    for (let i = 0; i < 12; i++) {
      const a = randomUnit(rand);
      const up0 = randomPerpendicular(a, rand);
      const sign = i % 2 === 0 ? 1 : -1;
      const axis = new RollerAxis();
      expect(axis.locked).toBe(false);
      expect(axis.unit).toBeNull();
      expect(axis.confidence).toBe(0);
      const lock = lockOn(axis, a, a, up0, (t) => sign * 20 * t);
      expect(lock, `axis ${i}`).not.toBeNull();
      // |G| reaches 15° after 0.75 s at 20 °/s (or one step later, by rounding).
      expect(lock!.atS).toBeGreaterThanOrEqual(0.75 - 1e-9);
      expect(lock!.atS).toBeLessThanOrEqual(0.76 + 1e-9);
      expect(axis.locked).toBe(true);
      expect(angleDeg(axis.unit!, scale(a, sign))).toBeLessThan(1e-6);
      expect(axis.preLockAngleDeg).toBeGreaterThanOrEqual(15 - 1e-9);
      expect(axis.preLockAngleDeg).toBeLessThanOrEqual(15.2 + 1e-9);
      expect(axis.confidence).toBeGreaterThan(0);
      expect(axis.confidence).toBeLessThan(0.5);
    }
  });

  it('does not lock when the gyro turns but gravity does not (a bias-like constant rate)', () => {
    const rand = seededRandom(7);
    for (let i = 0; i < 5; i++) {
      const a = randomUnit(rand);
      const up0 = randomPerpendicular(a, rand);
      const axis = new RollerAxis();
      let locked = false;
      for (let k = 0; k < 30 * HZ; k++) locked ||= axis.integrate(stepOf(scale(a, 10), DT, up0), up0);
      expect(locked).toBe(false);
      expect(axis.unit).toBeNull();
      expect(axis.preLockAngleDeg).toBeCloseTo(300, 6);
    }
  });

  it('does not lock when gravity turns the other way than the gyro says', () => {
    const rand = seededRandom(8);
    const a = randomUnit(rand);
    const up0 = randomPerpendicular(a, rand);
    const axis = new RollerAxis();
    let locked = false;
    for (let k = 1; k <= 3 * HZ; k++) {
      const f = upAfter(a, -20 * DEG * k * DT, up0);
      locked ||= axis.integrate(stepOf(scale(a, 20), DT, f), up0);
    }
    expect(locked).toBe(false);
  });

  it('does not lock on a specific force far from 1 g (a bump), and locks once it is gravity again', () => {
    const rand = seededRandom(9);
    const a = randomUnit(rand);
    const up0 = randomPerpendicular(a, rand);
    const axis = new RollerAxis();
    let lockedAt = NaN;
    for (let k = 1; k <= 2 * HZ && Number.isNaN(lockedAt); k++) {
      const t = k * DT;
      const f = scale(upAfter(a, 20 * DEG * t, up0), t < 1 ? 1.3 : 1);
      if (axis.integrate(stepOf(scale(a, 20), DT, f), up0)) lockedAt = t;
    }
    expect(lockedAt).toBeCloseTo(1, 6);
  });

  it('rebias removes what the old bias added before the lock', () => {
    const axis = new RollerAxis();
    const b: Vec3 = [3, -2, 1];
    for (let k = 0; k < 2 * HZ; k++) axis.integrate(stepOf(b, DT, [0, 0, 1]), [0, 0, 1]);
    expect(axis.preLockAngleDeg).toBeCloseTo(2 * Math.hypot(...b), 9);
    axis.rebias(b, 2);
    expect(axis.preLockAngleDeg).toBeLessThan(1e-9);
  });
});

describe('RollerAxis: refinement after the lock', () => {
  /** Rotates about `truth` at `rateDps` for `revolutions`; the gyro also reads a residual bias `gyroErr`. */
  function refineRevolutions(axis: RollerAxis, truth: Vec3, up0: Vec3, startDeg: number, rateDps: number, revolutions: number, gyroErr: Vec3, onUpdate?: (turnedDeg: number) => void): number {
    let theta = startDeg;
    const n = Math.round(((revolutions * 360) / Math.abs(rateDps)) * HZ);
    for (let k = 0; k < n; k++) {
      theta += rateDps * DT;
      const f = upAfter(truth, theta * DEG, up0);
      const w = add(scale(truth, rateDps), gyroErr);
      axis.refine(stepOf(w, DT, f), true);
      onUpdate?.(theta - startDeg);
    }
    return theta;
  }

  it('converges to the true axis (< 1°) within a few revolutions when the lock was ~5° off, and keeps its sign', () => {
    const rand = seededRandom(2024);
    for (let i = 0; i < 6; i++) {
      const truth = randomUnit(rand);
      const up0 = randomPerpendicular(truth, rand);
      // The gyro's axis is 5° off the truth (e.g. a bias error during the lock).
      const tiltAbout = normalize(cross(truth, up0));
      const off = rotate(tiltAbout, 5 * DEG, truth);
      const axis = new RollerAxis();
      const lock = lockOn(axis, truth, off, up0, (t) => 30 * t);
      expect(lock).not.toBeNull();
      expect(angleDeg(axis.unit!, truth)).toBeCloseTo(5, 1);
      // After the lock the gyro still has a residual error off the axis (2 °/s at 30 °/s: ~3.8°).
      const gyroErr = scale(randomPerpendicular(truth, rand), 2);
      const errs: number[] = [];
      let theta = lock!.thetaDeg;
      for (let rev = 1; rev <= 3; rev++) {
        theta = refineRevolutions(axis, truth, up0, theta, 30, 1, gyroErr);
        errs.push(angleDeg(axis.unit!, truth));
      }
      const msg = `axis ${i}: errors ${errs.map((e) => e.toFixed(4)).join(', ')}`;
      // A gyro-only axis would stay ~3.8° off; the gravity plane does not see the gyro error.
      expect(errs[0], msg).toBeLessThan(1);
      expect(errs[2], msg).toBeLessThan(0.1);
      expect(axis.gravityBased).toBe(true);
      // Still pointing the way of the first stroke.
      expect(angleDeg(axis.unit!, truth)).toBeLessThan(90);
    }
  });

  it('keeps the first stroke’s sign through back-and-forth rolling', () => {
    const rand = seededRandom(5);
    const truth = randomUnit(rand);
    const up0 = randomPerpendicular(truth, rand);
    const axis = new RollerAxis();
    expect(lockOn(axis, truth, truth, up0, (t) => 25 * t)).not.toBeNull();
    let theta = 15;
    for (let stroke = 0; stroke < 8; stroke++) theta = refineRevolutions(axis, truth, up0, theta, stroke % 2 === 0 ? -30 : 30, 0.4, [0, 0, 0]);
    expect(angleDeg(axis.unit!, truth)).toBeLessThan(0.5);
  });

  it('confidence grows with rotation', () => {
    const rand = seededRandom(77);
    const truth = randomUnit(rand);
    const up0 = randomPerpendicular(truth, rand);
    const axis = new RollerAxis();
    const lock = lockOn(axis, truth, truth, up0, (t) => 20 * t);
    const atLock = axis.confidence;
    expect(atLock).toBeGreaterThan(0);
    const byTurn: number[] = [];
    let theta = lock!.thetaDeg;
    for (let i = 0; i < 8; i++) {
      theta = refineRevolutions(axis, truth, up0, theta, 20, 1 / 8, [0.3, -0.2, 0.1]);
      byTurn.push(axis.confidence);
    }
    // 45° more: still below full coverage; a full turn: planar sweep, near 1.
    expect(byTurn[0]!).toBeGreaterThan(atLock);
    for (let i = 1; i < byTurn.length; i++) expect(byTurn[i]!).toBeGreaterThanOrEqual(byTurn[i - 1]! - 1e-9);
    expect(byTurn[byTurn.length - 1]!).toBeGreaterThan(0.9);
    expect(byTurn[byTurn.length - 1]!).toBeLessThanOrEqual(1);
  });

  it('slow rotation (< 5 °/s, bias-dominated) does not refine or add confidence', () => {
    const rand = seededRandom(78);
    const truth = randomUnit(rand);
    const up0 = randomPerpendicular(truth, rand);
    const axis = new RollerAxis();
    const lock = lockOn(axis, truth, truth, up0, (t) => 20 * t);
    const unit = [...axis.unit!];
    const conf = axis.confidence;
    refineRevolutions(axis, truth, up0, lock!.thetaDeg, 3, 0.1, [1, 1, 1].map((x) => x * 0.5) as Vec3);
    expect([...axis.unit!]).toEqual(unit);
    expect(axis.confidence).toBe(conf);
  });
});
