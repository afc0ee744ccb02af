/**
 * Replays real IMU recordings (test/fixtures/real-imu, see its PROVENANCE.md) through the engine:
 * an MPU-6050 turned twice through 360° about a horizontal axis by hand, and 10 minutes lying
 * still with a 4.5 °/s gyro bias and bursty timestamps. They are in the repository: a missing
 * file fails the test, it never skips.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import { analyzeSamples } from '../../../electron/motion/motion-engine';

const DATA = fileURLToPath(new URL('../../fixtures/real-imu/', import.meta.url));

/** PROVENANCE.md: specific force f = (+acc_x, −acc_y, −acc_z), rate w = (−gyro_x, +gyro_y, +gyro_z). */
function loadMpu6050(name: string): ImuSample[] {
  const lines = readFileSync(DATA + name, 'utf8')
    .trim()
    .split('\n');
  expect(lines[0]).toMatch(/^t_s,acc_x_g,acc_y_g,acc_z_g,gyro_x_dps,gyro_y_dps,gyro_z_dps,temp_c/);
  return lines.slice(1).map((line) => {
    const v = line.split(',').map(Number);
    return { tS: v[0]!, axG: v[1]!, ayG: -v[2]!, azG: -v[3]!, gxDps: -v[4]!, gyDps: v[5]!, gzDps: v[6]! };
  });
}

const TURN_6IN_CM = 2 * Math.PI * 3 * 2.54; // one turn of a 6 in roller: 47.9 cm

describe('real MPU-6050 recordings', () => {
  it.each(['mpu6050_rotate_2x360_about_x.csv', 'mpu6050_rotate_2x360_about_y.csv'])('%s: two turns read as 95.8 cm on a 6 in roller', (file) => {
    const a = analyzeSamples(loadMpu6050(file), { rollerDiameterIn: 6 });
    const final = a.track.positionCm[a.track.length - 1]!;
    expect(final).toBeGreaterThan(2 * TURN_6IN_CM - 1.5);
    expect(final).toBeLessThan(2 * TURN_6IN_CM + 1.5);
    expect(a.track.axisConfidence[a.track.length - 1]!).toBeGreaterThan(0.9);
  });

  it('ten still minutes with a 4.5 °/s bias and bursty timestamps do not move the roller', () => {
    const samples = loadMpu6050('mpu6050_static_10min.csv');
    const a = analyzeSamples(samples, { rollerDiameterIn: 6 });
    let maxAbs = 0;
    for (let i = 0; i < a.track.length; i++) maxAbs = Math.max(maxAbs, Math.abs(a.track.positionCm[i]!));
    expect(maxAbs).toBeLessThan(0.5);
    expect(a.track.t[a.track.length - 1]! - a.track.t[0]!).toBeGreaterThan(650);
    // The bias the engine reports is the recording's (PROVENANCE: +4.535 on X, sign-flipped here).
    const i = a.track.length - 1;
    expect(a.track.bias[3 * i]!).toBeCloseTo(-4.535, 1);
    expect(a.events.filter((e) => e.kind === 'too-fast' || e.kind === 'lumbar' || e.kind === 'neck')).toEqual([]);
  });
});
