import { ZodError } from 'zod';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSOR_CONFIG } from '../../../sensor-protocol/gatt/sensor-config';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { parseScenario, safeParseScenario } from '../../../electron/sim/scenario-schema';
import { simulate } from '../../../electron/sim/simulate';

const REST = { kind: 'rest', durationS: 2 } as const;
const UP = { kind: 'stroke', toCm: 10, meanSpeedInPerS: 0.8 } as const;

function issuesOf(input: unknown): { path: PropertyKey[]; message: string }[] {
  const r = safeParseScenario(input);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe('scenario schema', () => {
  it('fills every default', () => {
    const s = parseScenario({ name: 'minimal', segments: [REST, UP] });
    expect(s.seed).toBe(1);
    expect(s.truthRateHz).toBe(100);
    expect(s.roller).toEqual({
      diameterIn: 6,
      compression: 0,
      startYCm: 0,
      wobble: { aboutYDeg: 0.5, aboutYHz: 0.23, aboutZDeg: 0.5, aboutZHz: 0.17 },
      bounce: { amplitudeMm: 0.5, frequencyHz: 0.25 },
    });
    expect(s.spineMap).toEqual({ neckAboveCm: 21, lumbarBelowCm: 14 });
    expect(s.sensor).toEqual(DEFAULT_SENSOR_CONFIG);
    expect(s.mount).toEqual({ radiusCm: 0, azimuthDeg: 0, axialCm: 22.5, orientationDeg: [0, 0, 0] });
    expect(s.errors).toMatchObject({ gyroNoiseDpsPerSqrtHz: 0.015, accelNoiseGPerSqrtHz: 0.00015, gyroBiasDps: [0, 0, 0], quantize: true, dropouts: [] });
    expect(s.segments[1]).toEqual({ ...UP, profile: 'minimum-jerk', rampS: 0.5 });
    expect(parseScenario(s)).toEqual(s); // idempotent
  });

  it('names the field of a bad value, in the issue path and in the readable message', () => {
    const bad = { name: 'bad', segments: [REST, UP, { kind: 'stroke', toCm: 'ten', meanSpeedInPerS: 1 }] };
    expect(() => parseScenario(bad)).toThrow(ZodError);
    expect(issuesOf(bad)).toEqual([{ path: ['segments', 2, 'toCm'], message: expect.stringContaining('expected number') }]);
    const r = safeParseScenario(bad);
    expect(!r.ok && r.message).toContain('segments[2].toCm');
    expect(!r.ok && r.message).toContain('scenario bad');
  });

  it('rejects out-of-range and unknown values with their paths', () => {
    expect(issuesOf({ name: 'x', sensor: { sampleRateHz: 1000 }, segments: [REST] })[0]!.path).toEqual(['sensor', 'sampleRateHz']);
    expect(issuesOf({ name: 'x', sensor: { gyroRangeDps: 300 }, segments: [REST] })[0]!.path).toEqual(['sensor', 'gyroRangeDps']);
    expect(issuesOf({ name: 'x', roller: { diameterIn: 8 }, segments: [REST] })[0]!.path).toEqual(['roller', 'diameterIn']);
    expect(issuesOf({ name: 'x', segments: [REST, { kind: 'jump', durationS: 1 }] })[0]!.path).toEqual(['segments', 1, 'kind']);
    expect(issuesOf({ name: 'x', mount: { orientationDeg: [1, 2] }, segments: [REST] })[0]!.path).toEqual(['mount', 'orientationDeg']);
    expect(issuesOf({ name: 'Bad Name', segments: [REST] })[0]!.path).toEqual(['name']);
    expect(issuesOf({ name: 'x', segments: [] })[0]!.path).toEqual(['segments']);
  });

  it('asks for exactly one of mean speed, peak speed or duration', () => {
    expect(issuesOf({ name: 'x', segments: [REST, { kind: 'stroke', toCm: 5 }] })).toEqual([{ path: ['segments', 1], message: 'give exactly one of meanSpeedInPerS, peakSpeedInPerS, durationS' }]);
    expect(issuesOf({ name: 'x', segments: [REST, { kind: 'stroke', toCm: 5, durationS: 3, meanSpeedInPerS: 1 }] })[0]).toMatchObject({
      path: ['segments', 1, 'durationS'],
      message: expect.stringContaining('got meanSpeedInPerS and durationS'),
    });
    expect(issuesOf({ name: 'x', segments: [REST, { kind: 'oscillate', fromCm: 0, toCm: 5, passes: 2 }] })[0]!.message).toContain('passDurationS');
  });

  it('checks the script as it runs: rest first, first stroke up, mount inside the roller, drop-outs inside the session', () => {
    expect(issuesOf({ name: 'x', segments: [UP] })[0]!.path).toEqual(['segments', 0, 'kind']);
    expect(issuesOf({ name: 'x', segments: [REST, { kind: 'stroke', toCm: -10, durationS: 5 }] })).toEqual([
      { path: ['segments', 1, 'toCm'], message: expect.stringContaining('first stroke must go up') },
    ]);
    expect(issuesOf({ name: 'x', mount: { radiusCm: 8 }, segments: [REST] })).toEqual([{ path: ['mount', 'radiusCm'], message: expect.stringContaining('outside a 6 in roller') }]);
    expect(issuesOf({ name: 'x', errors: { dropouts: [{ startS: 99, durationS: 2 }] }, segments: [REST, UP] })[0]!.path).toEqual(['errors', 'dropouts', 0, 'startS']);
  });

  it('refuses to simulate an invalid scenario, and the catalog refuses an unknown name', () => {
    expect(() => simulate({ name: 'x', segments: [UP] })).toThrow(ZodError);
    expect(() => builtInScenario('nope')).toThrow(/no built-in scenario "nope"/);
  });
});
