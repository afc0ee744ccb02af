import { describe, expect, it } from 'vitest';
import { simulate } from '../../../electron/sim/simulate';
import { spineZoneAt } from '../../../electron/sim/spine-zone';
import { truthPointAt } from '../../../electron/sim/truth-series';
import { quietScenario } from './quiet-scenario';

describe('truth', () => {
  const run = simulate(
    quietScenario([
      { kind: 'rest', durationS: 2 },
      { kind: 'stroke', toCm: 25, profile: 'cruise', peakSpeedInPerS: 0.8, rampS: 0.4 },
      { kind: 'pause', durationS: 1 },
      { kind: 'stroke', toCm: -20, meanSpeedInPerS: 1.5 },
    ]),
  );
  const track = run.truth.track;

  it('gives the coached speed on a constant-speed stroke: 0.8 in/s once 0.5 s of cruise is in the window', () => {
    const cruiseStart = 2 + 0.4;
    const cruiseEnd = 2 + 25 / (0.8 * 2.54);
    let n = 0;
    for (let i = 0; i < track.length; i++) {
      const t = track.trueTimeS[i]!;
      if (t >= cruiseStart + 0.5 && t <= cruiseEnd) {
        expect(track.speedInPerS[i]).toBeCloseTo(0.8, 10);
        n++;
      }
    }
    expect(n).toBeGreaterThan(900);
  });

  it('defines speed as |p(t) − p(t − 0.5 s)| / 0.5 s in in/s (causal), with the elapsed window before 0.5 s', () => {
    expect(run.scenario.truthRateHz).toBe(100);
    for (let i = 0; i < track.length; i++) {
      const back = Math.min(i, 50);
      const expected = back === 0 ? 0 : Math.abs(track.positionCm[i]! - track.positionCm[i - back]!) / (back / 100) / 2.54;
      expect(Math.abs(track.speedInPerS[i]! - expected)).toBeLessThan(1e-9);
    }
    // a minimum-jerk stroke at a mean of 1.5 in/s peaks near 1.875 × 1.5 in/s
    const peak = Math.max(...track.speedInPerS);
    expect(peak).toBeGreaterThan(2.6);
    expect(peak).toBeLessThan(1.875 * 1.5);
  });

  it('covers the whole session at the truth rate and labels zones with the spine map', () => {
    expect(track.length).toBe(Math.floor(run.meta.durationS * 100 + 1e-9) + 1);
    expect(track.trueTimeS[0]).toBe(0);
    const zones = new Set(track.zone);
    expect(zones).toEqual(new Set(['upper-back', 'neck', 'mid-back', 'lumbar']));
    for (let i = 0; i < track.length; i += 7) {
      expect(track.zone[i]).toBe(spineZoneAt(track.positionCm[i]!, { neckAboveCm: 21, lumbarBelowCm: 14 }));
    }
    expect(spineZoneAt(21, run.meta.spineMap)).toBe('upper-back');
    expect(spineZoneAt(21.01, run.meta.spineMap)).toBe('neck');
    expect(spineZoneAt(0, run.meta.spineMap)).toBe('upper-back');
    expect(spineZoneAt(-14, run.meta.spineMap)).toBe('mid-back');
    expect(spineZoneAt(-14.01, run.meta.spineMap)).toBe('lumbar');
  });

  it('pairs one truth row with every sample, on the same time base', () => {
    const at = run.truth.atSamples;
    expect(at.length).toBe(run.samples.length);
    for (let i = 0; i < at.length; i++) expect(at.tS[i]).toBe(run.samples[i]!.tS);
    const p = truthPointAt(at, 500);
    expect(p).toMatchObject({ tS: run.samples[500]!.tS, zone: 'upper-back', gyroBiasDps: [0, 0, 0] });
    expect(p.thetaDeg).toBeCloseTo((p.positionCm / 7.62) * (180 / Math.PI), 9);
    expect(() => truthPointAt(at, at.length)).toThrow(RangeError);
  });

  it('keeps θ = p / R_eff · (1 − slip) with compression and slip', () => {
    const slipped = simulate(
      quietScenario(
        [
          { kind: 'rest', durationS: 1 },
          { kind: 'stroke', toCm: 10, durationS: 5 },
        ],
        { roller: { diameterIn: 5, compression: 0.08 }, errors: { slipFraction: 0.05 } },
      ),
    );
    const last = truthPointAt(slipped.truth.track, slipped.truth.track.length - 1);
    const rEff = ((5 * 2.54) / 2) * 0.92;
    expect(slipped.meta.effectiveRadiusCm).toBeCloseTo(rEff, 12);
    expect(last.positionCm).toBeCloseTo(10, 9);
    expect(last.thetaDeg).toBeCloseTo(((10 * 0.95) / rEff) * (180 / Math.PI), 9);
    // and the gyro sees the slipped rotation, not the travel
    const dt = 1 / 100;
    const integral = slipped.samples.reduce((a, s) => a + s.gxDps * dt, 0);
    expect(integral).toBeCloseTo(last.thetaDeg, 0);
  });
});
