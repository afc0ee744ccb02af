/** Builds frame byte streams for decoder tests: a sensor clock in µs, sequence numbers, raw samples. */
import { encodeFrame } from '../../../sensor-protocol/frame/frame-codec';

export interface StreamOptions {
  rateHz: number;
  samplesPerFrame: number;
  startSequence?: number;
  startT0Us?: number;
  /** Real sensor period = nominal × (1 + clockError). */
  clockError?: number;
}

/** Frames of a sensor at rest: +1 g on Z at ±4 g, raw gz carrying the sample index for checks. */
export function* frameStream(o: StreamOptions): Generator<Uint8Array> {
  const periodUs = (1e6 / o.rateHz) * (1 + (o.clockError ?? 0));
  let seq = o.startSequence ?? 0;
  let sample = 0;
  const start = o.startT0Us ?? 0;
  for (;;) {
    const raw = new Int16Array(o.samplesPerFrame * 6);
    for (let i = 0; i < o.samplesPerFrame; i++) {
      raw[i * 6 + 2] = 8192;
      raw[i * 6 + 5] = (sample + i) % 32768;
    }
    const t0Us = Math.round(start + sample * periodUs) % 0x1_0000_0000;
    yield encodeFrame({ sequence: seq, t0Us, raw });
    seq = (seq + 1) % 0x1_0000;
    sample += o.samplesPerFrame;
  }
}

export function take<T>(gen: Generator<T>, n: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(gen.next().value as T);
  return out;
}
