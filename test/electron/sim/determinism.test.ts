import { describe, expect, it } from 'vitest';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';

describe('seeded randomness', () => {
  const scenario = builtInScenario('packet-loss');

  it('gives identical output for the same seed', () => {
    const a = simulate(scenario);
    const b = simulate(scenario);
    expect(b.samples).toEqual(a.samples);
    expect(b.frames).toEqual(a.frames);
    expect(b.truth).toEqual(a.truth);
    expect(b.frameArrivalS).toEqual(a.frameArrivalS);
  });

  it('gives different noise and losses for a different seed, and the same motion', () => {
    const a = simulate(scenario);
    const b = simulate(scenario, { seed: 2 });
    expect(b.meta.seed).toBe(2);
    expect(b.samples[0]!.gxDps).not.toBe(a.samples[0]!.gxDps);
    expect(b.stats.framesLost).not.toBe(a.stats.framesLost);
    expect(b.truth.track.positionCm).toEqual(a.truth.track.positionCm);
    expect(b.truth.track.speedInPerS).toEqual(a.truth.track.speedInPerS);
  });

  it('keeps the noise on a sample independent of which other errors are on', () => {
    const base = { name: 'independent', segments: [{ kind: 'rest', durationS: 3 }] as const };
    const clean = simulate({ ...base, segments: [...base.segments] });
    const lossy = simulate({ ...base, segments: [...base.segments], errors: { frameLoss: { probability: 0.3, meanBurstFrames: 2 }, timestampJitterS: 0.001 } });
    const byTime = new Map(clean.truth.atSamples.trueTimeS.reduce<[number, number][]>((acc, t, i) => (acc.push([t, i]), acc), []));
    expect(lossy.samples.length).toBeLessThan(clean.samples.length);
    lossy.samples.forEach((s, i) => {
      const j = byTime.get(lossy.truth.atSamples.trueTimeS[i]!)!;
      expect(s.gxDps).toBe(clean.samples[j]!.gxDps);
      expect(s.azG).toBe(clean.samples[j]!.azG);
    });
  });
});
