import { describe, expect, it } from 'vitest';
import { FrameDecoder, type DecodedFrame } from '../../../sensor-protocol/frame/frame-decoder';
import { encodeFrame } from '../../../sensor-protocol/frame/frame-codec';
import { DEFAULT_SENSOR_CONFIG, type SensorConfig } from '../../../sensor-protocol/gatt/sensor-config';
import { frameStream, take } from './frame-stream';

const config = (over: Partial<SensorConfig> = {}): SensorConfig => ({ ...DEFAULT_SENSOR_CONFIG, ...over });

function accept(decoder: FrameDecoder, bytes: Uint8Array): DecodedFrame {
  const r = decoder.push(bytes);
  if (!r.ok) throw new Error(`unexpected rejection: ${r.message}`);
  return r;
}

describe('FrameDecoder', () => {
  it('reconstructs sample times within a frame from the sample rate', () => {
    const d = new FrameDecoder(config({ sampleRateHz: 200, samplesPerFrame: 4 }));
    const [f] = take(frameStream({ rateHz: 200, samplesPerFrame: 4, startT0Us: 2_000_000 }), 1);
    const r = accept(d, f!);
    expect(r.samples.map((s) => s.tS)).toEqual([2, 2.005, 2.01, 2.015]);
    expect(r.samples[0]!.azG).toBe(1);
    expect(r.gap).toBeNull();
  });

  it('keeps time monotonic across the 32-bit microsecond wrap (≈71.6 min)', () => {
    const d = new FrameDecoder(config({ samplesPerFrame: 2 }));
    const frames = take(frameStream({ rateHz: 100, samplesPerFrame: 2, startT0Us: 0xffff_ffff - 45_000 }), 6);
    const times = frames.flatMap((f) => accept(d, f).samples.map((s) => s.tS));
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeCloseTo(0.01, 9);
    expect(times.at(-1)!).toBeGreaterThan(0xffff_ffff / 1e6);
    expect(d.stats.gaps).toBe(0);
  });

  it('survives several wraps (a 3-hour stream) without drift', () => {
    const d = new FrameDecoder(config({ samplesPerFrame: 40 }));
    const gen = frameStream({ rateHz: 100, samplesPerFrame: 40 });
    const framesFor3h = (3 * 3600 * 100) / 40;
    let last: DecodedFrame | null = null;
    for (let i = 0; i < framesFor3h; i++) last = accept(d, gen.next().value as Uint8Array);
    expect(last!.samples.at(-1)!.tS).toBeCloseTo(3 * 3600 - 0.01, 6);
    expect(d.stats).toMatchObject({ gaps: 0, rejected: 0, restarts: 0 });
  });

  it('reports lost frames from the sequence numbers and the missing samples from the clock', () => {
    const d = new FrameDecoder(config({ samplesPerFrame: 3 }));
    const frames = take(frameStream({ rateHz: 100, samplesPerFrame: 3, startSequence: 65534 }), 10);
    accept(d, frames[0]!);
    accept(d, frames[1]!);
    const r = accept(d, frames[5]!); // frames 2, 3 and 4 lost, across the sequence wrap
    expect(r.gap).toEqual({ lostFrames: 3, missingSamples: 9, fromS: 0.05, toS: 0.15, reason: 'lost-frames' });
    expect(r.samples[0]!.gzDps).toBeCloseTo((15 * 500) / 32768, 9);
    expect(d.stats.lostFrames).toBe(3);
  });

  it('reports a clock gap when the sequence restarts after a reconnect but time went on', () => {
    const d = new FrameDecoder(config());
    const before = take(frameStream({ rateHz: 100, samplesPerFrame: 1, startSequence: 400, startT0Us: 10_000_000 }), 5);
    before.forEach((f) => accept(d, f));
    d.noteReconnect();
    const after = take(frameStream({ rateHz: 100, samplesPerFrame: 1, startSequence: 0, startT0Us: 12_000_000 }), 2);
    const r = accept(d, after[0]!);
    expect(r.gap?.reason).toBe('lost-frames');
    expect(r.gap?.missingSamples).toBe(195);
    expect(r.samples[0]!.tS).toBeCloseTo(12, 9);
  });

  it('continues after a sensor restart without time running backwards', () => {
    const d = new FrameDecoder(config());
    take(frameStream({ rateHz: 100, samplesPerFrame: 1, startSequence: 900, startT0Us: 30_000_000 }), 3).forEach((f) => accept(d, f));
    d.noteReconnect();
    const restarted = take(frameStream({ rateHz: 100, samplesPerFrame: 1, startSequence: 0, startT0Us: 1_500 }), 3);
    const r = accept(d, restarted[0]!);
    expect(r.gap).toMatchObject({ reason: 'sensor-restart', missingSamples: null });
    expect(r.samples[0]!.tS).toBeCloseTo(30.03, 9);
    expect(accept(d, restarted[1]!).samples[0]!.tS).toBeCloseTo(30.04, 9);
    expect(d.stats.restarts).toBe(1);
  });

  it('treats repeated "stale" frames as a restart even without a reconnect notice', () => {
    const d = new FrameDecoder(config());
    take(frameStream({ rateHz: 100, samplesPerFrame: 1, startSequence: 20, startT0Us: 5_000_000 }), 3).forEach((f) => accept(d, f));
    const restarted = take(frameStream({ rateHz: 100, samplesPerFrame: 1, startSequence: 0, startT0Us: 0 }), 3);
    expect(d.push(restarted[0]!)).toMatchObject({ ok: false, reason: 'stale' });
    expect(d.push(restarted[1]!)).toMatchObject({ ok: false, reason: 'stale' });
    const r = accept(d, restarted[2]!);
    expect(r.gap?.reason).toBe('sensor-restart');
  });

  it('rejects a duplicate and an old frame, and accepts the next one', () => {
    const d = new FrameDecoder(config());
    const frames = take(frameStream({ rateHz: 100, samplesPerFrame: 1 }), 4);
    accept(d, frames[0]!);
    accept(d, frames[1]!);
    accept(d, frames[2]!);
    expect(d.push(frames[2]!)).toMatchObject({ ok: false, reason: 'duplicate' });
    expect(d.push(frames[1]!)).toMatchObject({ ok: false, reason: 'stale' });
    expect(accept(d, frames[3]!).gap).toBeNull();
    expect(d.stats.rejected).toBe(2);
  });

  it('rejects a frame whose samples would overlap the previous frame in time', () => {
    const d = new FrameDecoder(config({ samplesPerFrame: 4 }));
    const raw = new Int16Array(24);
    accept(d, encodeFrame({ sequence: 1, t0Us: 1_000_000, raw }));
    const r = d.push(encodeFrame({ sequence: 2, t0Us: 1_020_000, raw }));
    expect(r).toMatchObject({ ok: false, reason: 'time-overlap' });
  });

  it('learns a sensor clock that runs 2 % slow, so samples inside a frame are spaced right', () => {
    const d = new FrameDecoder(config({ samplesPerFrame: 10 }));
    const gen = frameStream({ rateHz: 100, samplesPerFrame: 10, clockError: 0.02 });
    let r: DecodedFrame | null = null;
    for (let i = 0; i < 200; i++) r = accept(d, gen.next().value as Uint8Array);
    expect(r!.periodUs).toBeCloseTo(10_200, 0);
    expect(r!.samples[9]!.tS - r!.samples[0]!.tS).toBeCloseTo(0.0918, 4);
    expect(d.stats.gaps).toBe(0);
  });

  it('keeps every frame of an IMU running 5 % fast with 40-sample frames, time running forward (found by fuzzing)', () => {
    // The first frame is spread with the nominal period, so the second starts before its last
    // sample; that used to be rejected as time-overlap, and then every other frame after it.
    const d = new FrameDecoder(config({ samplesPerFrame: 40 }));
    const gen = frameStream({ rateHz: 100, samplesPerFrame: 40, clockError: -0.05, startT0Us: 1_000_000 });
    const times: number[] = [];
    for (let i = 0; i < 50; i++) times.push(...accept(d, gen.next().value as Uint8Array).samples.map((s) => s.tS));
    expect(d.stats).toMatchObject({ frames: 50, rejected: 0, gaps: 0, lostFrames: 0 });
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
    // From the second frame on, the period the frames' starts give: 9.5 ms.
    expect(times.at(-1)! - times.at(-40)!).toBeCloseTo(39 * 0.0095, 6);
    // Still an overlap: a frame in sequence whose start implies a period far off the nominal one.
    const raw = new Int16Array(6);
    const e = new FrameDecoder(config({ samplesPerFrame: 4 }));
    accept(e, encodeFrame({ sequence: 1, t0Us: 1_000_000, raw: new Int16Array(24) }));
    expect(e.push(encodeFrame({ sequence: 2, t0Us: 1_030_000, raw }))).toMatchObject({ ok: false, reason: 'time-overlap' });
  });

  it('converts with the configured ranges and follows a configuration change', () => {
    const d = new FrameDecoder(config({ accelRangeG: 16, gyroRangeDps: 2000 }));
    const raw = Int16Array.from([2048, 0, 0, 0, 0, -16384]);
    expect(accept(d, encodeFrame({ sequence: 0, t0Us: 0, raw })).samples[0]).toMatchObject({ axG: 1, gzDps: -1000 });
    d.setConfig(config({ accelRangeG: 2, gyroRangeDps: 125 }));
    expect(accept(d, encodeFrame({ sequence: 1, t0Us: 10_000, raw })).samples[0]).toMatchObject({ axG: 0.125, gzDps: -62.5 });
  });

  it('starts a new stream after reset', () => {
    const d = new FrameDecoder(config());
    take(frameStream({ rateHz: 100, samplesPerFrame: 1, startT0Us: 50_000_000 }), 2).forEach((f) => accept(d, f));
    d.reset();
    const r = accept(d, take(frameStream({ rateHz: 100, samplesPerFrame: 1, startT0Us: 0 }), 1)[0]!);
    expect(r.samples[0]!.tS).toBe(0);
    expect(r.gap).toBeNull();
  });
});
