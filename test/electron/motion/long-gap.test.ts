/** Gaps far longer than a drop-out: bounded bridging, no hang, no invented rolling time. */
import { describe, expect, it } from 'vitest';
import { analyzeSamples, MAX_HELD_GAP_S } from '../../../electron/motion/motion-engine';
import { FLAG_GAP_BRIDGED } from '../../../electron/motion/track-columns';
import { sessionFiguresOf } from '../../../electron/motion/session-figures';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';

const sim = simulate(builtInScenario('too-fast'), { seed: 7 });
const settings = { rollerDiameterIn: sim.meta.rollerDiameterIn };

function withGap(gapS: number) {
  const end = sim.samples.at(-1)!.tS;
  return [...sim.samples, ...sim.samples.map((s) => ({ ...s, tS: s.tS + end + gapS }))];
}

describe('long gaps', () => {
  it('holds the last estimate through a one-hour gap: the track covers it at the track rate', () => {
    const one = analyzeSamples(sim.samples, settings);
    const r = analyzeSamples(withGap(3600), settings);
    let held = 0;
    let maxStep = 0;
    for (let i = 0; i < r.track.length; i++) {
      if (r.track.flags[i]! & FLAG_GAP_BRIDGED) held++;
      if (i > 0) maxStep = Math.max(maxStep, r.track.t[i]! - r.track.t[i - 1]!);
    }
    expect(held).toBeGreaterThan(3600 * 50 - 10);
    expect(maxStep).toBeLessThanOrEqual(0.05 + 1e-9); // ≥ 20 Hz everywhere (docs/architecture.md#analyzer-cli)
    const summary = sessionFiguresOf(r.track, r.events, r.settings);
    const single = sessionFiguresOf(one.track, one.events, one.settings);
    // The held hour is time without data: not rolling time.
    expect(summary.rollingS).toBeGreaterThan(2 * single.rollingS - 5);
    expect(summary.rollingS).toBeLessThan(2 * single.rollingS + 10);
  });

  it('does not hang on times far apart (1e15 s)', () => {
    const samples = [...sim.samples.slice(0, 500), ...sim.samples.slice(500, 1000).map((s) => ({ ...s, tS: s.tS + 1e15 }))];
    const r = analyzeSamples(samples, settings); // returns at all: before, it never did
    expect(r.track.length).toBeLessThanOrEqual(MAX_HELD_GAP_S * 50 + 2_000);
  });
});
