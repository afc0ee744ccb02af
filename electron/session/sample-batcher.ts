/**
 * Cuts a stream of samples into stored batches (./sample-batch-codec.ts) of a fixed size, so a
 * recording of any length is written while it is read: at most one batch is held. Pure apart
 * from deflate.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { encodeSampleBatch } from './sample-batch-codec';
import type { SpanBatchWrite } from './session-store';

/** Samples per stored batch when a whole recording is written at once (1 min at 100 Hz). */
export const SAMPLES_PER_BATCH = 6000;

export class SampleBatcher {
  private batch: ImuSample[] = [];

  constructor(
    private readonly onBatch: (batch: SpanBatchWrite) => void,
    private readonly perBatch = SAMPLES_PER_BATCH,
  ) {}

  push(sample: ImuSample): void {
    this.batch.push(sample);
    if (this.batch.length >= this.perBatch) this.flush();
  }

  /** Hands over the samples held (a last, shorter batch). */
  flush(): void {
    const b = this.batch;
    if (b.length === 0) return;
    this.batch = [];
    this.onBatch({ blob: encodeSampleBatch(b), count: b.length, tFirst: b[0]!.tS, tLast: b.at(-1)!.tS });
  }
}
