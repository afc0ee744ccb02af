/**
 * One run of the simulated roller: scenario in; what the sensor would send (samples and
 * encoded frames, with every configured error) and the ground truth out. Pure and
 * deterministic: no I/O, timers or clocks; the same scenario and seed give identical output.
 *
 * Time: the session starts (true time 0) with the first sample. The sensor clock reads
 * `clockUs/10⁶ + (1 + e)·t` at true time t (e = crystal error); the sensor takes a sample
 * every 1/rate s of its own clock, so samples are 1/(rate·(1 + e)) true seconds apart and
 * are stamped with the sensor clock. Frames carry t0 in µs on that clock (wrapping at 2³²);
 * truth `tS` uses the same clock, `trueTimeS` the physical one.
 */
import { z } from 'zod';
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import type { SensorConfig } from '../../sensor-protocol/gatt/sensor-config';
import { encodeFrame } from '../../sensor-protocol/frame/frame-codec';
import { CLOCK_MODULUS_US, SEQUENCE_MODULUS } from '../../sensor-protocol/frame/frame-layout';
import { FrameArena } from './frame-arena';
import { FrameLossModel } from './frame-loss';
import { IdealImu, READING_LENGTH } from './ideal-imu';
import { buildMotionScript, type MotionScript } from './motion-script';
import { quantizeReading } from './quantization';
import { RollerKinematics, nominalRadiusCm, rollerMotionParams } from './roller-kinematics';
import type { Vec3 } from './rotation-matrix';
import { parseScenario, type Scenario, type ScenarioInput } from './scenario-schema';
import { SensorErrorModel } from './sensor-errors';
import { sensorMount } from './sensor-mount';
import type { SpineMap } from './spine-zone';
import { TruthSeriesBuilder, type TruthSeries } from './truth-series';

export const SimulateOptionsSchema = z.object({
  /** Overrides the scenario's seed. */
  seed: z.number().int().min(0).max(0xffff_ffff).optional(),
  /** Overrides the scenario's truth-track rate, Hz; 0 leaves the track empty. */
  truthRateHz: z.number().min(0).max(1000).optional(),
  /** Ends the run early, at this session time, s. */
  untilS: z.number().min(0).optional(),
});
export type SimulateOptions = z.input<typeof SimulateOptionsSchema>;

export interface SimulationMeta {
  name: string;
  description: string;
  seed: number;
  /** Session length (true time), s. */
  durationS: number;
  rollerDiameterIn: number;
  compression: number;
  nominalRadiusCm: number;
  effectiveRadiusCm: number;
  spineMap: SpineMap;
  sensorConfig: SensorConfig;
  /** Samples per true second: the configured rate times (1 + crystal error). */
  actualSampleRateHz: number;
  mount: {
    radiusCm: number;
    azimuthDeg: number;
    axialCm: number;
    orientationDeg: Vec3;
    /** The roller axis in sensor coordinates (what a pure roll turns about). */
    rollerAxisInSensor: Vec3;
  };
}

export interface SimulationStats {
  samplesTaken: number;
  samplesDelivered: number;
  framesTaken: number;
  framesDelivered: number;
  framesLost: number;
}

export interface SimulationResult {
  /** The scenario as run, defaults filled in. */
  scenario: Scenario;
  meta: SimulationMeta;
  /** Delivered samples: sensor time (s, with jitter if configured), sensor frame, all errors. */
  samples: ImuSample[];
  /** Delivered frames, encoded; sequence numbers count lost frames too. */
  frames: Uint8Array[];
  /** Session (true) time each delivered frame reaches the host, s: its last sample plus |jitter|. */
  frameArrivalS: Float64Array;
  truth: {
    /** Row i describes `samples[i]`. */
    atSamples: TruthSeries;
    /** Fixed rate over the whole session, lost samples included. */
    track: TruthSeries;
  };
  stats: SimulationStats;
}

export function simulate(input: ScenarioInput | Scenario, options: SimulateOptions = {}): SimulationResult {
  const scenario = parseScenario(input);
  const opts = SimulateOptionsSchema.parse(options);
  const seed = opts.seed ?? scenario.seed;
  const script = compiled(scenario);
  const durationS = Math.min(script.durationS, opts.untilS ?? Infinity);
  const config: SensorConfig = { ...scenario.sensor };
  const errors = scenario.errors;

  const radiusCm = nominalRadiusCm(scenario);
  const mount = sensorMount(scenario.mount, radiusCm);
  const kinematics = new RollerKinematics(script, rollerMotionParams(scenario, seed), mount);
  const imu = new IdealImu(kinematics);
  const thetaRadAt = (t: number): number => kinematics.thetaRad(t);

  const rate = config.sampleRateHz;
  const clockScale = 1 + errors.sampleRateErrorFraction;
  const truePeriodS = 1 / (rate * clockScale);
  const sensorPeriodUs = 1e6 / rate;
  const clockStartUs = scenario.sensorStart.clockUs;
  const samplesTaken = Math.floor(durationS / truePeriodS + 1e-9) + 1;
  const perFrame = config.samplesPerFrame;
  const framesTaken = Math.ceil(samplesTaken / perFrame);

  const errorModel = new SensorErrorModel(errors, rate, truePeriodS, seed);
  const loss = new FrameLossModel(errors, seed);
  const biasVaries = errors.gyroBiasRandomWalkDpsPerSqrtS > 0 || errors.gyroBiasTrendDpsPerMin.some((v) => v !== 0);
  const biasHistory = biasVaries ? new Float64Array(3 * samplesTaken) : null;

  const samples: ImuSample[] = [];
  const frames: Uint8Array[] = [];
  const arena = new FrameArena();
  const arrivals: number[] = [];
  const atSamples = new TruthSeriesBuilder(samplesTaken, script, scenario.spineMap, thetaRadAt);
  const reading = new Float64Array(READING_LENGTH);
  const bias = errorModel.gyroBiasDps;
  let lastReportedS = -Infinity;

  for (let f = 0; f < framesTaken; f++) {
    const k0 = f * perFrame;
    const count = Math.min(perFrame, samplesTaken - k0);
    const lost = loss.nextLost(k0 * truePeriodS, (k0 + count - 1) * truePeriodS);
    const raw = lost ? null : new Int16Array(count * 6);
    let jitterOfLast = 0;
    for (let i = 0; i < count; i++) {
      const k = k0 + i;
      const t = k * truePeriodS;
      errorModel.next(t);
      if (biasHistory) biasHistory.set(bias, 3 * k);
      if (!raw) continue;
      imu.read(t, reading);
      errorModel.apply(reading);
      quantizeReading(reading, config, raw, i * 6, errors.quantize);
      const sensorS = (clockStartUs + k * sensorPeriodUs) / 1e6;
      const reportedS = Math.max(lastReportedS, sensorS + errorModel.jitterS);
      lastReportedS = reportedS;
      jitterOfLast = errorModel.jitterS;
      samples.push({
        tS: reportedS,
        axG: reading[3]!,
        ayG: reading[4]!,
        azG: reading[5]!,
        gxDps: reading[0]!,
        gyDps: reading[1]!,
        gzDps: reading[2]!,
      });
      atSamples.add(sensorS, t, bias[0]!, bias[1]!, bias[2]!);
    }
    if (!raw) continue;
    const t0Us = Math.round(clockStartUs + k0 * sensorPeriodUs) % CLOCK_MODULUS_US;
    frames.push(arena.keep(encodeFrame({ sequence: (scenario.sensorStart.sequence + f) % SEQUENCE_MODULUS, t0Us, raw })));
    arrivals.push((k0 + count - 1) * truePeriodS + Math.abs(jitterOfLast));
  }

  const track = truthTrack(opts.truthRateHz ?? scenario.truthRateHz, durationS, {
    script,
    scenario,
    thetaRadAt,
    clockStartS: clockStartUs / 1e6,
    clockScale,
    truePeriodS,
    samplesTaken,
    biasHistory,
  });

  return {
    scenario,
    meta: {
      name: scenario.name,
      description: scenario.description,
      seed,
      durationS,
      rollerDiameterIn: scenario.roller.diameterIn,
      compression: scenario.roller.compression,
      nominalRadiusCm: radiusCm,
      effectiveRadiusCm: radiusCm * (1 - scenario.roller.compression),
      spineMap: { ...scenario.spineMap },
      sensorConfig: config,
      actualSampleRateHz: rate * clockScale,
      mount: {
        radiusCm: mount.radiusCm,
        azimuthDeg: scenario.mount.azimuthDeg,
        axialCm: scenario.mount.axialCm,
        orientationDeg: [...scenario.mount.orientationDeg],
        rollerAxisInSensor: mount.rollerAxisInSensor,
      },
    },
    samples,
    frames,
    frameArrivalS: Float64Array.from(arrivals),
    truth: { atSamples: atSamples.finish(), track },
    stats: {
      samplesTaken,
      samplesDelivered: samples.length,
      framesTaken,
      framesDelivered: frames.length,
      framesLost: framesTaken - frames.length,
    },
  };
}

function compiled(scenario: Scenario): MotionScript {
  const { script, issues } = buildMotionScript(scenario.segments);
  if (!script) throw new Error(`scenario ${scenario.name}: ${issues.map((i) => i.message).join('; ')}`);
  return script;
}

interface TrackContext {
  script: MotionScript;
  scenario: Scenario;
  thetaRadAt: (t: number) => number;
  clockStartS: number;
  clockScale: number;
  truePeriodS: number;
  samplesTaken: number;
  biasHistory: Float64Array | null;
}

/** Truth at a fixed rate of true time; the bias between samples is interpolated linearly. */
function truthTrack(rateHz: number, durationS: number, c: TrackContext): TruthSeries {
  const count = rateHz > 0 ? Math.floor(durationS * rateHz + 1e-9) + 1 : 0;
  const builder = new TruthSeriesBuilder(count, c.script, c.scenario.spineMap, c.thetaRadAt);
  const constant = c.scenario.errors.gyroBiasDps;
  const h = c.biasHistory;
  for (let j = 0; j < count; j++) {
    const t = j / rateHz;
    let bx = constant[0];
    let by = constant[1];
    let bz = constant[2];
    if (h) {
      const x = Math.min(t / c.truePeriodS, c.samplesTaken - 1);
      const k = Math.floor(x);
      const k1 = Math.min(k + 1, c.samplesTaken - 1);
      const w = x - k;
      bx = h[3 * k]! * (1 - w) + h[3 * k1]! * w;
      by = h[3 * k + 1]! * (1 - w) + h[3 * k1 + 1]! * w;
      bz = h[3 * k + 2]! * (1 - w) + h[3 * k1 + 2]! * w;
    }
    builder.add(c.clockStartS + c.clockScale * t, t, bx, by, bz);
  }
  return builder.finish();
}
