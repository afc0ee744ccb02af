/**
 * What a simulated WitMotion unit measures: the same simulated roller (electron/sim), sampled
 * internally at 200 Hz with the unit's full scales (±16 g, ±2000 °/s — so `simulate`'s int16
 * quantisation is exactly the unit's LSB), laid on the world timeline from the session start
 * (loops run back to back, run r with seed + r). The unit's output at any rate picks the
 * internal sample at the current time.
 *
 * The unit has its own radio behaviour, so the scenario's frame loss, drop-outs, crystal error
 * and timestamp jitter are switched off here; everything else (noise, bias, mount) stays.
 *
 * Angles are approximate, as the brief allows: roll and pitch from gravity
 * (roll = atan2(ay, az), pitch = atan2(−ax, √(ay² + az²))), yaw by integrating gz.
 */
import type { WitmotionSampleValues } from '../../../sensor-protocol/witmotion/witmotion-record';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import type { Scenario } from '../../sim/scenario-schema';
import { simulate } from '../../sim/simulate';
import type { EndOfScenario } from './roller-run-planner';

/** Internal sample rate of the simulated unit (its highest output rate), Hz. */
export const WITMOTION_INTERNAL_RATE_HZ = 200;

interface WitmotionRun {
  index: number;
  samples: ImuSample[];
  yawDeg: Float64Array;
}

export class WitmotionSampleSource {
  private run: WitmotionRun | null = null;
  private runLengthS: number | null = null;

  constructor(
    private readonly scenario: Scenario,
    private readonly seed: number,
    private readonly endOfScenario: EndOfScenario,
    private readonly sessionStartMs: number,
  ) {}

  /** The unit's reading at world time `nowMs`, or null once the scenario is over in `stop` mode. */
  valuesAt(nowMs: number): WitmotionSampleValues | null {
    const tS = Math.max(0, (nowMs - this.sessionStartMs) / 1000);
    const lengthS = this.runLengthS ?? this.load(0).samples.length / WITMOTION_INTERNAL_RATE_HZ;
    const index = Math.floor(tS / lengthS);
    if (index > 0 && this.endOfScenario === 'stop') return null;
    const run = this.run && this.run.index === index ? this.run : this.load(index);
    const k = Math.min(run.samples.length - 1, Math.round((tS - index * lengthS) * WITMOTION_INTERNAL_RATE_HZ));
    const s = run.samples[k]!;
    return {
      axG: s.axG,
      ayG: s.ayG,
      azG: s.azG,
      gxDps: s.gxDps,
      gyDps: s.gyDps,
      gzDps: s.gzDps,
      anglesDeg: {
        rollDeg: degrees(Math.atan2(s.ayG, s.azG)),
        pitchDeg: degrees(Math.atan2(-s.axG, Math.hypot(s.ayG, s.azG))),
        yawDeg: run.yawDeg[k]!,
      },
    };
  }

  private load(index: number): WitmotionRun {
    const scenario: Scenario = {
      ...this.scenario,
      sensor: { sampleRateHz: WITMOTION_INTERNAL_RATE_HZ, accelRangeG: 16, gyroRangeDps: 2000, samplesPerFrame: 40 },
      sensorStart: { clockUs: 0, sequence: 0 },
      errors: {
        ...this.scenario.errors,
        frameLoss: { probability: 0, meanBurstFrames: 1 },
        dropouts: [],
        sampleRateErrorFraction: 0,
        timestampJitterS: 0,
      },
    };
    const sim = simulate(scenario, { seed: (this.seed + index) >>> 0, truthRateHz: 0 });
    const yawDeg = new Float64Array(sim.samples.length);
    let yaw = 0;
    sim.samples.forEach((s, k) => {
      if (k > 0) yaw = wrapDeg(yaw + s.gzDps / WITMOTION_INTERNAL_RATE_HZ);
      yawDeg[k] = yaw;
    });
    this.run = { index, samples: sim.samples, yawDeg };
    this.runLengthS = sim.samples.length / WITMOTION_INTERNAL_RATE_HZ;
    return this.run;
  }
}

function degrees(rad: number): number {
  return (rad * 180) / Math.PI;
}

function wrapDeg(deg: number): number {
  return ((((deg + 180) % 360) + 360) % 360) - 180;
}
