/**
 * Lays the simulated roller's scenario on the world timeline: run 0 starts at the session start,
 * each following run (loop) starts one sample period after the previous one's last sample, so the
 * motion — and the sensor clock — run on whether or not anyone is listening. A run is one
 * `simulate()` of the whole scenario with the sensor configuration the central wrote (run r uses
 * seed + r, so loops differ in noise but not in motion).
 *
 * ```
 * world ms:  sessionStart                       run 0 end = run 1 start            run 1 end
 *            |—— run 0: scenario 0 … D s ———————|—— run 1 (seed + 1) ———————————————|— …
 * frame f of a run: first sample at start + f·spf/rate′, arrives at start + frameArrivalS[j]
 * ```
 * (rate′ = the sensor's rate times its crystal error, as in electron/sim/simulate.ts.)
 *
 * Per delivered frame the plan keeps its slot (index among all frames taken, lost ones
 * included), its t0 relative to the run start and its arrival time, so the stream can rewrite
 * sequence and clock for the sensor's running counters.
 */
import type { SensorConfig } from '../../../sensor-protocol/gatt/sensor-config';
import { CLOCK_MODULUS_US, OFFSET_T0_US } from '../../../sensor-protocol/frame/frame-layout';
import type { Scenario } from '../../sim/scenario-schema';
import { simulate } from '../../sim/simulate';

export type EndOfScenario = 'loop' | 'stop';

export interface RollerRun {
  readonly index: number;
  /** World time of the run's first sample, ms. */
  readonly startMs: number;
  /** World time one sample period after its last sample: the next run's start, ms. */
  readonly endMs: number;
  readonly config: SensorConfig;
  /** True seconds per sample (the crystal error included). */
  readonly truePeriodMs: number;
  /** Sensor-clock µs per true ms (1 + crystal error) × 1000. */
  readonly clockUsPerMs: number;
  readonly framesTaken: number;
  /** Delivered frames as `simulate` encoded them (sequence from 0, t0 from 0). */
  readonly frames: readonly Uint8Array[];
  /** Slot (frame index among all taken) of each delivered frame. */
  readonly slot: Int32Array;
  /** t0 of each delivered frame relative to the run's first sample, sensor µs (unwrapped). */
  readonly t0OffsetUs: Float64Array;
  /** World arrival time of each delivered frame, ms. */
  readonly arrivalMs: Float64Array;
}

export class RollerRunPlanner {
  private current: RollerRun | null = null;

  constructor(
    private readonly scenario: Scenario,
    private readonly seed: number,
    private readonly endOfScenario: EndOfScenario,
    private readonly sessionStartMs: number,
  ) {}

  /**
   * The run covering world time `nowMs`, simulated with `config` (a run simulated with another
   * configuration is redone from the same start). Null once the scenario is over in `stop` mode.
   */
  runAt(nowMs: number, config: SensorConfig): RollerRun | null {
    let run = this.current;
    if (!run) run = this.build(0, this.sessionStartMs, config);
    else if (!sameConfig(run.config, config)) run = this.build(run.index, run.startMs, config);
    if (nowMs >= run.endMs) {
      if (this.endOfScenario === 'stop') {
        this.current = run;
        return null;
      }
      // Whole runs in between are skipped by arithmetic (their length depends on the config only).
      const lengthMs = run.endMs - run.startMs;
      const skip = Math.floor((nowMs - run.endMs) / lengthMs);
      run = this.build(run.index + 1 + skip, run.endMs + skip * lengthMs, config);
    }
    this.current = run;
    return run;
  }

  /** The run after `run`, or null in `stop` mode. */
  next(run: RollerRun, config: SensorConfig): RollerRun | null {
    if (this.endOfScenario === 'stop') return null;
    const next = this.build(run.index + 1, run.endMs, config);
    this.current = next;
    return next;
  }

  private build(index: number, startMs: number, config: SensorConfig): RollerRun {
    const scenario: Scenario = { ...this.scenario, sensor: { ...config }, sensorStart: { clockUs: 0, sequence: 0 } };
    const sim = simulate(scenario, { seed: (this.seed + index) >>> 0, truthRateHz: 0 });
    const rate = sim.meta.actualSampleRateHz;
    const truePeriodMs = 1000 / rate;
    const framePeriodUs = (config.samplesPerFrame * 1e6) / config.sampleRateHz;
    const n = sim.frames.length;
    const slot = new Int32Array(n);
    const t0OffsetUs = new Float64Array(n);
    const arrivalMs = new Float64Array(n);
    let wraps = 0;
    let previousT0 = -1;
    sim.frames.forEach((frame, j) => {
      const t0 = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(OFFSET_T0_US, true);
      if (t0 < previousT0) wraps++;
      previousT0 = t0;
      const unwrapped = t0 + wraps * CLOCK_MODULUS_US;
      t0OffsetUs[j] = unwrapped;
      slot[j] = Math.round(unwrapped / framePeriodUs);
      arrivalMs[j] = startMs + (sim.frameArrivalS[j] ?? 0) * 1000;
    });
    return {
      index,
      startMs,
      endMs: startMs + sim.stats.samplesTaken * truePeriodMs,
      config: { ...config },
      truePeriodMs,
      clockUsPerMs: (1000 * rate) / config.sampleRateHz,
      framesTaken: sim.stats.framesTaken,
      frames: sim.frames,
      slot,
      t0OffsetUs,
      arrivalMs,
    };
  }
}

export function sameConfig(a: SensorConfig, b: SensorConfig): boolean {
  return a.sampleRateHz === b.sampleRateHz && a.accelRangeG === b.accelRangeG && a.gyroRangeDps === b.gyroRangeDps && a.samplesPerFrame === b.samplesPerFrame;
}
