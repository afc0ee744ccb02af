/**
 * Protocol frames as received, many per stored row: the exact notification bytes (so a later
 * engine can decode them again) with their arrival times.
 *
 * Body (inside the blob envelope, ./blob-container.ts):
 * ```
 * varint count                    frames in the batch
 * varint stride                   length of the first frame: the shuffle row size
 * count × ( zigzag arrivalDeltaMs  ms since the previous entry (the first: since the session start)
 *           varint length )        frame bytes; 0 = a reconnect marker (the link was re-established)
 * payload                         all frame bytes back to back, byte-plane shuffled (./byte-planes.ts)
 * ```
 * A reconnect marker tells the replaying decoder to expect a restarted sensor clock, as the
 * live decoder was told. Arrival times are the host's, rounded to whole milliseconds.
 * 10 minutes of 1-sample frames at 100 Hz take about 0.45 MB (`npm run bench`).
 */
import { ByteReader, ByteWriter, BlobFormatError } from './byte-buffer';
import { shuffleDelta, unshuffleDelta } from './byte-planes';
import { openBlob, sealBlob } from './blob-container';

/** A zero-length entry: the sensor link was re-established here. */
export const RECONNECT_MARKER = new Uint8Array(0);

export interface FrameBatch {
  /** Frame bytes as received; zero-length entries are reconnect markers. */
  frames: Uint8Array[];
  /** Arrival time of each entry, ms since the session start. */
  arrivalMs: number[];
}

/** Collects frames (copying their bytes) until they are encoded as one stored batch. */
export class FrameBatchBuilder {
  private readonly payload = new ByteWriter(8192);
  private lengths: number[] = [];
  private arrivals: number[] = [];
  private samples = 0;

  get count(): number {
    return this.lengths.length;
  }

  /** Samples in the collected frames (by each frame's count byte). */
  get sampleCount(): number {
    return this.samples;
  }

  get byteLength(): number {
    return this.payload.length + 4 * this.lengths.length;
  }

  get lastArrivalMs(): number | undefined {
    return this.arrivals.at(-1);
  }

  get firstArrivalMs(): number | undefined {
    return this.arrivals[0];
  }

  add(frame: Uint8Array, arrivalMs: number): void {
    this.payload.bytes(frame);
    this.lengths.push(frame.length);
    this.arrivals.push(Math.round(arrivalMs));
    if (frame.length > 1) this.samples += frame[1]!;
  }

  encode(): Uint8Array {
    const n = this.lengths.length;
    const stride = this.lengths.find((l) => l > 0) ?? 1;
    const body = new ByteWriter(this.payload.length + 4 * n + 16);
    body.varint(n);
    body.varint(stride);
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const a = this.arrivals[i]!;
      body.zigzag(a - prev);
      prev = a;
      body.varint(this.lengths[i]!);
    }
    body.bytes(shuffleDelta(this.payload.result(), stride));
    return sealBlob('frames', body.result());
  }

  reset(): void {
    this.payload.reset();
    this.lengths = [];
    this.arrivals = [];
    this.samples = 0;
  }
}

export function encodeFrameBatch(frames: readonly Uint8Array[], arrivalMs: ArrayLike<number>): Uint8Array {
  const b = new FrameBatchBuilder();
  frames.forEach((f, i) => b.add(f, arrivalMs[i] ?? 0));
  return b.encode();
}

export function decodeFrameBatch(blob: Uint8Array, what = 'frame batch'): FrameBatch {
  const r = new ByteReader(openBlob('frames', blob, what), what);
  const n = r.varint();
  const stride = r.varint();
  if (stride < 1 || stride > 0xffff) throw new BlobFormatError(`${what}: shuffle stride ${stride} is out of range`);
  const lengths = new Array<number>(n);
  const arrivalMs = new Array<number>(n);
  let at = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    at += r.zigzag();
    arrivalMs[i] = at;
    const len = r.varint();
    lengths[i] = len;
    total += len;
  }
  const payload = unshuffleDelta(r.bytes(total), stride);
  r.end();
  const frames = new Array<Uint8Array>(n);
  let off = 0;
  for (let i = 0; i < n; i++) {
    const len = lengths[i]!;
    frames[i] = len === 0 ? RECONNECT_MARKER : payload.subarray(off, off + len);
    off += len;
  }
  return { frames, arrivalMs };
}
