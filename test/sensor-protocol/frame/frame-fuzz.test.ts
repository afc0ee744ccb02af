import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, FRAME_REJECTION_REASONS } from '../../../sensor-protocol/frame/frame-codec';
import { FrameDecoder } from '../../../sensor-protocol/frame/frame-decoder';
import { DEFAULT_SENSOR_CONFIG } from '../../../sensor-protocol/gatt/sensor-config';
import { randomInt, seededRandom } from '../../support/seeded-random';
import { frameStream, take } from './frame-stream';

const FRAMES = 120_000;

function mutate(rand: () => number, frame: Uint8Array): Uint8Array {
  switch (randomInt(rand, 0, 5)) {
    case 0: // flip random bits
      return frame.map((b) => (rand() < 0.05 ? b ^ (1 << randomInt(rand, 0, 7)) : b));
    case 1: // truncate
      return frame.slice(0, randomInt(rand, 0, frame.length - 1));
    case 2: {
      // append junk
      const extra = Uint8Array.from({ length: randomInt(rand, 1, 30) }, () => randomInt(rand, 0, 255));
      return Uint8Array.from([...frame, ...extra]);
    }
    case 3: {
      // overwrite one header byte
      const copy = frame.slice();
      copy[randomInt(rand, 0, 7)] = randomInt(rand, 0, 255);
      return copy;
    }
    case 4: // a view into a larger buffer (as Node's Buffer pool hands out)
      return new Uint8Array(Uint8Array.from([9, 9, 9, ...frame, 9]).buffer, 3, frame.length);
    default: // pure garbage
      return Uint8Array.from({ length: randomInt(rand, 0, 520) }, () => randomInt(rand, 0, 255));
  }
}

describe('frame decoder fuzz', () => {
  it(`never throws on ${FRAMES} random and mutated frames, and what it accepts re-encodes to the same bytes`, () => {
    const rand = seededRandom(0x5eed);
    const valid = take(frameStream({ rateHz: 100, samplesPerFrame: 4 }), 1000);
    const stream = new FrameDecoder({ ...DEFAULT_SENSOR_CONFIG, samplesPerFrame: 4 });
    const reasons = new Map<string, number>();
    let accepted = 0;
    let lastT = -Infinity;
    const failures: string[] = [];
    const fail = (i: number, what: string) => failures.length < 10 && failures.push(`input ${i}: ${what}`);
    for (let i = 0; i < FRAMES; i++) {
      const base = valid[i % valid.length]!;
      const bytes = rand() < 0.2 ? base : mutate(rand, base);
      const r = decodeFrame(bytes);
      if (r.ok) {
        accepted++;
        const again = encodeFrame(r.frame);
        if (again.length !== bytes.length || again.some((b, j) => b !== bytes[j])) fail(i, 're-encoded bytes differ');
      } else {
        if (!FRAME_REJECTION_REASONS.includes(r.reason)) fail(i, `unknown reason ${r.reason}`);
        if (r.message.length < 10) fail(i, `message too short: ${r.message}`);
        reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
      }
      const s = stream.push(bytes);
      if (s.ok) {
        for (const sample of s.samples) {
          if (!(sample.tS > lastT)) fail(i, `time ${sample.tS} after ${lastT}`);
          if (!Number.isFinite(sample.axG + sample.ayG + sample.azG + sample.gxDps + sample.gyDps + sample.gzDps)) fail(i, 'non-finite value');
          lastT = sample.tS;
        }
      }
    }
    expect(failures).toEqual([]);
    expect(accepted).toBeGreaterThan(FRAMES * 0.2);
    for (const reason of ['truncated', 'bad-version', 'bad-count', 'length-mismatch']) expect(reasons.get(reason) ?? 0).toBeGreaterThan(100);
    expect(stream.stats.frames + stream.stats.rejected).toBe(FRAMES);
  });

  it('never throws on inputs that are not byte arrays', () => {
    for (const junk of [null, undefined, 42, 'frame', {}, [1, 1, 0, 0], new Uint16Array(10)]) {
      expect(decodeFrame(junk as Uint8Array)).toMatchObject({ ok: false, reason: 'not-bytes' });
    }
  });
});
