import { describe, it, expect } from 'vitest';
import { RotationFusion, type FusionStep } from '../../../electron/motion/rotation-fusion';
import { add, DEG, normalize, randomPerpendicular, randomUnit, rotate, scale, seededRandom, stepOf, type Vec3 } from './synthetic-roller';

const HZ = 100;
const DT = 1 / HZ;
const TURN = 2 * Math.PI;

function setup(seed: number): { a: Vec3; up0: Vec3 } {
  const rand = seededRandom(seed);
  const a = randomUnit(rand);
  return { a, up0: randomPerpendicular(a, rand) };
}

const upAfter = (a: Vec3, thetaRad: number, up0: Vec3): Vec3 => rotate(a, -thetaRad, up0);

/** One fusion step: the gyro turns at `rateDps` about the axis over `dtS`, the accelerometer reads `f`. */
function fstep(fusion: RotationFusion, a: Vec3, rateDps: number, dtS: number, f: Vec3, atRest: boolean, out: FusionStep): void {
  fusion.step(a, stepOf(scale(a, rateDps), dtS, f), atRest, out);
}

/** Runs the fusion over a rotation θ(t) (rad) with the gyro reading θ̇ + `gyroErrDps`; returns the errors (deg). */
function track(f: RotationFusion, a: Vec3, up0: Vec3, theta: (t: number) => number, seconds: number, gyroErrDps: number, atRest = false): { t: number; errDeg: number; rejected: boolean }[] {
  const out: FusionStep = { accelRejected: false, snapped: false };
  const rows: { t: number; errDeg: number; rejected: boolean }[] = [];
  for (let k = 1; k <= seconds * HZ; k++) {
    const t = k * DT;
    // The rate over the step (the engine's trapezoid), plus the bias error.
    const rateDps = (theta(t) - theta(t - DT)) / DT / DEG + gyroErrDps;
    const u = upAfter(a, theta(t), up0);
    fstep(f, a, rateDps, DT, [u[0], u[1], u[2]], atRest, out);
    rows.push({ t, errDeg: (f.thetaRad - theta(t)) / DEG, rejected: out.accelRejected });
  }
  return rows;
}

describe('RotationFusion: gyro integration corrected by gravity', () => {
  it('integrates the rate (minus the learned axis bias) when gravity is not available', () => {
    const { a } = setup(1);
    const f = new RotationFusion([0, 0, 1], 0.5);
    const out: FusionStep = { accelRejected: false, snapped: false };
    for (let k = 0; k < 200; k++) fstep(f, a, 20, DT, [0, 0, 1.5], false, out); // 1.5 g: not gravity
    expect(out.accelRejected).toBe(true);
    expect(f.thetaRad).toBeCloseTo(0.5 + 40 * DEG, 9);
    f.axisBiasDps = 2;
    for (let k = 0; k < 100; k++) fstep(f, a, 20, DT, [0, 0, 1.5], false, out);
    expect(f.thetaRad).toBeCloseTo(0.5 + 40 * DEG + 18 * DEG, 9);
    f.resetAxisBias();
    expect(f.axisBiasDps).toBe(0);
  });

  it('with an exact gyro it follows the truth exactly, over many turns', () => {
    const { a, up0 } = setup(2);
    const f = new RotationFusion(up0, 0);
    const rows = track(f, a, up0, (t) => 40 * DEG * t, 30, 0);
    expect(Math.max(...rows.map((r) => Math.abs(r.errDeg)))).toBeLessThan(1e-6);
    expect(f.thetaRad).toBeCloseTo(1200 * DEG, 6);
    expect(rows.some((r) => r.rejected)).toBe(false);
  });

  it('a constant 3 °/s gyro bias error along the axis: bounded error, gravity pulls it back, the bias is learned', () => {
    for (const seed of [3, 4, 5]) {
      const { a, up0 } = setup(seed);
      const f = new RotationFusion(up0, 0);
      // 60 s of rolling up and down (±90°, 12 s per cycle) — uncorrected, the angle would drift by 180°.
      const rows = track(f, a, up0, (t) => 90 * DEG * Math.sin((TURN * t) / 12), 60, 3);
      const maxErr = Math.max(...rows.map((r) => Math.abs(r.errDeg)));
      const lateErr = Math.max(...rows.filter((r) => r.t >= 30).map((r) => Math.abs(r.errDeg)));
      // The PI loop (kp 0.6/s, ki 0.08/s²) peaks at 1.25 s × 3 °/s = 3.75° after ~3.5 s.
      expect(maxErr).toBeLessThan(4);
      expect(lateErr).toBeLessThan(0.1);
      expect(Math.abs(rows[rows.length - 1]!.errDeg)).toBeLessThan(0.02);
      expect(f.axisBiasDps).toBeCloseTo(3, 1);
    }
  });

  // With KP_MOVING = 0.6 /s and KI = 0.08 /s² the error to a bias step Δb is
  // Δb·(e^(−0.2t) − e^(−0.4t))/0.2, peaking at 1.25 s·Δb (3.75° for 3 °/s, ≈ 0.5 cm on a
  // 6 in roller) at t ≈ 3.5 s; rests and the start measure the bias far closer than that.
  it('corrects a wrong angle faster at rest than while rolling', () => {
    const { a, up0 } = setup(6);
    const still = (t: number) => 0 * t + 20 * DEG;
    const atRest = new RotationFusion(up0, 30 * DEG);
    const moving = new RotationFusion(up0, 30 * DEG);
    const r1 = track(atRest, a, up0, still, 1, 0, true);
    const r2 = track(moving, a, up0, still, 1, 0, false);
    expect(Math.abs(r1[r1.length - 1]!.errDeg)).toBeLessThan(0.5);
    expect(Math.abs(r2[r2.length - 1]!.errDeg)).toBeGreaterThan(3);
    expect(Math.abs(r2[r2.length - 1]!.errDeg)).toBeLessThan(10);
  });
});

describe('RotationFusion: what is not gravity is rejected', () => {
  it('rejects accelerations far from 1 g (and then does not correct), accepts ones close to it', () => {
    const { a, up0 } = setup(7);
    const out: FusionStep = { accelRejected: false, snapped: false };
    for (const [g, rejected] of [
      [1.3, true],
      [0.8, true],
      [1.15, true],
      [1.05, false],
      [0.97, false],
    ] as const) {
      const f = new RotationFusion(up0, 10 * DEG); // 10° off the truth (0)
      const u = scale(up0, g);
      fstep(f, a, 0, DT, [u[0], u[1], u[2]], false, out);
      expect(out.accelRejected, `|f| = ${g} g`).toBe(rejected);
      if (rejected) expect(f.thetaRad).toBe(10 * DEG);
      else expect(f.thetaRad).toBeLessThan(10 * DEG);
    }
  });

  it('rejects a specific force that leaves the plane gravity sweeps (along the roller axis)', () => {
    const { a, up0 } = setup(8);
    const out: FusionStep = { accelRejected: false, snapped: false };
    const f = new RotationFusion(up0, 0);
    // |f| stays 1 g, but 0.2 g of it lies along the axis, where gravity never goes.
    const u = normalize(add(scale(up0, 0.98), scale(a, 0.2)));
    fstep(f, a, 0, DT, [u[0], u[1], u[2]], false, out);
    expect(out.accelRejected).toBe(true);
    const v = normalize(add(scale(up0, 0.995), scale(a, 0.1)));
    fstep(f, a, 0, DT, [v[0], v[1], v[2]], false, out);
    expect(out.accelRejected).toBe(false);
  });
});

describe('RotationFusion.requestSnap: after a long gap gravity sets the angle, to the nearest turn', () => {
  it('truth at 3 turns + 10°, held at 3 turns: snaps to 3 turns + 10° in one trusted reading', () => {
    const { a, up0 } = setup(9);
    const f = new RotationFusion(up0, 3 * TURN);
    f.requestSnap();
    const out: FusionStep = { accelRejected: false, snapped: false };
    const u = upAfter(a, 3 * TURN + 10 * DEG, up0);
    fstep(f, a, 0, 0, [u[0], u[1], u[2]], false, out);
    expect(f.thetaRad).toBeCloseTo(3 * TURN + 10 * DEG, 9);
    // The snap is one-shot: no bias was learned from the jump.
    expect(f.axisBiasDps).toBe(0);
  });

  it('picks the nearest turn across ±180°: held at 3 turns + 170°, gravity at −175° ⇒ 3 turns + 185°', () => {
    const { a, up0 } = setup(10);
    const f = new RotationFusion(up0, 3 * TURN + 170 * DEG);
    f.requestSnap();
    const out: FusionStep = { accelRejected: false, snapped: false };
    const u = upAfter(a, -175 * DEG, up0);
    fstep(f, a, 0, 0, [u[0], u[1], u[2]], false, out);
    expect(f.thetaRad).toBeCloseTo(3 * TURN + 185 * DEG, 9);
  });

  it('negative turns too: held at −2 turns − 20°, truth at −2 turns + 30°', () => {
    const { a, up0 } = setup(11);
    const f = new RotationFusion(up0, -2 * TURN - 20 * DEG);
    f.requestSnap();
    const out: FusionStep = { accelRejected: false, snapped: false };
    const u = upAfter(a, 30 * DEG, up0);
    fstep(f, a, 0, 0, [u[0], u[1], u[2]], false, out);
    expect(f.thetaRad).toBeCloseTo(-2 * TURN + 30 * DEG, 9);
  });

  it('waits for a trusted reading: a rejected one does not snap, the next good one does', () => {
    const { a, up0 } = setup(12);
    const f = new RotationFusion(up0, 0);
    f.requestSnap();
    const out: FusionStep = { accelRejected: false, snapped: false };
    const u = upAfter(a, 40 * DEG, up0);
    fstep(f, a, 0, 0, [1.4 * u[0], 1.4 * u[1], 1.4 * u[2]], false, out);
    expect(out.accelRejected).toBe(true);
    expect(f.thetaRad).toBe(0);
    fstep(f, a, 0, 0, [u[0], u[1], u[2]], false, out);
    expect(f.thetaRad).toBeCloseTo(40 * DEG, 9);
    // And only once: a later reading is blended, not snapped.
    const w = upAfter(a, 60 * DEG, up0);
    fstep(f, a, 0, DT, [w[0], w[1], w[2]], false, out);
    expect(f.thetaRad).toBeLessThan(41 * DEG);
  });
});
