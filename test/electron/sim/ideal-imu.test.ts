import { describe, expect, it } from 'vitest';
import { simulate } from '../../../electron/sim/simulate';
import { applyTranspose, eulerXyzDeg, rotationX, type Vec3 } from '../../../electron/sim/rotation-matrix';
import { seededRandom } from '../../support/seeded-random';
import { quietScenario } from './quiet-scenario';

const G = 9.80665;
const RAD = Math.PI / 180;

describe('ideal IMU physics', () => {
  it('reads +1 g straight up in the sensor frame at rest, for any mount', () => {
    const rand = seededRandom(7);
    for (let trial = 0; trial < 12; trial++) {
      const orientationDeg: Vec3 = [rand() * 720 - 360, rand() * 360 - 180, rand() * 720 - 360];
      const mount = { radiusCm: rand() * 7.62, azimuthDeg: rand() * 360, axialCm: rand() * 40 - 20, orientationDeg };
      const run = simulate(quietScenario([{ kind: 'rest', durationS: 2 }], { mount }));
      const up = applyTranspose(eulerXyzDeg(orientationDeg), [0, 0, 1]);
      expect(run.samples.length).toBe(201);
      for (const s of run.samples) {
        expect(Math.hypot(s.axG, s.ayG, s.azG)).toBeCloseTo(1, 9);
        expect([s.axG, s.ayG, s.azG].map((v, i) => v - up[i]!).every((d) => Math.abs(d) < 1e-9)).toBe(true);
        expect(Math.hypot(s.gxDps, s.gyDps, s.gzDps)).toBeLessThan(1e-9);
      }
    }
  });

  it('reads 1 g at rest also with the default wobble and breathing, up to their tiny accelerations', () => {
    const run = simulate({ name: 'wobbly', mount: { orientationDeg: [37, -61, 112] }, segments: [{ kind: 'rest', durationS: 10 }] });
    const mean = run.samples.reduce((m, s) => m + Math.hypot(s.axG, s.ayG, s.azG), 0) / run.samples.length;
    expect(mean).toBeCloseTo(1, 3);
  });

  it('integrates the gyro over a pure roll to the true angle about the mount-rotated roller axis', () => {
    const orientationDeg: Vec3 = [37, -61, 112];
    const run = simulate(
      quietScenario(
        [
          { kind: 'rest', durationS: 2 },
          { kind: 'stroke', toCm: 20, profile: 'cruise', peakSpeedInPerS: 0.8 },
          { kind: 'stroke', toCm: 5, durationS: 6 },
          { kind: 'rest', durationS: 2 },
        ],
        // consumer noise and quantisation on: the integral must still match within noise
        { mount: { radiusCm: 'surface', azimuthDeg: 30, axialCm: 5, orientationDeg }, errors: { gyroNoiseDpsPerSqrtHz: 0.015, quantize: true } },
      ),
    );
    const dt = 1 / run.meta.sensorConfig.sampleRateHz;
    const integral: Vec3 = [0, 0, 0];
    const theta = run.truth.atSamples.thetaDeg;
    let peak = 0;
    for (let i = 0; i < run.samples.length; i++) {
      const s = run.samples[i]!;
      integral[0] += s.gxDps * dt;
      integral[1] += s.gyDps * dt;
      integral[2] += s.gzDps * dt;
      // sample by sample the angle so far, projected on the axis, tracks θ
      const along = dot(integral, run.meta.mount.rollerAxisInSensor);
      peak = Math.max(peak, Math.abs(along - (theta[i]! - theta[0]!)));
    }
    const axis = run.meta.mount.rollerAxisInSensor;
    const deltaTheta = theta[theta.length - 1]! - theta[0]!;
    expect(deltaTheta).toBeCloseTo(5 / 7.62 / RAD, 6);
    for (let k = 0; k < 3; k++) expect(Math.abs(integral[k]! - axis[k]! * deltaTheta)).toBeLessThan(0.3);
    expect(peak).toBeLessThan(1.5); // rectangle-rule lag at 20 °/s is ≤ 0.2°, noise ≈ 0.1°
  });

  it('turns in the right sense: rolling toward the head is a positive rotation about the roller axis', () => {
    const run = simulate(
      quietScenario([
        { kind: 'rest', durationS: 1 },
        { kind: 'stroke', toCm: 10, peakSpeedInPerS: 1 },
      ]),
    );
    const mid = run.samples[Math.floor(run.samples.length * 0.6)]!;
    expect(mid.gxDps).toBeGreaterThan(5); // identity mount: sensor x = roller axis
    expect(Math.abs(mid.gyDps) + Math.abs(mid.gzDps)).toBeLessThan(1e-6);
  });

  it('shows the centripetal term r·θ̇² on a surface sensor rolling at constant speed', () => {
    const speedInPerS = 3;
    const azimuthDeg = 40;
    const run = simulate(
      quietScenario(
        [
          { kind: 'rest', durationS: 1 },
          { kind: 'stroke', toCm: 40, profile: 'cruise', peakSpeedInPerS: speedInPerS, rampS: 0.5 },
        ],
        { roller: { diameterIn: 4 }, mount: { radiusCm: 'surface', azimuthDeg, axialCm: 0 } },
      ),
    );
    const r = 0.0508; // 4 in roller: R = r = 5.08 cm
    const omega = (speedInPerS * 0.0254) / r;
    const centripetalG = (r * omega * omega) / G;
    expect(centripetalG).toBeGreaterThan(0.01);
    let checked = 0;
    const truth = run.truth.atSamples;
    for (let i = 0; i < run.samples.length; i++) {
      const t = truth.trueTimeS[i]!;
      if (t < 1.6 || t > run.meta.durationS - 0.6) continue; // cruise only
      const s = run.samples[i]!;
      const psi = truth.thetaDeg[i]! * RAD + azimuthDeg * RAD;
      const phi = azimuthDeg * RAD;
      // identity mount: sensor frame = roller frame; radial unit there is (0, cos φ, sin φ)
      const radial = s.ayG * Math.cos(phi) + s.azG * Math.sin(phi);
      const tangential = -s.ayG * Math.sin(phi) + s.azG * Math.cos(phi);
      expect(radial).toBeCloseTo(Math.sin(psi) - centripetalG, 7);
      expect(tangential).toBeCloseTo(Math.cos(psi), 7);
      expect(truth.velocityCmPerS[i]).toBeCloseTo(speedInPerS * 2.54, 9);
      checked++;
    }
    expect(checked).toBeGreaterThan(400); // 40 cm at 3 in/s: ≈ 4.7 s of cruise at 100 Hz
  });

  it('shows the tangential and centre accelerations while speeding up (minimum-jerk stroke)', () => {
    const distanceCm = 15;
    const durationS = 3;
    const azimuthDeg = -70;
    const radiusCm = 4;
    const run = simulate(
      quietScenario(
        [
          { kind: 'rest', durationS: 1 },
          { kind: 'stroke', toCm: distanceCm, durationS },
        ],
        { mount: { radiusCm, azimuthDeg, axialCm: 20 } },
      ),
    );
    const R = 0.0762;
    const r = radiusCm / 100;
    const phi = azimuthDeg * RAD;
    const truth = run.truth.atSamples;
    let maxTangentialG = 0;
    for (let i = 0; i < run.samples.length; i++) {
      const t = truth.trueTimeS[i]! - 1;
      if (t <= 0 || t >= durationS) continue;
      const u = t / durationS;
      const d = distanceCm / 100;
      const thetaDot = ((d / durationS) * 30 * u * u * (1 - u) * (1 - u)) / R;
      const thetaDdot = ((d / durationS ** 2) * (60 * u - 180 * u * u + 120 * u ** 3)) / R;
      const theta = (d * u ** 3 * (10 - 15 * u + 6 * u * u)) / R;
      const rel: Vec3 = [0, r * Math.cos(phi), r * Math.sin(phi)];
      const tangentialRoller: Vec3 = [0, -rel[2] * thetaDdot, rel[1] * thetaDdot];
      const centripetalRoller: Vec3 = [0, -rel[1] * thetaDot ** 2, -rel[2] * thetaDot ** 2];
      // specific force in the roller (= sensor) frame: Rx(θ)ᵀ·(c̈ + g·ẑ)/g + (tangential + centripetal)/g
      const centre = applyTranspose(rotationX(theta), [0, -thetaDdot * R, G]);
      const expected = [0, 1, 2].map((k) => (centre[k]! + tangentialRoller[k]! + centripetalRoller[k]!) / G);
      const s = run.samples[i]!;
      expect(s.axG).toBeCloseTo(expected[0]!, 7);
      expect(s.ayG).toBeCloseTo(expected[1]!, 7);
      expect(s.azG).toBeCloseTo(expected[2]!, 7);
      expect(s.gxDps).toBeCloseTo(thetaDot / RAD, 6);
      maxTangentialG = Math.max(maxTangentialG, Math.abs((r * thetaDdot) / G));
    }
    expect(maxTangentialG).toBeGreaterThan(0.002); // the term the comparison resolves is real
  });
});

function dot(a: Readonly<Vec3>, b: Readonly<Vec3>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
