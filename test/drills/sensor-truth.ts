/**
 * Ground truth of what a simulated Roller sensor streamed, on the sensor's own clock: where the
 * roller really was at a sample's time, and which coaching events the product's rules give on the
 * true motion. It follows the peripheral's plan (electron/ble/sim-peripheral/roller-run-planner.ts):
 * run r of `simulate()` starts at the sensor's session start + r run lengths; the sensor clock is
 * (world time − power-on) × (1 + crystal error); motion is the same in every run.
 */
import type { SensorConfig } from '../../sensor-protocol/gatt/sensor-config';
import type { SimulatedRollerPeripheral } from '../../electron/ble/sim-peripheral';
import type { MotionSettings } from '../../electron/motion/motion-settings';
import type { CoachEvent } from '../../electron/motion/motion-types';
import { simulate } from '../../electron/sim/simulate';
import type { TruthSeries } from '../../electron/sim/truth-series';
import { truthEvents } from '../../electron/sim/truth-events';

export class SensorTruth {
  readonly track: TruthSeries;
  /** Sensor clock at the start of run 0, µs (unwrapped). */
  private readonly originUs: number;
  /** One run of the scenario on the sensor clock, µs. */
  readonly runLengthUs: number;

  constructor(roller: SimulatedRollerPeripheral, config: SensorConfig, sensorOnAtMs: number) {
    const sessionStartMs = roller.sessionStartedAtMs;
    if (sessionStartMs === null) throw new Error('the sensor has not streamed yet');
    const sim = simulate({ ...roller.scenario, sensor: { ...config }, sensorStart: { clockUs: 0, sequence: 0 } }, { seed: roller.seed });
    const rate = sim.meta.actualSampleRateHz;
    const clockUsPerMs = (1000 * rate) / config.sampleRateHz;
    this.track = sim.truth.track;
    this.originUs = (sessionStartMs - sensorOnAtMs) * clockUsPerMs;
    this.runLengthUs = ((sim.stats.samplesTaken * 1000) / rate) * clockUsPerMs;
  }

  /** Run index and time within the run, s, of a sample time (sensor clock, unwrapped, s). */
  private local(tS: number): { run: number; localS: number } {
    const us = tS * 1e6 - this.originUs;
    const run = Math.floor(us / this.runLengthUs);
    return { run, localS: (us - run * this.runLengthUs) / 1e6 };
  }

  /** True position along the spine at a sample time, cm from the start spot. */
  positionCm(tS: number): number {
    return this.interpolate(this.track.positionCm, this.local(tS).localS);
  }

  /** The product's coaching events on the true motion, for runs 0 … `runs` − 1, on the sensor clock. */
  events(settings: MotionSettings, runs: number): CoachEvent[] {
    const one = truthEvents(this.track, settings);
    const out: CoachEvent[] = [];
    for (let r = 0; r < runs; r++) for (const e of one) out.push({ ...e, t: e.t + (this.originUs + r * this.runLengthUs) / 1e6 });
    return out;
  }

  private interpolate(column: Float64Array, localS: number): number {
    const t = this.track.tS;
    let lo = 0;
    let hi = t.length - 1;
    if (localS <= t[0]!) return column[0]!;
    if (localS >= t[hi]!) return column[hi]!;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (t[mid]! <= localS) lo = mid;
      else hi = mid;
    }
    const f = (localS - t[lo]!) / (t[hi]! - t[lo]!);
    return column[lo]! + f * (column[hi]! - column[lo]!);
  }
}
