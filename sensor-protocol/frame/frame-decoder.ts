/**
 * Stream decoder for the IMU stream characteristic: frames in, samples in physical units out.
 *
 * On top of {@link decodeFrame} it keeps the little state a stream needs:
 * - the sensor clock, unwrapped across its 32-bit µs wrap (every ≈ 71.6 min) into seconds;
 * - the sample period, from the configured rate, refined from consecutive frames' timestamps
 *   (a cheap sensor's crystal may be off by a per cent or two);
 * - gaps: frames missing from the sequence numbers, and samples missing from the timestamps;
 * - a sensor restart (clock and sequence back to the start): the stream goes on, marked by a gap
 *   of unknown length, so times never run backwards;
 * - an IMU running fast against the sensor clock: the next frame in sequence may start before the
 *   previous frame's last sample as spread with the period known so far. When the two starts give
 *   a period within the tolerance, that period is taken at once and the frame's samples that would
 *   not come after the previous frame's last one are spread evenly up to its first one that does,
 *   so no sample is dropped and time still runs forward;
 * - duplicate and stale frames are rejected.
 *
 * Pure: no clock, no I/O. `push` never throws.
 */
import type { ImuSample } from '../imu-sample';
import type { SensorConfig } from '../gatt/sensor-config';
import { CLOCK_MODULUS_US, SEQUENCE_MODULUS, INT16_FULL_SCALE } from './frame-layout';
import { decodeFrame, reject, type FrameRejection } from './frame-codec';

export interface FrameGap {
  /** Frames missing by sequence number (0 when only the clock shows the gap). */
  lostFrames: number;
  /** Samples missing by the sensor clock; unknown (null) across a sensor restart. */
  missingSamples: number | null;
  /** Time of the last sample before the gap and the first after it, s. */
  fromS: number;
  toS: number;
  reason: 'lost-frames' | 'sensor-restart';
}

export interface DecodedFrame {
  ok: true;
  sequence: number;
  samples: ImuSample[];
  gap: FrameGap | null;
  /** Sample period used for this frame, µs. */
  periodUs: number;
}

export type StreamDecodeResult = DecodedFrame | FrameRejection;

export interface FrameDecoderStats {
  frames: number;
  samples: number;
  rejected: number;
  lostFrames: number;
  gaps: number;
  restarts: number;
}

/** A timestamp step backwards of less than this, with an old sequence number, is a stale frame, not a restart. */
const STALE_WINDOW_US = 10_000_000;
/** This many "stale" frames in a row are a sensor that restarted, not old frames. */
const STALE_FRAMES_BEFORE_RESTART = 3;
/** Observed periods further than this from the configured one are not used to refine it. */
const PERIOD_TOLERANCE = 0.1;
/** Weight of each new period observation. */
const PERIOD_SMOOTHING = 0.05;
/** A frame this many periods later than expected, with no frame lost, is reported as a gap. */
const GAP_THRESHOLD_PERIODS = 1.5;

interface Scale {
  nominalPeriodUs: number;
  accelPerLsbG: number;
  gyroPerLsbDps: number;
}

function scaleFor(config: SensorConfig): Scale {
  return {
    nominalPeriodUs: 1e6 / config.sampleRateHz,
    accelPerLsbG: config.accelRangeG / INT16_FULL_SCALE,
    gyroPerLsbDps: config.gyroRangeDps / INT16_FULL_SCALE,
  };
}

interface LastFrame {
  sequence: number;
  t0Us: number;
  unwrappedT0Us: number;
  count: number;
  lastSampleUs: number;
}

export class FrameDecoder {
  private config: SensorConfig;
  private scale: Scale;
  private periodUs: number;
  private last: LastFrame | null = null;
  /** Added to raw sensor time after a sensor restart so time keeps running forward. */
  private epochOffsetUs = 0;
  private reconnected = false;
  private staleInARow = 0;
  readonly stats: FrameDecoderStats = { frames: 0, samples: 0, rejected: 0, lostFrames: 0, gaps: 0, restarts: 0 };

  constructor(config: SensorConfig) {
    this.config = config;
    this.scale = scaleFor(config);
    this.periodUs = this.scale.nominalPeriodUs;
  }

  /** Applies a configuration read back from the sensor; the stream position is kept. */
  setConfig(config: SensorConfig): void {
    this.config = config;
    this.scale = scaleFor(config);
    this.periodUs = this.scale.nominalPeriodUs;
  }

  /**
   * The link was re-established: the sensor may have restarted meanwhile, so the next frame
   * may legitimately carry an earlier clock. Time still never runs backwards in the output.
   */
  noteReconnect(): void {
    this.reconnected = true;
  }

  getConfig(): SensorConfig {
    return this.config;
  }

  /** Forgets the stream position: the next frame starts a new stream (a new session). */
  reset(): void {
    this.last = null;
    this.reconnected = false;
    this.staleInARow = 0;
    this.epochOffsetUs = 0;
    this.periodUs = this.scale.nominalPeriodUs;
  }

  push(bytes: Uint8Array): StreamDecodeResult {
    const decoded = decodeFrame(bytes);
    if (!decoded.ok) return this.rejected(decoded);
    const { sequence, t0Us, raw } = decoded.frame;
    const count = raw.length / 6;
    const last = this.last;
    let unwrappedT0Us: number;
    let gap: FrameGap | null = null;
    /** Samples at or before this time (the previous frame's last, µs) are spread after it. */
    let floorUs = Number.NEGATIVE_INFINITY;

    if (last === null) {
      unwrappedT0Us = t0Us + this.epochOffsetUs;
    } else {
      const seqStep = (sequence - last.sequence + SEQUENCE_MODULUS) % SEQUENCE_MODULUS;
      const dtUs = signedClockStep(t0Us - last.t0Us);
      const seqBehind = seqStep > SEQUENCE_MODULUS / 2;
      if (seqStep === 0 && dtUs === 0) {
        return this.rejected(reject('duplicate', `frame: sequence ${sequence} repeats the previous frame`, bytes.length));
      }
      const looksStale = dtUs <= 0 && (seqStep === 0 || seqBehind) && -dtUs < STALE_WINDOW_US;
      if (looksStale && !this.reconnected && ++this.staleInARow < STALE_FRAMES_BEFORE_RESTART) {
        return this.rejected(reject('stale', `frame: sequence ${sequence} at ${t0Us} µs is older than the previous frame ${last.sequence}`, bytes.length));
      }
      if (dtUs <= 0) {
        // The sensor restarted (clock and sequence from scratch): continue right after the last sample.
        const nextUs = last.lastSampleUs + this.periodUs;
        this.epochOffsetUs = nextUs - t0Us;
        unwrappedT0Us = nextUs;
        this.periodUs = this.scale.nominalPeriodUs;
        this.stats.restarts++;
        gap = { lostFrames: 0, missingSamples: null, fromS: last.lastSampleUs / 1e6, toS: nextUs / 1e6, reason: 'sensor-restart' };
      } else {
        unwrappedT0Us = last.unwrappedT0Us + dtUs;
        const lostFrames = seqStep - 1;
        if (unwrappedT0Us <= last.lastSampleUs) {
          // Only the next frame in sequence, with a plausible period, says the period was too long.
          if (lostFrames !== 0 || !this.plausiblePeriod(dtUs / last.count)) {
            return this.rejected(reject('time-overlap', `frame: sequence ${sequence} starts at ${t0Us} µs, before the previous frame's last sample`, bytes.length));
          }
          this.periodUs = dtUs / last.count;
          floorUs = last.lastSampleUs;
        } else if (lostFrames === 0) this.refinePeriod(dtUs / last.count);
        const expectedUs = last.unwrappedT0Us + last.count * this.periodUs;
        const missingSamples = Math.max(0, Math.round((unwrappedT0Us - expectedUs) / this.periodUs));
        const lateBy = (unwrappedT0Us - expectedUs) / this.periodUs;
        if (lostFrames > 0 || lateBy > GAP_THRESHOLD_PERIODS - 1) {
          gap = { lostFrames, missingSamples, fromS: last.lastSampleUs / 1e6, toS: unwrappedT0Us / 1e6, reason: 'lost-frames' };
          this.stats.lostFrames += lostFrames;
        }
      }
    }
    if (gap) this.stats.gaps++;
    this.reconnected = false;
    this.staleInARow = 0;

    const samples = new Array<ImuSample>(count);
    const a = this.scale.accelPerLsbG;
    const g = this.scale.gyroPerLsbDps;
    const period = this.periodUs;
    // Samples 0 … spread − 1 would not come after floorUs: they go evenly between it and sample `spread`.
    let spread = 0;
    while (spread < count && unwrappedT0Us + spread * period <= floorUs) spread++;
    const spreadStepUs = spread === 0 ? 0 : ((spread < count ? unwrappedT0Us + spread * period : floorUs + period) - floorUs) / (spread + 1);
    let lastSampleUs = 0;
    for (let i = 0; i < count; i++) {
      const o = i * 6;
      lastSampleUs = i < spread ? floorUs + (i + 1) * spreadStepUs : unwrappedT0Us + i * period;
      samples[i] = {
        tS: lastSampleUs / 1e6,
        axG: raw[o]! * a,
        ayG: raw[o + 1]! * a,
        azG: raw[o + 2]! * a,
        gxDps: raw[o + 3]! * g,
        gyDps: raw[o + 4]! * g,
        gzDps: raw[o + 5]! * g,
      };
    }
    this.last = { sequence, t0Us, unwrappedT0Us, count, lastSampleUs };
    this.stats.frames++;
    this.stats.samples += count;
    return { ok: true, sequence, samples, gap, periodUs: this.periodUs };
  }

  private plausiblePeriod(observedUs: number): boolean {
    return Math.abs(observedUs / this.scale.nominalPeriodUs - 1) <= PERIOD_TOLERANCE;
  }

  private refinePeriod(observedUs: number): void {
    if (!this.plausiblePeriod(observedUs)) return;
    this.periodUs += PERIOD_SMOOTHING * (observedUs - this.periodUs);
  }

  private rejected(r: FrameRejection): FrameRejection {
    this.stats.rejected++;
    return r;
  }
}

/** A 32-bit clock difference folded into [−2^31, 2^31) µs (gaps longer than ≈ 35.8 min are ambiguous). */
function signedClockStep(diffUs: number): number {
  const m = ((diffUs % CLOCK_MODULUS_US) + CLOCK_MODULUS_US) % CLOCK_MODULUS_US;
  return m >= CLOCK_MODULUS_US / 2 ? m - CLOCK_MODULUS_US : m;
}
