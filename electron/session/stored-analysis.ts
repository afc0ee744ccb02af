/**
 * Runs the motion engine over a whole recording held in memory and shapes the result for the
 * store: the summary (from the engine's full-rate track), the track thinned to the stored rate
 * and cut into batches, the events. Used by re-analysis; an import streams the same work
 * (./stored-analysis-stream.ts). Pure apart from deflate.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { analyzeSamples, type Analysis } from '../motion/motion-engine';
import type { MotionSettings } from '../motion/motion-settings';
import { sessionFiguresOf } from '../motion/session-figures';
import type { TrackColumns } from '../motion/track-columns';
import { MOTION_ENGINE_VERSION } from './engine-version';
import { TRACK_POINTS_PER_BATCH } from './stored-analysis-stream';
import type { AnalysisWrite, SpanBatchWrite } from './session-store';
import { encodeTrackBatch } from './track-batch-codec';
import { STORED_TRACK_RATE_HZ, decimateTrack } from './track-decimation';

export interface StoredAnalysis {
  write: AnalysisWrite;
  analysis: Analysis;
}

export function analyzeForStorage(samples: readonly ImuSample[], settings: MotionSettings, analyzedAt: number, trackRateHz = STORED_TRACK_RATE_HZ): StoredAnalysis {
  const analysis = analyzeSamples(samples as ImuSample[], settings);
  const summary = sessionFiguresOf(analysis.track, analysis.events, analysis.settings);
  return {
    analysis,
    write: {
      settings: analysis.settings,
      engineVersion: MOTION_ENGINE_VERSION,
      analyzedAt,
      summary,
      track: trackBatches(decimateTrack(analysis.track, trackRateHz)),
      events: analysis.events,
    },
  };
}

export function trackBatches(track: TrackColumns, perBatch = TRACK_POINTS_PER_BATCH): SpanBatchWrite[] {
  const out: SpanBatchWrite[] = [];
  for (let from = 0; from < track.length; from += perBatch) {
    const to = Math.min(track.length, from + perBatch);
    out.push({ blob: encodeTrackBatch(track, from, to), count: to - from, tFirst: track.t[from]!, tLast: track.t[to - 1]! });
  }
  return out;
}
