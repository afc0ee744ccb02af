import { describe, expect, it } from 'vitest';
import { applyTranspose, eulerXyzDeg, type Vec3 } from '../../../electron/sim/rotation-matrix';
import { simulate, type SimulationResult } from '../../../electron/sim/simulate';
import { quietScenario } from './quiet-scenario';

function mean(run: SimulationResult, pick: (s: SimulationResult['samples'][number]) => number): number {
  return run.samples.reduce((m, s) => m + pick(s), 0) / run.samples.length;
}
function std(run: SimulationResult, pick: (s: SimulationResult['samples'][number]) => number): number {
  const m = mean(run, pick);
  return Math.sqrt(run.samples.reduce((a, s) => a + (pick(s) - m) ** 2, 0) / run.samples.length);
}

describe('sensor errors', () => {
  it('adds white noise of density · √rate per sample (consumer defaults)', () => {
    const run = simulate(quietScenario([{ kind: 'rest', durationS: 60 }], { sensor: { sampleRateHz: 200 }, errors: { gyroNoiseDpsPerSqrtHz: 0.015, accelNoiseGPerSqrtHz: 0.00015 } }));
    expect(std(run, (s) => s.gyDps) / (0.015 * Math.sqrt(200))).toBeCloseTo(1, 1);
    expect(std(run, (s) => s.axG) / (0.00015 * Math.sqrt(200))).toBeCloseTo(1, 1);
  });

  it('adds a constant gyro and accel bias, reported as truth', () => {
    const orientationDeg: Vec3 = [10, 20, 30];
    const run = simulate(
      quietScenario([{ kind: 'rest', durationS: 20 }], {
        mount: { orientationDeg },
        errors: { gyroNoiseDpsPerSqrtHz: 0.015, gyroBiasDps: [15, -15, 15], accelBiasG: [0.02, 0, -0.03] },
      }),
    );
    expect(mean(run, (s) => s.gxDps)).toBeCloseTo(15, 1);
    expect(mean(run, (s) => s.gyDps)).toBeCloseTo(-15, 1);
    expect(run.truth.atSamples.gyroBiasXDps.every((b) => b === 15)).toBe(true);
    const up = applyTranspose(eulerXyzDeg(orientationDeg), [0, 0, 1]);
    expect(mean(run, (s) => s.axG)).toBeCloseTo(up[0] + 0.02, 6);
    expect(mean(run, (s) => s.azG)).toBeCloseTo(up[2] - 0.03, 6);
  });

  it('lets the bias drift (trend and random walk) and reports the true bias at every sample and track row', () => {
    const run = simulate(
      quietScenario([{ kind: 'rest', durationS: 120 }], {
        errors: { gyroBiasDps: [1, 2, 3], gyroBiasTrendDpsPerMin: [0.5, 0, 0], gyroBiasRandomWalkDpsPerSqrtS: 0.05 },
      }),
    );
    const at = run.truth.atSamples;
    // no noise: each gyro reading is exactly its true bias
    run.samples.forEach((s, i) => expect(s.gyDps).toBe(at.gyroBiasYDps[i]));
    const walkY = at.gyroBiasYDps[at.length - 1]! - 2;
    expect(Math.abs(walkY)).toBeGreaterThan(0.01);
    expect(Math.abs(walkY)).toBeLessThan(4 * 0.05 * Math.sqrt(120));
    const track = run.truth.track;
    expect(track.gyroBiasXDps[track.length - 1]! - track.gyroBiasXDps[0]!).toBeGreaterThan(0.2); // 1 °/s trend over 2 min ± walk
    expect(track.gyroBiasYDps[3000]).toBeCloseTo(at.gyroBiasYDps[3000]!, 12); // 100 Hz track and samples coincide here
  });

  it('scales each axis by (1 + scale error)', () => {
    const segments = [
      { kind: 'rest', durationS: 1 },
      { kind: 'stroke', toCm: 15, durationS: 6 },
    ] as const;
    const exact = simulate(quietScenario([...segments]));
    const scaled = simulate(quietScenario([...segments], { errors: { gyroScaleError: [0.03, 0, 0], accelScaleError: [0, 0, -0.02] } }));
    scaled.samples.forEach((s, i) => {
      expect(s.gxDps).toBeCloseTo(exact.samples[i]!.gxDps * 1.03, 9);
      expect(s.azG).toBeCloseTo(exact.samples[i]!.azG * 0.98, 9);
    });
  });
});
