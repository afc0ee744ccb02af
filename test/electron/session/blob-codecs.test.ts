import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../../sensor-protocol/frame/frame-codec';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import { TrackColumns } from '../../../electron/motion/track-columns';
import { BlobFormatError } from '../../../electron/session/byte-buffer';
import { shuffleDelta, unshuffleDelta } from '../../../electron/session/byte-planes';
import { FrameBatchBuilder, RECONNECT_MARKER, decodeFrameBatch, encodeFrameBatch } from '../../../electron/session/frame-batch-codec';
import { decodeSampleBatch, encodeSampleBatch } from '../../../electron/session/sample-batch-codec';
import { decodeTrackBatch, encodeTrackBatch } from '../../../electron/session/track-batch-codec';
import { decimateTrack } from '../../../electron/session/track-decimation';
import { simulation } from './record-simulation';

describe('byte planes', () => {
  it('round-trips any length and stride, rest bytes included', () => {
    const src = Uint8Array.from({ length: 103 }, (_, i) => (i * 37 + 11) & 0xff);
    for (const stride of [1, 2, 4, 8, 20, 103, 200]) expect(unshuffleDelta(shuffleDelta(src, stride), stride)).toEqual(src);
  });

  it('turns constant bytes of equal rows into zeros', () => {
    const rows = new Uint8Array(4 * 3).fill(7);
    const out = shuffleDelta(rows, 4);
    expect(Array.from(out)).toEqual([7, 0, 0, 7, 0, 0, 7, 0, 0, 7, 0, 0]);
  });
});

describe('frame batches', () => {
  it('keep the exact frame bytes, arrival times and reconnect markers', () => {
    const sim = simulation('packet-loss', { untilS: 5 });
    const frames = [...sim.frames.slice(0, 50), RECONNECT_MARKER, ...sim.frames.slice(50, 120)];
    const arrivals = frames.map((_, i) => 1000 + i * 30 - (i === 10 ? 45 : 0)); // one arrival out of order
    const back = decodeFrameBatch(encodeFrameBatch(frames, arrivals));
    expect(back.frames.length).toBe(frames.length);
    back.frames.forEach((f, i) => expect(Array.from(f)).toEqual(Array.from(frames[i]!)));
    expect(back.arrivalMs).toEqual(arrivals);
    expect(back.frames[50]!.length).toBe(0);
    expect(decodeFrame(back.frames[0]!).ok).toBe(true);
  });

  it('handles frames of different lengths and rounds arrivals to ms', () => {
    const b = new FrameBatchBuilder();
    b.add(Uint8Array.of(1, 2, 3), 0.4);
    b.add(Uint8Array.of(9), 10.6);
    b.add(
      Uint8Array.from({ length: 300 }, (_, i) => i & 0xff),
      20,
    );
    expect(b.count).toBe(3);
    const back = decodeFrameBatch(b.encode());
    expect(back.arrivalMs).toEqual([0, 11, 20]);
    expect(back.frames.map((f) => f.length)).toEqual([3, 1, 300]);
    expect(back.frames[2]![299]).toBe(299 & 0xff);
  });

  it('compresses 1-sample frames well below their raw size', () => {
    const sim = simulation('good-slow-session', { untilS: 30 });
    const raw = sim.frames.reduce((n, f) => n + f.length, 0);
    const blob = encodeFrameBatch(
      sim.frames,
      sim.frames.map((_, i) => i * 10),
    );
    expect(blob.length).toBeLessThan(raw * 0.6);
  });

  it('reports damaged blobs by name instead of returning garbage', () => {
    const blob = encodeFrameBatch([Uint8Array.of(1, 2, 3, 4)], [5]);
    expect(() => decodeFrameBatch(blob.subarray(0, 1), 'frame batch 3')).toThrow(BlobFormatError);
    expect(() => decodeFrameBatch(Uint8Array.of(0x54, 1, 0, 0), 'frame batch 3')).toThrow(/frame batch 3: kind byte 84/);
    const bad = blob.slice();
    bad[5] = bad[5]! ^ 0xff;
    expect(() => decodeFrameBatch(bad, 'frame batch 3')).toThrow(/frame batch 3/);
  });
});

describe('sample batches', () => {
  it('are lossless for int16-scaled values (float32 columns)', () => {
    const sim = simulation('too-fast', { untilS: 3 });
    const back = decodeSampleBatch(encodeSampleBatch(sim.samples));
    expect(back).toEqual(sim.samples);
  });

  it('are lossless for arbitrary doubles (float64 columns) and keep -0', () => {
    const samples: ImuSample[] = [
      { tS: 1234.5678901234, axG: 0.1, ayG: -0, azG: 1 / 3, gxDps: 1e-300, gyDps: -123.456789, gzDps: Math.PI },
      { tS: 1234.5778901234, axG: 0.2, ayG: 0, azG: 2 / 3, gxDps: 5, gyDps: 6, gzDps: 7 },
    ];
    const back = decodeSampleBatch(encodeSampleBatch(samples));
    expect(back).toEqual(samples);
    expect(Object.is(back[0]!.ayG, -0)).toBe(true);
  });

  it('store an empty batch', () => {
    expect(decodeSampleBatch(encodeSampleBatch([]))).toEqual([]);
  });
});

describe('track batches', () => {
  it('round-trip points with diagnostics to float32 precision', () => {
    const t = new TrackColumns();
    for (let i = 0; i < 200; i++) t.push(5000 + i * 0.02, Math.sin(i / 10) * 20, Math.abs(Math.cos(i / 10)), i % 50 === 0 ? 'neck' : 'upper-back', i % 3, 0.9, 0.5, -1.25, 2);
    const back = decodeTrackBatch(encodeTrackBatch(t, 10, 150));
    expect(back.length).toBe(140);
    for (let k = 0; k < back.length; k++) {
      const a = t.pointAt(k + 10);
      const b = back.pointAt(k);
      expect(b.t).toBeCloseTo(a.t, 6);
      expect(b.positionCm).toBeCloseTo(a.positionCm, 4);
      expect(b.speedInPerS).toBeCloseTo(a.speedInPerS, 5);
      expect(b.zone).toBe(a.zone);
      expect(back.flags[k]).toBe(t.flags[k + 10]);
      expect(b.diagnostics.biasDps).toEqual([0.5, -1.25, 2]);
    }
  });

  it('decimation keeps every other 50 Hz point, and the last one', () => {
    const t = new TrackColumns();
    for (let i = 0; i <= 100; i++) t.push(i * 0.02, i, 0, 'upper-back', 0, 0, 0, 0, 0);
    t.push(2.03, 101, 0, 'upper-back', 0, 0, 0, 0, 0);
    const d = decimateTrack(t, 25);
    expect(d.length).toBe(52);
    expect(d.t[1]).toBeCloseTo(0.04, 9);
    expect(d.t[d.length - 1]).toBeCloseTo(2.03, 9);
  });
});
