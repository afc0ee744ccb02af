/**
 * Garbage in place of an IMU frame, for the `malformed` fault: each kind is one that
 * `decodeFrame` (sensor-protocol/frame/frame-codec.ts) must reject, with the reason it names.
 *
 * | kind              | bytes                                          | decodeFrame says |
 * |-------------------|------------------------------------------------|------------------|
 * | `truncated`       | the frame cut short                            | truncated |
 * | `bad-version`     | byte 0 ≠ 1                                     | bad-version |
 * | `random-bytes`    | 1 … 20 random bytes, byte 0 ≠ 1                | truncated or bad-version |
 * | `bad-count`       | count byte 0 or > 40                           | bad-count |
 * | `length-mismatch` | one byte too many                              | length-mismatch |
 */
import { FRAME_VERSION, MAX_SAMPLES_PER_FRAME, OFFSET_COUNT, OFFSET_VERSION } from '../../../sensor-protocol/frame/frame-layout';
import type { RandomStream } from '../../sim/seeded-random';

export const MALFORMATIONS = ['truncated', 'bad-version', 'random-bytes', 'bad-count', 'length-mismatch'] as const;
export type Malformation = (typeof MALFORMATIONS)[number];

export function malformFrame(frame: Uint8Array, kind: Malformation, random: RandomStream): Uint8Array {
  const pick = (n: number) => Math.floor(random.uniform() * n);
  switch (kind) {
    case 'truncated':
      return frame.slice(0, 1 + pick(Math.max(1, frame.length - 1)));
    case 'bad-version': {
      const out = new Uint8Array(frame);
      out[OFFSET_VERSION] = FRAME_VERSION + 1 + pick(255 - FRAME_VERSION);
      return out;
    }
    case 'random-bytes': {
      const out = new Uint8Array(1 + pick(20));
      for (let i = 0; i < out.length; i++) out[i] = pick(256);
      if (out[OFFSET_VERSION] === FRAME_VERSION) out[OFFSET_VERSION] = 0xa5;
      return out;
    }
    case 'bad-count': {
      const out = new Uint8Array(frame);
      out[OFFSET_COUNT] = random.uniform() < 0.5 ? 0 : MAX_SAMPLES_PER_FRAME + 1 + pick(255 - MAX_SAMPLES_PER_FRAME);
      return out;
    }
    case 'length-mismatch': {
      const out = new Uint8Array(frame.length + 1);
      out.set(frame);
      out[frame.length] = pick(256);
      return out;
    }
  }
}
