/**
 * The whole live pipeline on protocol bytes: simulated sensor frames (with lost frames) →
 * FrameDecoder → MotionEngine, asserting the coaching events the ground truth has.
 */
import { describe, expect, it } from 'vitest';
import { FrameDecoder } from '../../../sensor-protocol/frame/frame-decoder';
import { MotionEngine } from '../../../electron/motion/motion-engine';
import { motionSettings } from '../../../electron/motion/motion-settings';
import type { CoachEvent } from '../../../electron/motion/motion-types';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';
import { truthEvents } from '../../../electron/sim/truth-events';

describe('frames → decoder → engine', () => {
  it.each(['lumbar-drift', 'dwell-40s', 'packet-loss'])('%s raises the events of its ground truth', (name) => {
    const sim = simulate(builtInScenario(name), { seed: 3 });
    const settings = motionSettings({ rollerDiameterIn: sim.meta.rollerDiameterIn, neckAboveCm: sim.meta.spineMap.neckAboveCm, lumbarBelowCm: sim.meta.spineMap.lumbarBelowCm });
    const decoder = new FrameDecoder(sim.meta.sensorConfig);
    const events: CoachEvent[] = [];
    const engine = new MotionEngine(settings, { event: (e) => events.push(e) });
    let samples = 0;
    for (const frame of sim.frames) {
      const r = decoder.push(frame);
      expect(r.ok).toBe(true);
      if (r.ok) {
        for (const s of r.samples) {
          engine.push(s);
          samples++;
        }
      }
    }
    engine.finish();
    expect(samples).toBe(sim.samples.length);
    expect(decoder.stats.lostFrames).toBe(sim.stats.framesLost);
    const truth = truthEvents(sim.truth.track, settings).filter((e) => e.kind !== 'time-budget');
    const got = events.filter((e) => e.kind !== 'time-budget');
    expect(got.map((e) => e.kind)).toEqual(truth.map((e) => e.kind));
    got.forEach((e, i) => expect(Math.abs(e.t - truth[i]!.t)).toBeLessThan(0.5));
  });
});
