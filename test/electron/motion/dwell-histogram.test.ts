import { describe, expect, it } from 'vitest';
import { dwellHistogram } from '../../../electron/motion/dwell-histogram';
import { analyzeSamples } from '../../../electron/motion/motion-engine';
import { FLAG_GAP_BRIDGED, TrackColumns } from '../../../electron/motion/track-columns';
import { simulate } from '../../../electron/sim/simulate';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';

function trackOf(points: [t: number, p: number, flags?: number][]): TrackColumns {
  const c = new TrackColumns();
  for (const [t, p, f] of points) c.push(t, p, 0, 'mid-back', f ?? 0, 1, 0, 0, 0);
  return c;
}

describe('dwell histogram', () => {
  it('credits each interval to the 1-inch bin it starts in', () => {
    const h = dwellHistogram(
      trackOf([
        [0, 0.5],
        [0.1, 0.5],
        [0.2, 3.0],
        [0.4, -1.0],
        [0.5, -1.0],
      ]),
    );
    expect(h.binCm).toBeCloseTo(2.54);
    expect(h.firstBinCm).toBeCloseTo(-2.54); // −1 cm is in bin −1
    expect(h.seconds).toHaveLength(3);
    expect(h.seconds[0]).toBeCloseTo(0.1); // −1.0 → −1.0
    expect(h.seconds[1]).toBeCloseTo(0.2); // 0.5 → 0.5 and 0.5 → 3.0
    expect(h.seconds[2]).toBeCloseTo(0.2); // 3.0 → −1.0
  });

  it('does not count time across gaps', () => {
    const h = dwellHistogram(
      trackOf([
        [0, 0],
        [0.1, 0],
        [5, 0],
        [5.1, 0, FLAG_GAP_BRIDGED],
        [5.2, 0],
      ]),
    );
    expect(h.seconds.reduce((a, b) => a + b, 0)).toBeCloseTo(0.2); // 0→0.1 and 5.1→5.2
  });

  it('is empty for an empty track', () => {
    expect(dwellHistogram(new TrackColumns()).seconds).toEqual([]);
  });

  it('finds the held spot of a simulated session, and the bins add up to the session time', () => {
    const sim = simulate(builtInScenario('dwell-40s'), { seed: 1 });
    const r = analyzeSamples(sim.samples, { rollerDiameterIn: sim.meta.rollerDiameterIn });
    const h = dwellHistogram(r.track);
    const total = h.seconds.reduce((a, b) => a + b, 0);
    const duration = r.track.t[r.track.length - 1]! - r.track.t[0]!;
    expect(total).toBeGreaterThan(0.98 * duration);
    expect(total).toBeLessThanOrEqual(duration + 1e-9);
    // The 40 s dwell 8 cm up (±1 cm) fills the bins from 6.5 to 9.5 cm (bins 2 and 3: 5.1–10.2 cm).
    const bin = (cm: number) => Math.floor(cm / h.binCm) - Math.round(h.firstBinCm / h.binCm);
    const held = h.seconds.slice(bin(6.5), bin(9.5) + 1);
    expect(held.reduce((a, b) => a + b, 0)).toBeGreaterThan(38);
    expect(Math.max(...held)).toBe(Math.max(...h.seconds));
  });
});
