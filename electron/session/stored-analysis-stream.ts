/**
 * The motion engine run over a recording sample by sample, shaped for the store as it goes:
 * the same result as `analyzeForStorage` (./stored-analysis.ts), with memory that does not grow
 * with the recording.
 *
 * ```
 * sample ──▶ MotionEngine ──▶ track point ──┬─▶ SessionFiguresAccumulator (full rate) ─▶ summary
 *                  │                        └─▶ TrackDecimator (25 Hz) ──▶ batch of 1500 ──▶ onTrackBatch
 *                  └──▶ coaching events (kept: a few per minute at most)
 * ```
 * The last track point is always stored, as `decimateTrack` keeps it. Pure apart from deflate.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { MotionEngine, type EngineCounters } from '../motion/motion-engine';
import type { MotionSettings } from '../motion/motion-settings';
import type { CoachEvent } from '../motion/motion-types';
import type { Zone } from '../motion/spine-map';
import { FLAG_AT_REST, FLAG_GAP_BRIDGED, TrackColumns } from '../motion/track-columns';
import { SessionFiguresAccumulator } from '../motion/session-figures';
import { MOTION_ENGINE_VERSION } from './engine-version';
import type { AnalysisWrite, SpanBatchWrite } from './session-store';
import { encodeTrackBatch } from './track-batch-codec';
import { STORED_TRACK_RATE_HZ, TrackDecimator, copyPoint } from './track-decimation';

/** Track points per stored batch when a whole track is written at once (1 min at 25 Hz). */
export const TRACK_POINTS_PER_BATCH = 1500;

/** An analysis whose track has already gone to the store, batch by batch. */
export type StreamedAnalysis = Omit<AnalysisWrite, 'track'> & { counters: EngineCounters; trackPoints: number };

export class StoredAnalysisStream {
  readonly settings: MotionSettings;
  private readonly engine: MotionEngine;
  private readonly summary: SessionFiguresAccumulator;
  private readonly decimator: TrackDecimator;
  /** Thinned points not yet handed over (fewer than a batch). */
  private readonly pending = new TrackColumns();
  /** The newest point, when the decimator dropped it (it is stored if it stays the last). */
  private readonly dropped = new TrackColumns();
  private readonly events: CoachEvent[] = [];
  private stored = 0;

  constructor(
    settings: MotionSettings,
    private readonly onTrackBatch: (batch: SpanBatchWrite) => void,
    trackRateHz = STORED_TRACK_RATE_HZ,
    private readonly perBatch = TRACK_POINTS_PER_BATCH,
  ) {
    this.engine = new MotionEngine(settings, { columns: { push: (...p) => this.point(...p) }, event: (e) => this.events.push(e) });
    this.settings = this.engine.settings;
    this.summary = new SessionFiguresAccumulator(this.settings);
    this.decimator = new TrackDecimator(trackRateHz);
  }

  push(sample: ImuSample): void {
    this.engine.push(sample);
  }

  /** Ends the recording: the last point and batch go out; returns the rest of the analysis. */
  finish(analyzedAt: number): StreamedAnalysis {
    this.engine.finish();
    if (this.dropped.length > 0) copyPoint(this.dropped, 0, this.pending);
    this.dropped.length = 0;
    this.handOver();
    return {
      settings: this.settings,
      engineVersion: MOTION_ENGINE_VERSION,
      analyzedAt,
      summary: this.figures(),
      events: this.events,
      counters: this.engine.counters,
      trackPoints: this.stored,
    };
  }

  private figures() {
    for (const e of this.events) this.summary.pushEvent(e);
    return this.summary.figures();
  }

  private point(t: number, positionCm: number, speedInPerS: number, zone: Zone, flags: number, axisConfidence: number, bx: number, by: number, bz: number): void {
    this.summary.push(t, positionCm, speedInPerS, zone, (flags & FLAG_AT_REST) !== 0, (flags & FLAG_GAP_BRIDGED) !== 0);
    const into = this.decimator.keep(t) ? this.pending : this.dropped;
    this.dropped.length = 0;
    into.push(t, positionCm, speedInPerS, zone, flags, axisConfidence, bx, by, bz);
    if (this.pending.length >= this.perBatch) this.handOver();
  }

  private handOver(): void {
    const n = this.pending.length;
    if (n === 0) return;
    const t = this.pending.t;
    this.onTrackBatch({ blob: encodeTrackBatch(this.pending, 0, n), count: n, tFirst: t[0]!, tLast: t[n - 1]! });
    this.stored += n;
    this.pending.length = 0;
  }
}
