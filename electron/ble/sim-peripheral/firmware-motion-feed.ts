/**
 * The simulated roller's motion as the firmware's IMU chip model feels it: one `simulate()` of
 * the scenario at `feedRateHz` with the sensor's own errors (noise, bias, scale) but none of the
 * transport's (no frame loss, drop-outs, timestamp jitter or crystal error: the chip and link
 * models make those), unquantized (the chip model quantizes to its own LSB). Sample k is the
 * motion at session time k / feedRateHz; the chip model interpolates between them at its own
 * output data rate.
 *
 * Lines for host_loop: `imu <t> <ax g> <ay> <az> <gx °/s> <gy> <gz>`. Past the scenario's end it
 * plays again (loop) from its first sample, like the simulated roller.
 */
import type { Scenario } from '../../sim/scenario-schema';
import { simulate, type SimulationResult } from '../../sim/simulate';

export class FirmwareMotionFeed {
  readonly simulation: SimulationResult;
  readonly periodS: number;

  constructor(scenario: Scenario, seed: number, feedRateHz: number) {
    const run: Scenario = {
      ...scenario,
      sensor: { ...scenario.sensor, sampleRateHz: feedRateHz },
      errors: { ...scenario.errors, quantize: false, frameLoss: { probability: 0, meanBurstFrames: 1 }, dropouts: [], timestampJitterS: 0, sampleRateErrorFraction: 0 },
    };
    this.simulation = simulate(run, { seed });
    this.periodS = 1 / feedRateHz;
  }

  get length(): number {
    return this.simulation.samples.length;
  }

  /** The host_loop line for sample k (looping) at loop time `tS`. */
  line(k: number, tS: number): string {
    const samples = this.simulation.samples;
    const s = samples[k % samples.length]!;
    return `imu ${tS.toFixed(6)} ${f(s.axG)} ${f(s.ayG)} ${f(s.azG)} ${f(s.gxDps)} ${f(s.gyDps)} ${f(s.gzDps)}`;
  }
}

const f = (v: number) => v.toFixed(6);
