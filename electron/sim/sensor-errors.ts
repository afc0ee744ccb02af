/**
 * The errors of a consumer MEMS IMU, applied to an ideal reading (gyro °/s, accel g, sensor
 * frame) in this order:
 *
 * ```
 * gyro  = (1 + scale_g) ⊙ ω_true + b_g(t) + n_g,   b_g(t) = b_0 + trend · t + random walk
 * accel = (1 + scale_a) ⊙ f_true + b_a    + n_a
 * ```
 * - white noise: per-sample standard deviation = density · √(sample rate) (so the gyro's
 *   angle random walk in °/√s equals its density in °/s/√Hz);
 * - bias random walk: each sample adds a normal step of σ · √(sample period) per axis.
 *
 * Each draw comes from its own seeded stream, drawn for every sample taken (lost or not), so
 * the noise on a sample does not depend on which other errors or losses are switched on.
 */
import type { ScenarioErrors } from './scenario-schema';
import { randomStream, type RandomStream } from './seeded-random';

export class SensorErrorModel {
  /** True gyro bias of the current sample (constant + trend + random walk), °/s. */
  readonly gyroBiasDps = new Float64Array(3);
  /** Timestamp jitter drawn for the current sample, s (for host / CSV times only). */
  jitterS = 0;
  private readonly walkDps = new Float64Array(3);
  private readonly noise = new Float64Array(6);
  private readonly gyroSigma: number;
  private readonly accelSigma: number;
  private readonly walkStep: number;
  private readonly jitterLimitS: number;
  private readonly streams: Record<'gyro' | 'accel' | 'walk' | 'jitter', RandomStream>;
  private started = false;

  constructor(
    private readonly errors: ScenarioErrors,
    sampleRateHz: number,
    truePeriodS: number,
    seed: number,
  ) {
    this.gyroSigma = errors.gyroNoiseDpsPerSqrtHz * Math.sqrt(sampleRateHz);
    this.accelSigma = errors.accelNoiseGPerSqrtHz * Math.sqrt(sampleRateHz);
    this.walkStep = errors.gyroBiasRandomWalkDpsPerSqrtS * Math.sqrt(truePeriodS);
    this.jitterLimitS = 0.45 / sampleRateHz;
    this.streams = {
      gyro: randomStream(seed, 'gyro-noise'),
      accel: randomStream(seed, 'accel-noise'),
      walk: randomStream(seed, 'gyro-bias-walk'),
      jitter: randomStream(seed, 'timestamp-jitter'),
    };
  }

  /** Draws everything for the next sample, taken at session time `trueTimeS`. Call once per sample, in order. */
  next(trueTimeS: number): void {
    const e = this.errors;
    const s = this.streams;
    if (this.started && this.walkStep > 0) {
      for (let i = 0; i < 3; i++) this.walkDps[i] = this.walkDps[i]! + this.walkStep * s.walk.gaussian();
    }
    this.started = true;
    const minutes = trueTimeS / 60;
    for (let i = 0; i < 3; i++) {
      this.gyroBiasDps[i] = e.gyroBiasDps[i]! + e.gyroBiasTrendDpsPerMin[i]! * minutes + this.walkDps[i]!;
    }
    for (let i = 0; i < 3; i++) this.noise[i] = this.gyroSigma > 0 ? this.gyroSigma * s.gyro.gaussian() : 0;
    for (let i = 3; i < 6; i++) this.noise[i] = this.accelSigma > 0 ? this.accelSigma * s.accel.gaussian() : 0;
    if (e.timestampJitterS > 0) {
      const j = e.timestampJitterS * s.jitter.gaussian();
      this.jitterS = Math.max(-this.jitterLimitS, Math.min(this.jitterLimitS, j));
    }
  }

  /** Applies scale, bias and noise of the current sample to `reading` (gx, gy, gz °/s, ax, ay, az g) in place. */
  apply(reading: Float64Array): void {
    const e = this.errors;
    for (let i = 0; i < 3; i++) {
      reading[i] = (1 + e.gyroScaleError[i]!) * reading[i]! + this.gyroBiasDps[i]! + this.noise[i]!;
      reading[3 + i] = (1 + e.accelScaleError[i]!) * reading[3 + i]! + e.accelBiasG[i]! + this.noise[3 + i]!;
    }
  }
}
