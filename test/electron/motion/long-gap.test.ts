/** Gaps far longer than a drop-out: bounded bridging, no hang, no invented rolling time. */
import { describe, expect, it } from 'vitest';
import { analyzeSamples, MAX_HELD_GAP_S } from '../../../electron/motion/motion-engine';
import { FLAG_GAP_BRIDGED } from '../../../electron/motion/track-columns';
import { summarizeTrack } from '../../../electron/motion/track-summary';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';

const sim = simulate(builtInScenario('too-fast'), { seed: 7 });
const settings = { rollerDiameterIn: sim.meta.rollerDiameterIn };

function withGap(gapS: number) {
  const end = sim.samples.at(-1)!.tS;
  return [...sim.samples, ...sim.samples.map((s) => ({ ...s, tS: s.tS + end + gapS }))];
}

describe('long gaps', () => {
  it('holds the last estimate for at most a minute of a one-hour gap, and counts the rest as no data', () => {
    const one = analyzeSamples(sim.samples, settings);
    const r = analyzeSamples(withGap(3600), settings);
    let held = 0;
    for (let i = 0; i < r.track.length; i++) if (r.track.flags[i]! & FLAG_GAP_BRIDGED) held++;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThanOrEqual(MAX_HELD_GAP_S * 50 + 2);
    const summary = summarizeTrack(r.track, r.events, r.settings);
    const single = summarizeTrack(one.track, one.events, one.settings);
    // Rolling time is about the two halves' (the held minute may count, and the engine settles
    // again after the gap), never the hour without data.
    expect(summary.rollingS).toBeGreaterThan(2 * single.rollingS - 5);
    expect(summary.rollingS).toBeLessThan(2 * single.rollingS + MAX_HELD_GAP_S + 10);
  });

  it('does not hang on times far apart (1e15 s)', () => {
    const samples = [...sim.samples.slice(0, 500), ...sim.samples.slice(500, 1000).map((s) => ({ ...s, tS: s.tS + 1e15 }))];
    const started = performance.now();
    const r = analyzeSamples(samples, settings);
    expect(performance.now() - started).toBeLessThan(10_000); // a guard against a hang, not a speed target
    expect(r.track.length).toBeLessThan(10_000);
  });
});
