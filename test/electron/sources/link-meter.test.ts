/** The link's figures as the Sensor check screen shows them: rate, lost frames, processing time, signal, raw view. */
import { describe, expect, it } from 'vitest';
import { decimateRaw, LinkMeter, percentile } from '../../../electron/sources/link-meter';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';

const sample = (tS: number, v = 0): ImuSample => ({ tS, axG: v, ayG: 0, azG: 1, gxDps: v * 10, gyDps: 0, gzDps: 0 });
const batch = (fromS: number, n: number, rateHz: number) => Array.from({ length: n }, (_, i) => sample(fromS + i / rateHz));

/** Feeds `seconds` of a stream: frames of `perFrame` samples at `rateHz`, arriving on time from `startMs`. */
function stream(meter: LinkMeter, o: { rateHz: number; perFrame: number; seconds: number; startMs?: number; startS?: number }): number {
  const frames = Math.round((o.seconds * o.rateHz) / o.perFrame);
  const startMs = o.startMs ?? 0;
  let at = startMs;
  for (let f = 0; f < frames; f++) {
    at = startMs + ((f + 1) * o.perFrame * 1000) / o.rateHz;
    meter.frame();
    meter.samples(batch((o.startS ?? 0) + (f * o.perFrame) / o.rateHz, o.perFrame, o.rateHz), at);
  }
  return at;
}

describe('LinkMeter', () => {
  it('says nothing about the rate before a second has passed, then measures it over the window', () => {
    const m = new LinkMeter({ rateWindowS: 3 });
    expect(m.figures(0).measuredRateHz).toBeNull();
    const half = stream(m, { rateHz: 100, perFrame: 2, seconds: 0.5 });
    expect(m.figures(half).measuredRateHz).toBeNull();
    const m2 = new LinkMeter({ rateWindowS: 3 });
    const end = stream(m2, { rateHz: 100, perFrame: 2, seconds: 2 });
    expect(m2.figures(end).measuredRateHz).toBeCloseTo(100, 0);
    const later = stream(m2, { rateHz: 100, perFrame: 2, seconds: 5, startMs: end, startS: 2 });
    expect(m2.figures(later).measuredRateHz).toBeCloseTo(100, 5);
  });

  it('follows a new rate once restarted, and shows a stalled link as a falling rate', () => {
    const m = new LinkMeter({ rateWindowS: 3 });
    const end = stream(m, { rateHz: 100, perFrame: 2, seconds: 4 });
    m.restartRate();
    const end2 = stream(m, { rateHz: 200, perFrame: 4, seconds: 4, startMs: end, startS: 4 });
    expect(m.figures(end2).measuredRateHz).toBeCloseTo(200, 5);
    // Nothing arrives for 1.5 s: half the window is empty.
    expect(m.figures(end2 + 1500).measuredRateHz).toBeCloseTo(100, 0);
    expect(m.figures(end2 + 4000).measuredRateHz).toBe(0);
  });

  it('lost frames as a share of frames sent; none to say for unsequenced frames', () => {
    const m = new LinkMeter();
    expect(m.figures(0).lostPercent).toBeNull();
    for (let i = 0; i < 98; i++) m.frame();
    m.framesLost(2);
    m.framesLost(-5);
    m.framesLost(Number.NaN);
    expect(m.figures(0)).toMatchObject({ frames: 98, lostFrames: 2, lostPercent: 2 });
    m.unsequenced();
    expect(m.figures(0).lostPercent).toBeNull();
  });

  it('processing time: median and 95th percentile of the newest, bad values ignored', () => {
    const m = new LinkMeter({ latencyKept: 100 });
    expect(m.figures(0).processingMs).toBeNull();
    for (let i = 1; i <= 200; i++) m.processed(i);
    m.processed(-1);
    m.processed(Number.POSITIVE_INFINITY);
    // The newest 100: 101…200.
    expect(m.figures(0).processingMs).toEqual({ median: 150, p95: 195 });
  });

  it('keeps the newest signal readings with their age, refusing impossible ones', () => {
    const m = new LinkMeter({ rssiKept: 3 });
    m.rssi(-60, 1000);
    m.rssi(-61, 2000);
    m.rssi(0, 2500);
    m.rssi(-200, 2600);
    m.rssi(-62, 3000);
    m.rssi(-63, 4000);
    expect(m.figures(5000).rssi).toEqual([
      { tS: -3, dbm: -61 },
      { tS: -2, dbm: -62 },
      { tS: -1, dbm: -63 },
    ]);
  });

  it('the raw view keeps the newest seconds, decimated, and starts again on a new timeline', () => {
    const m = new LinkMeter({ rawWindowS: 2, rawMaxPoints: 50 });
    stream(m, { rateHz: 200, perFrame: 4, seconds: 5 });
    const raw = m.figures(0).raw;
    expect(raw.t.length).toBeLessThanOrEqual(50);
    expect(raw.t.length).toBeGreaterThan(40);
    expect(raw.t.at(-1)).toBe(0);
    expect(raw.t[0]).toBeGreaterThanOrEqual(-2);
    expect(raw.az.every((v) => v === 1)).toBe(true);
    m.samples([sample(0.01, 0.5)], 6000);
    expect(m.figures(6000).raw).toEqual({ t: [0], ax: [0.5], ay: [0], az: [1], gx: [5], gy: [0], gz: [0] });
  });
});

describe('decimateRaw and percentile', () => {
  it('picks evenly back from the newest sample', () => {
    const s = batch(0, 10, 10);
    expect(decimateRaw(s, 4).t.map((t) => Math.round(t * 10))).toEqual([-9, -6, -3, 0]);
    expect(decimateRaw(s, 100).t).toHaveLength(10);
    expect(decimateRaw([], 10).t).toEqual([]);
  });

  it('nearest-rank percentiles', () => {
    expect(percentile([5, 1, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4], 0.95)).toBe(4);
    expect(percentile([7], 0)).toBe(7);
  });
});
