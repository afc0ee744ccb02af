/**
 * How well the active source's link is doing, measured from what the app receives: the sample
 * rate measured on the host clock against the rate asked for, frames lost on a live link (by
 * the frames' sequence numbers), the app's own processing time per notification, the signal
 * strength over time, and the newest raw samples for a live view. The one place these figures
 * are computed (the Sensor check screen and the support report show them as they are).
 *
 * Pure: every time comes in as an argument (ms on the scheduler's clock), nothing is read from
 * a clock, and memory is bounded (a few seconds of samples, a minute or two of signal readings).
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';

export interface LinkMeterOptions {
  /** The measured rate counts samples that arrived over this long, s. */
  rateWindowS?: number;
  /** The raw view keeps this much of the newest samples, s of sensor time. */
  rawWindowS?: number;
  /** At most this many points per raw series are answered (evenly picked). */
  rawMaxPoints?: number;
  /** Signal readings kept, the newest. */
  rssiKept?: number;
  /** Processing times kept for the median and the 95th percentile, the newest. */
  latencyKept?: number;
}

/** The newest raw samples, in columns: time relative to the newest sample (s, ≤ 0), g and °/s. */
export interface RawColumns {
  t: number[];
  ax: number[];
  ay: number[];
  az: number[];
  gx: number[];
  gy: number[];
  gz: number[];
}

export interface LinkFigures {
  /** Samples per second that arrived over the rate window (null: not enough time yet to say). */
  measuredRateHz: number | null;
  /** Frames received, and frames lost on a live link by their sequence numbers (our sensor only). */
  frames: number;
  lostFrames: number;
  /** lost / (received + lost) × 100 (null: no frames with sequence numbers, e.g. WitMotion or a recording). */
  lostPercent: number | null;
  /**
   * The app's time from a notification reaching it to its samples having gone through the motion
   * engine, ms: median and 95th percentile of the newest (null: no notification timed yet).
   */
  processingMs: { median: number; p95: number } | null;
  /** Signal strength readings, oldest first: seconds before `nowMs` (≤ 0) and dBm. */
  rssi: { tS: number; dbm: number }[];
  raw: RawColumns;
}

const DEFAULTS: Required<LinkMeterOptions> = { rateWindowS: 3, rawWindowS: 5, rawMaxPoints: 250, rssiKept: 60, latencyKept: 200 };
/** The measured rate waits for at least this much time after the first samples, s. */
const MIN_RATE_SPAN_S = 1;

export class LinkMeter {
  private readonly o: Required<LinkMeterOptions>;
  /** Arrivals counted for the rate: host ms and how many samples arrived then. */
  private arrivals: { atMs: number; count: number }[] = [];
  private firstArrivalMs: number | null = null;
  private raw: ImuSample[] = [];
  private rssiReadings: { atMs: number; dbm: number }[] = [];
  private latencies: number[] = [];
  private frameCount = 0;
  private lost = 0;
  private sequenced = true;

  constructor(options: LinkMeterOptions = {}) {
    this.o = { ...DEFAULTS, ...options };
  }

  /** The source's frames carry no sequence number (WitMotion, a recording): no lost % can be said. */
  unsequenced(): void {
    this.sequenced = false;
  }

  /** One notification (frame) arrived. */
  frame(): void {
    this.frameCount++;
  }

  /** Frames found missing on a live link (a drop-out is counted as a reconnect, not here). */
  framesLost(count: number): void {
    if (Number.isFinite(count) && count > 0) this.lost += count;
  }

  /** Samples arrived at `atMs`. A sensor clock that went back (a new timeline) restarts the raw view. */
  samples(samples: readonly ImuSample[], atMs: number): void {
    if (samples.length === 0) return;
    this.firstArrivalMs ??= atMs;
    this.arrivals.push({ atMs, count: samples.length });
    this.dropArrivalsBefore(atMs - this.o.rateWindowS * 1000);
    const last = this.raw[this.raw.length - 1];
    if (last && samples[0]!.tS < last.tS) this.raw = [];
    for (const s of samples) this.raw.push(s);
    const from = this.raw[this.raw.length - 1]!.tS - this.o.rawWindowS;
    const keepFrom = this.raw.findIndex((s) => s.tS >= from);
    if (keepFrom > 0) this.raw.splice(0, keepFrom);
  }

  /** The rate changed (or the link was set up again): the measured rate starts afresh. */
  restartRate(): void {
    this.arrivals = [];
    this.firstArrivalMs = null;
  }

  /** How long the app took over one notification, ms. */
  processed(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.latencies.push(ms);
    if (this.latencies.length > this.o.latencyKept) this.latencies.splice(0, this.latencies.length - this.o.latencyKept);
  }

  rssi(dbm: number, atMs: number): void {
    if (!Number.isFinite(dbm) || dbm >= 0 || dbm < -127) return;
    this.rssiReadings.push({ atMs, dbm });
    if (this.rssiReadings.length > this.o.rssiKept) this.rssiReadings.splice(0, this.rssiReadings.length - this.o.rssiKept);
  }

  figures(nowMs: number): LinkFigures {
    return {
      measuredRateHz: this.measuredRateHz(nowMs),
      frames: this.frameCount,
      lostFrames: this.lost,
      lostPercent: this.sequenced && this.frameCount + this.lost > 0 ? (this.lost / (this.frameCount + this.lost)) * 100 : null,
      processingMs: this.latencies.length > 0 ? { median: percentile(this.latencies, 0.5), p95: percentile(this.latencies, 0.95) } : null,
      rssi: this.rssiReadings.map((r) => ({ tS: (r.atMs - nowMs) / 1000, dbm: r.dbm })),
      raw: decimateRaw(this.raw, this.o.rawMaxPoints),
    };
  }

  private measuredRateHz(nowMs: number): number | null {
    if (this.firstArrivalMs === null) return null;
    this.dropArrivalsBefore(nowMs - this.o.rateWindowS * 1000);
    const spanS = Math.min(this.o.rateWindowS, (nowMs - this.firstArrivalMs) / 1000);
    if (spanS < MIN_RATE_SPAN_S) return null;
    // Within the first window the first arrival opens the span: its samples were gathered before it.
    const counted = this.arrivals.filter((a) => spanS === this.o.rateWindowS || a.atMs > this.firstArrivalMs!).reduce((n, a) => n + a.count, 0);
    return counted / spanS;
  }

  private dropArrivalsBefore(ms: number): void {
    const keepFrom = this.arrivals.findIndex((a) => a.atMs > ms);
    if (keepFrom === -1) this.arrivals = [];
    else if (keepFrom > 0) this.arrivals.splice(0, keepFrom);
  }
}

/** The q-quantile (0…1) of the values, nearest rank. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** At most `maxPoints` samples, evenly picked, always with the newest; times relative to the newest. */
export function decimateRaw(samples: readonly ImuSample[], maxPoints: number): RawColumns {
  const out: RawColumns = { t: [], ax: [], ay: [], az: [], gx: [], gy: [], gz: [] };
  const n = samples.length;
  if (n === 0 || maxPoints < 1) return out;
  const step = Math.max(1, Math.ceil(n / maxPoints));
  const newest = samples[n - 1]!.tS;
  // Picked back from the newest, so the newest sample is always shown.
  const picked: ImuSample[] = [];
  for (let i = n - 1; i >= 0 && picked.length < maxPoints; i -= step) picked.push(samples[i]!);
  picked.reverse();
  for (const s of picked) {
    out.t.push(s.tS - newest);
    out.ax.push(s.axG);
    out.ay.push(s.ayG);
    out.az.push(s.azG);
    out.gx.push(s.gxDps);
    out.gy.push(s.gyDps);
    out.gz.push(s.gzDps);
  }
  return out;
}
