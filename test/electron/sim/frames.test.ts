import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../../sensor-protocol/frame/frame-codec';
import { FrameDecoder } from '../../../sensor-protocol/frame/frame-decoder';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import { simulate, type SimulationResult } from '../../../electron/sim/simulate';
import { quietScenario } from './quiet-scenario';

const SEGMENTS = [
  { kind: 'rest', durationS: 3 },
  { kind: 'oscillate', fromCm: 12, toCm: -8, passes: 6, profile: 'cruise', peakSpeedInPerS: 0.9 },
] as const;

function decodeAll(run: SimulationResult): ImuSample[] {
  const decoder = new FrameDecoder(run.meta.sensorConfig);
  const out: ImuSample[] = [];
  for (const f of run.frames) {
    const r = decoder.push(f);
    if (!r.ok) throw new Error(r.message);
    out.push(...r.samples);
  }
  return out;
}

describe('frames', () => {
  it('carries exactly the samples: the stream decoder gets them back', () => {
    const run = simulate({ name: 'frames', sensor: { sampleRateHz: 200, samplesPerFrame: 4 }, segments: [...SEGMENTS] });
    expect(run.frames.every((f) => f.length === 8 + 12 * 4 || f === run.frames[run.frames.length - 1])).toBe(true);
    const decoded = decodeAll(run);
    expect(decoded.length).toBe(run.samples.length);
    decoded.forEach((d, i) => {
      const s = run.samples[i]!;
      expect(Math.abs(d.tS - s.tS)).toBeLessThan(1e-6);
      expect([d.axG, d.ayG, d.azG, d.gxDps, d.gyDps, d.gzDps]).toEqual([s.axG, s.ayG, s.azG, s.gxDps, s.gyDps, s.gzDps]);
    });
    const first = decodeFrame(run.frames[1]!);
    expect(first.ok && first.frame.t0Us).toBe(20_000); // 4 samples at 200 Hz
  });

  it('leaves sequence gaps where frames were lost, and those samples are missing', () => {
    const run = simulate({
      name: 'lossy',
      sensor: { samplesPerFrame: 3 },
      errors: { frameLoss: { probability: 0.15, meanBurstFrames: 4 }, dropouts: [{ startS: 20, durationS: 2 }] },
      segments: [...SEGMENTS],
    });
    const { stats } = run;
    expect(stats.framesLost / stats.framesTaken).toBeGreaterThan(0.1);
    expect(stats.framesLost / stats.framesTaken).toBeLessThan(0.25);
    expect(stats.framesDelivered + stats.framesLost).toBe(stats.framesTaken);

    let lostBySequence = 0;
    let bursts = 0;
    let previous: { sequence: number; t0Us: number } | null = null;
    const present = new Set<number>();
    for (const bytes of run.frames) {
      const r = decodeFrame(bytes);
      if (!r.ok) throw new Error(r.message);
      const { sequence, t0Us, raw } = r.frame;
      for (let i = 0; i < raw.length / 6; i++) present.add(Math.round(t0Us / 10_000) + i);
      if (previous) {
        const step = sequence - previous.sequence;
        expect(step).toBeGreaterThanOrEqual(1);
        expect(t0Us - previous.t0Us).toBe(step * 30_000); // the clock shows the same gap
        lostBySequence += step - 1;
        if (step > 2) bursts++;
      }
      previous = { sequence, t0Us };
    }
    const firstSeq = decodeFrame(run.frames[0]!);
    lostBySequence += firstSeq.ok ? firstSeq.frame.sequence : 0;
    expect(lostBySequence + (stats.framesTaken - 1 - (previous?.sequence ?? 0))).toBe(stats.framesLost);
    expect(bursts).toBeGreaterThan(5);
    expect(run.samples.length).toBe(present.size);
    expect(stats.samplesTaken - stats.samplesDelivered).toBeGreaterThan(stats.framesLost * 3 - 3);

    // the drop-out: no sample taken in [20, 22) s of session time survives; truth still covers it
    const at = run.truth.atSamples;
    for (let i = 0; i < at.length; i++) expect(at.trueTimeS[i]! >= 20 && at.trueTimeS[i]! < 22).toBe(false);
    const coveredByTrack = Array.from(run.truth.track.trueTimeS).filter((t) => t >= 20 && t < 22).length;
    expect(coveredByTrack).toBe(200);

    const decoder = new FrameDecoder(run.meta.sensorConfig);
    let gapFrames = 0;
    for (const f of run.frames) {
      const r = decoder.push(f);
      if (r.ok && r.gap) gapFrames += r.gap.lostFrames;
    }
    expect(gapFrames).toBe(lostBySequence);
  });

  it('quantises to the configured LSB (range / 32768) and clamps at full scale', () => {
    const run = simulate({
      name: 'lsb',
      sensor: { accelRangeG: 2, gyroRangeDps: 125 },
      roller: { diameterIn: 4 },
      errors: { gyroNoiseDpsPerSqrtHz: 0.05 },
      segments: [
        { kind: 'rest', durationS: 1 },
        { kind: 'stroke', toCm: 25, profile: 'cruise', peakSpeedInPerS: 12 }, // 344 °/s on a 4 in roller
      ],
    });
    const accelLsb = 2 / 32768;
    const gyroLsb = 125 / 32768;
    for (const s of run.samples) {
      for (const a of [s.axG, s.ayG, s.azG]) expect(Math.abs(a / accelLsb - Math.round(a / accelLsb))).toBeLessThan(1e-9);
      for (const g of [s.gxDps, s.gyDps, s.gzDps]) {
        expect(Math.abs(g / gyroLsb - Math.round(g / gyroLsb))).toBeLessThan(1e-9);
        expect(g).toBeLessThanOrEqual(32767 * gyroLsb);
        expect(g).toBeGreaterThanOrEqual(-32768 * gyroLsb);
      }
    }
    expect(run.samples.some((s) => s.gxDps === 32767 * gyroLsb)).toBe(true); // saturated while rolling fast

    const raw = simulate(quietScenario([{ kind: 'rest', durationS: 1 }], { errors: { accelNoiseGPerSqrtHz: 0.0002 } }));
    expect(raw.samples.some((s) => Math.abs(s.azG * 8192 - Math.round(s.azG * 8192)) > 1e-3)).toBe(true); // quantize: false
  });

  it('runs the sensor clock off by the crystal error and wraps t0 at 2³² µs', () => {
    const startUs = 2 ** 32 - 5_000_000;
    const run = simulate({
      name: 'clock',
      sensor: { samplesPerFrame: 2 },
      sensorStart: { clockUs: startUs, sequence: 65_530 },
      errors: { sampleRateErrorFraction: 0.02 },
      segments: [
        { kind: 'rest', durationS: 2 },
        { kind: 'stroke', toCm: 10, durationS: 8 },
      ],
    });
    const at = run.truth.atSamples;
    expect(run.samples[1]!.tS - run.samples[0]!.tS).toBeCloseTo(0.01, 9); // sensor spacing: nominal
    expect(at.trueTimeS[1]! - at.trueTimeS[0]!).toBeCloseTo(0.01 / 1.02, 12); // true spacing: 2 % shorter
    expect(run.stats.samplesTaken).toBe(Math.floor(10 * 102) + 1);
    expect(run.samples[0]!.tS).toBeCloseTo(startUs / 1e6, 9);
    const t0s = run.frames.map((f) => {
      const r = decodeFrame(f);
      return r.ok ? [r.frame.t0Us, r.frame.sequence] : [NaN, NaN];
    });
    expect(t0s.some(([t0]) => t0! < 1_000_000)).toBe(true); // wrapped
    expect(t0s.some(([, seq]) => seq === 0)).toBe(true);
    const decoded = decodeAll(run);
    expect(decoded.length).toBe(run.samples.length);
    expect(decoded[decoded.length - 1]!.tS).toBeCloseTo(run.samples[run.samples.length - 1]!.tS, 4);
    // the truth track's tS is on the same (sensor) clock
    expect(run.truth.track.tS[100]).toBeCloseTo(startUs / 1e6 + 1.02, 9);
  });

  it('jitters the sample (CSV / host) times only, never backwards; frames keep the sensor clock', () => {
    const run = simulate({ name: 'jitter', errors: { timestampJitterS: 0.002 }, segments: [{ kind: 'rest', durationS: 5 }] });
    let moved = 0;
    for (let i = 0; i < run.samples.length; i++) {
      const d = run.samples[i]!.tS - run.truth.atSamples.tS[i]!;
      expect(Math.abs(d)).toBeLessThanOrEqual(0.0045 + 1e-12);
      if (Math.abs(d) > 1e-4) moved++;
      if (i > 0) expect(run.samples[i]!.tS).toBeGreaterThanOrEqual(run.samples[i - 1]!.tS);
    }
    expect(moved).toBeGreaterThan(run.samples.length / 2);
    const r = decodeFrame(run.frames[7]!);
    expect(r.ok && r.frame.t0Us).toBe(70_000);
    expect(run.frameArrivalS[7]).toBeGreaterThanOrEqual(0.07);
  });
});
