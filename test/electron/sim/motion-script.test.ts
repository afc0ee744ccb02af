import { describe, expect, it } from 'vitest';
import { buildMotionScript, type MotionScript } from '../../../electron/sim/motion-script';
import { SegmentSchema, parseScenario, type ScenarioInput, type ScenarioSegment } from '../../../electron/sim/scenario-schema';

function script(segments: ScenarioInput['segments']): MotionScript {
  const { script: s, issues } = buildMotionScript(parseScenario({ name: 'script', segments }).segments);
  if (!s) throw new Error(issues.map((i) => i.message).join('; '));
  return s;
}

const IN = 2.54;

describe('motion script', () => {
  it('reaches a minimum-jerk stroke target exactly at the end of its duration (mean speed)', () => {
    const s = script([
      { kind: 'rest', durationS: 2 },
      { kind: 'stroke', toCm: 20, meanSpeedInPerS: 0.8 },
    ]);
    const T = 20 / (0.8 * IN);
    expect(s.durationS).toBeCloseTo(2 + T, 12);
    expect(s.positionCm(2)).toBe(0);
    expect(s.positionCm(2 + T / 2)).toBeCloseTo(10, 12);
    expect(s.velocityCmPerS(2 + T / 2)).toBeCloseTo(1.875 * 0.8 * IN, 12);
    expect(s.positionCm(2 + T - 0.2)).toBeLessThan(20 - 1e-4);
    expect(s.positionCm(2 + T)).toBeCloseTo(20, 12);
    expect(s.velocityCmPerS(2 + T)).toBeCloseTo(0, 12);
    expect(s.positionCm(2 + T + 100)).toBe(20);
  });

  it('times minimum-jerk strokes from a peak speed or a duration', () => {
    const s = script([
      { kind: 'rest', durationS: 1 },
      { kind: 'stroke', toCm: 15, peakSpeedInPerS: 1.2 },
      { kind: 'stroke', toCm: -5, durationS: 8 },
    ]);
    const t1 = (1.875 * 15) / (1.2 * IN);
    expect(s.pieces[1]!.durationS).toBeCloseTo(t1, 12);
    expect(s.velocityCmPerS(1 + t1 / 2)).toBeCloseTo(1.2 * IN, 12);
    expect(s.positionCm(1 + t1)).toBeCloseTo(15, 12);
    expect(s.durationS).toBeCloseTo(1 + t1 + 8, 12);
    expect(s.positionCm(1 + t1 + 8)).toBeCloseTo(-5, 12);
  });

  it('holds a cruise stroke at exactly its speed between the ramps', () => {
    const s = script([
      { kind: 'rest', durationS: 1 },
      { kind: 'stroke', toCm: 20, profile: 'cruise', peakSpeedInPerS: 1.1, rampS: 0.5 },
    ]);
    const v = 1.1 * IN;
    expect(s.durationS).toBeCloseTo(1 + 20 / v + 0.5, 12);
    for (let t = 1.5; t <= s.durationS - 0.5; t += 0.1) expect(s.velocityCmPerS(t)).toBeCloseTo(v, 12);
    expect(s.positionCm(s.durationS)).toBeCloseTo(20, 12);
  });

  it('keeps velocity the derivative of position and acceleration continuous across pieces', () => {
    const s = script([
      { kind: 'rest', durationS: 1, breathingCm: 0.1 },
      { kind: 'stroke', toCm: 12, meanSpeedInPerS: 0.7 },
      { kind: 'dwell', durationS: 6, amplitudeCm: 1, frequencyHz: 0.4 },
      { kind: 'stroke', toCm: -8, profile: 'cruise', meanSpeedInPerS: 0.9 },
      { kind: 'oscillate', fromCm: -8, toCm: 4, passes: 3, peakSpeedInPerS: 1, turnPauseS: 0.5 },
    ]);
    const h = 1e-4;
    const k = 1e-6;
    const accel = (t: number): number => (s.velocityCmPerS(t + k) - s.velocityCmPerS(t - k)) / (2 * k);
    for (let t = 0.01; t < s.durationS; t += 0.0537) {
      const numeric = (s.positionCm(t + h) - s.positionCm(t - h)) / (2 * h);
      expect(Math.abs(numeric - s.velocityCmPerS(t))).toBeLessThan(1e-6);
    }
    for (const piece of s.pieces) {
      const t = piece.startS;
      expect(Math.abs(s.velocityCmPerS(t + 1e-9) - s.velocityCmPerS(t - 1e-9))).toBeLessThan(1e-6);
      // a step in acceleration would survive a shrinking window; finite jerk × 4 µs does not
      expect(Math.abs(accel(t + 2 * k) - accel(t - 2 * k))).toBeLessThan(2e-3);
    }
  });

  it('dwells within ±amplitude and ends back on the spot', () => {
    const s = script([
      { kind: 'rest', durationS: 1 },
      { kind: 'stroke', toCm: 8, durationS: 5 },
      { kind: 'dwell', durationS: 20, amplitudeCm: 1.5, frequencyHz: 0.3 },
    ]);
    let lo = Infinity;
    let hi = -Infinity;
    for (let t = 6; t <= 26; t += 0.01) {
      lo = Math.min(lo, s.positionCm(t));
      hi = Math.max(hi, s.positionCm(t));
    }
    expect(hi).toBeLessThanOrEqual(8 + 1.5 + 1e-12);
    expect(lo).toBeGreaterThanOrEqual(8 - 1.5 - 1e-12);
    expect(hi - lo).toBeGreaterThan(2.9);
    expect(s.positionCm(26)).toBeCloseTo(8, 12);
  });

  it('oscillates between the two ends for the given number of passes, approaching the first end', () => {
    const s = script([
      { kind: 'rest', durationS: 1 },
      { kind: 'oscillate', fromCm: 5, toCm: -10, passes: 3, passDurationS: 4, turnPauseS: 1 },
    ]);
    const moves = s.pieces.filter((p) => p.fromCm !== p.toCm).map((p) => [p.fromCm, p.toCm]);
    expect(moves).toEqual([
      [0, 5],
      [5, -10],
      [-10, 5],
      [5, -10],
    ]);
    expect(s.durationS).toBeCloseTo(1 + 4 * 4 + 2 * 1, 12);
    expect(s.positionCm(s.durationS)).toBeCloseTo(-10, 12);
  });

  it('reports a first stroke that goes down, a stroke that goes nowhere and a session not starting at rest', () => {
    const down = buildMotionScript(
      parseScenarioLoose([
        { kind: 'rest', durationS: 1 },
        { kind: 'stroke', toCm: -5, durationS: 3 },
      ]),
    );
    expect(down.script).toBeNull();
    expect(down.issues).toEqual([{ path: ['segments', 1, 'toCm'], message: expect.stringContaining('first stroke must go up') }]);
    const nowhere = buildMotionScript(
      parseScenarioLoose([
        { kind: 'rest', durationS: 1 },
        { kind: 'stroke', toCm: 0, meanSpeedInPerS: 1 },
      ]),
    );
    expect(nowhere.issues[0]).toMatchObject({ path: ['segments', 1, 'toCm'], message: expect.stringContaining('goes nowhere') });
    const noRest = buildMotionScript(parseScenarioLoose([{ kind: 'pause', durationS: 1 }]));
    expect(noRest.issues[0]).toMatchObject({ path: ['segments', 0, 'kind'] });
  });
});

/** Segments with their defaults but without the whole-script checks (so the checks themselves can be tested). */
function parseScenarioLoose(segments: ScenarioInput['segments']): ScenarioSegment[] {
  return segments.map((seg) => SegmentSchema.parse(seg));
}
