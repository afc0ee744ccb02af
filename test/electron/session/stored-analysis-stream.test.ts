import { describe, expect, it } from 'vitest';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import type { SpanBatchWrite } from '../../../electron/session/session-store';
import { StoredAnalysisStream } from '../../../electron/session/stored-analysis-stream';
import { analyzeForStorage, trackBatches } from '../../../electron/session/stored-analysis';
import { decimateTrack } from '../../../electron/session/track-decimation';
import { simSettings, simulation } from './record-simulation';

function streamed(samples: readonly ImuSample[], settings: Parameters<typeof analyzeForStorage>[1], perBatch?: number) {
  const batches: SpanBatchWrite[] = [];
  const stream = new StoredAnalysisStream(settings, (b) => batches.push(b), undefined, perBatch);
  for (const s of samples) stream.push(s);
  return { batches, result: stream.finish(42) };
}

const same = (a: readonly SpanBatchWrite[], b: readonly SpanBatchWrite[]) =>
  a.length === b.length && a.every((x, i) => x.count === b[i]!.count && x.tFirst === b[i]!.tFirst && x.tLast === b[i]!.tLast && Buffer.compare(x.blob, b[i]!.blob) === 0);

describe('stored analysis, streamed', () => {
  it('gives the same summary, events, settings and stored track batches as the analysis of the whole recording', () => {
    // Rolling, rests, dwells, lost frames and a drop-out: gaps bridged and held points included.
    const sim = simulation('ten-minute-mixed', { untilS: 240 });
    const settings = simSettings(sim);
    const whole = analyzeForStorage(sim.samples, settings, 42).write;
    const { batches, result } = streamed(sim.samples, settings);
    expect(result.summary).toEqual(whole.summary);
    expect(result.events).toEqual(whole.events);
    expect(result.settings).toEqual(whole.settings);
    expect([result.engineVersion, result.analyzedAt]).toEqual([whole.engineVersion, whole.analyzedAt]);
    expect(batches.length).toBeGreaterThan(1);
    expect(same(batches, whole.track)).toBe(true);
    expect(result.trackPoints).toBe(whole.track.reduce((n, b) => n + b.count, 0));
  });

  it('keeps the last point however the batches fall, as the thinned whole track does', () => {
    const sim = simulation('too-fast', { untilS: 7.013 });
    const settings = simSettings(sim);
    const full = analyzeForStorage(sim.samples, settings, 0).analysis.track;
    for (const perBatch of [1, 7, 50]) {
      const { batches } = streamed(sim.samples, settings, perBatch);
      expect(same(batches, trackBatches(decimateTrack(full), perBatch))).toBe(true);
      expect(batches.at(-1)!.tLast).toBe(full.t[full.length - 1]);
    }
  });
});
