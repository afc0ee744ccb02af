/**
 * Stream-level fuzz of the frame decoder (sensor-protocol/frame/frame-decoder.ts). Frame-level
 * fuzz (120,000 mutated frames through decodeFrame and the stream decoder, in order) lives in
 * test/sensor-protocol/frame/frame-fuzz.test.ts; this adds what a radio link does to a stream:
 * lost, duplicated, reordered and replayed frames, garbage between them, sensor restarts,
 * reconnects after a silence, clock wrap, crystal error and a configuration read back in the
 * middle. The decoder must never throw, keep output time strictly increasing, keep values in
 * range, count every frame, and on a link that only loses frames report exactly what was lost.
 */
import { describe, it } from 'vitest';
import { decodeFrame, encodeFrame, FRAME_REJECTION_REASONS } from '../../sensor-protocol/frame/frame-codec';
import { FrameDecoder } from '../../sensor-protocol/frame/frame-decoder';
import { CLOCK_MODULUS_US, INT16_FULL_SCALE, MAX_SAMPLES_PER_FRAME, SEQUENCE_MODULUS } from '../../sensor-protocol/frame/frame-layout';
import { ACCEL_RANGES_G, GYRO_RANGES_DPS, MAX_SAMPLE_RATE_HZ, MIN_SAMPLE_RATE_HZ, type SensorConfig } from '../../sensor-protocol/gatt/sensor-config';
import { caseRandom, Dice, FuzzFailures, fuzzPlan } from './fuzz-harness';

/** A simulated sensor: its own clock (µs, with crystal error), sequence numbers and random readings. */
class Sensor {
  sequence: number;
  clockUs: number;
  periodUs: number;

  constructor(
    private readonly d: Dice,
    public config: SensorConfig,
    clockError: number,
  ) {
    this.sequence = d.int(0, SEQUENCE_MODULUS - 1);
    this.clockUs = d.chance(0.3) ? CLOCK_MODULUS_US - d.int(0, 5_000_000) : d.int(0, 2 ** 31);
    this.periodUs = (1e6 / config.sampleRateHz) * (1 + clockError);
  }

  /** The next frame and the true (unwrapped) time of its first sample, µs. */
  next(): { bytes: Uint8Array; t0Us: number } {
    const count = this.d.int(1, this.config.samplesPerFrame);
    const raw = new Int16Array(count * 6);
    for (let k = 0; k < raw.length; k++) raw[k] = this.d.chance(0.02) ? this.d.pick([-32768, 32767]) : this.d.int(-32768, 32767);
    const t0Us = Math.round(this.clockUs);
    const bytes = encodeFrame({ sequence: this.sequence, t0Us: t0Us % CLOCK_MODULUS_US, raw });
    this.sequence = (this.sequence + 1) % SEQUENCE_MODULUS;
    this.clockUs += count * this.periodUs;
    return { bytes, t0Us };
  }

  /** Powered off and on: sequence and clock start again. */
  restart(): void {
    this.sequence = 0;
    this.clockUs = this.d.int(0, 1_000_000);
  }
}

function randomConfig(d: Dice): SensorConfig {
  return {
    sampleRateHz: d.pick([MIN_SAMPLE_RATE_HZ, 50, 100, 104, 200, 416, MAX_SAMPLE_RATE_HZ, d.int(MIN_SAMPLE_RATE_HZ, MAX_SAMPLE_RATE_HZ)]),
    accelRangeG: d.pick(ACCEL_RANGES_G),
    gyroRangeDps: d.pick(GYRO_RANGES_DPS),
    samplesPerFrame: d.pick([1, 2, 4, 19, MAX_SAMPLES_PER_FRAME, d.int(1, MAX_SAMPLES_PER_FRAME)]),
  };
}

type Step = { kind: 'frame'; bytes: Uint8Array; t0Us: number; dropped: number } | { kind: 'reconnect' } | { kind: 'config'; config: SensorConfig };

/** What reaches the decoder from a sensor over a link that does `faults` (all of them when true). */
function linkSteps(d: Dice, faults: boolean, frames: number): { steps: Step[]; config: SensorConfig; clockError: number } {
  const config = randomConfig(d);
  // The IMU's rate against the sensor clock: within the ±10 % the protocol tolerates.
  const clockError = d.chance(0.4) ? 0 : d.pick([0.01, -0.01, 0.03, -0.03, 0.05, -0.05, 0.09, -0.09, (d.rand() - 0.5) * 0.19]);
  const sensor = new Sensor(d, config, clockError);
  const steps: Step[] = [];
  const sent: Uint8Array[] = [];
  let dropped = 0;
  for (let n = 0; n < frames; n++) {
    const f = sensor.next();
    sent.push(f.bytes);
    const op = d.int(0, 39);
    if (op < 3) {
      dropped++; // lost on the air
      continue;
    }
    if (op === 3 && d.chance(0.2)) {
      // A long silence: frames the sensor could not send (no sequence numbers used), then a reconnect.
      sensor.clockUs += d.int(1, 600) * 1e6;
      steps.push({ kind: 'reconnect' });
    }
    steps.push({ kind: 'frame', bytes: f.bytes, t0Us: f.t0Us, dropped });
    dropped = 0;
    if (!faults) continue;
    if (op === 4)
      steps.push({ kind: 'frame', bytes: f.bytes, t0Us: f.t0Us, dropped: 0 }); // duplicate
    else if (op === 5 && steps.length >= 2) {
      const a = steps.length - 1;
      const b = steps.length - 2;
      [steps[a], steps[b]] = [steps[b]!, steps[a]!]; // reordered
    } else if (op === 6) {
      const old = sent[Math.max(0, sent.length - d.int(2, 60))]!;
      steps.push({ kind: 'frame', bytes: old, t0Us: NaN, dropped: 0 }); // replayed
    } else if (op === 7) {
      const junk = d.chance(0.5) ? d.bytes(d.int(0, 40)) : f.bytes.map((b) => (d.chance(0.1) ? b ^ (1 << d.int(0, 7)) : b));
      steps.push({ kind: 'frame', bytes: junk, t0Us: NaN, dropped: 0 }); // corrupted
    } else if (op === 8 && d.chance(0.3)) {
      sensor.restart();
      if (d.chance(0.5)) steps.push({ kind: 'reconnect' });
    } else if (op === 9 && d.chance(0.2)) {
      // The app reads a different configuration back (the sensor now runs at another rate).
      const next = { ...randomConfig(d), accelRangeG: sensor.config.accelRangeG, gyroRangeDps: sensor.config.gyroRangeDps };
      sensor.config = next;
      sensor.periodUs = 1e6 / next.sampleRateHz;
      steps.push({ kind: 'config', config: next });
    }
  }
  return { steps, config, clockError };
}

function stepsText(steps: Step[]): string {
  return steps.map((s) => (s.kind === 'frame' ? Buffer.from(s.bytes).toString('hex') : s.kind === 'config' ? `config ${JSON.stringify(s.config)}` : 'reconnect')).join('\n');
}

describe('frame stream fuzz', () => {
  it('lost, duplicated, reordered, replayed and corrupted frames, restarts and reconnects: never throws, time strictly increasing, values in range', () => {
    const plan = fuzzPlan('frame-stream-faults', 0xf4a3e, 400);
    const failures = new FuzzFailures(plan);
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const link = linkSteps(d, true, d.int(10, 400));
      const steps = link.steps;
      failures.run(
        i,
        () => stepsText(steps),
        () => {
          let config = link.config;
          const decoder = new FrameDecoder(config);
          let lastT = -Infinity;
          let pushes = 0;
          let samples = 0;
          let previousBytes: Uint8Array | null = null;
          for (const s of steps) {
            if (s.kind === 'reconnect') {
              decoder.noteReconnect();
              continue;
            }
            if (s.kind === 'config') {
              config = s.config;
              decoder.setConfig(config);
              continue;
            }
            pushes++;
            const r = decoder.push(s.bytes);
            const repeat = previousBytes !== null && Buffer.compare(Buffer.from(previousBytes), Buffer.from(s.bytes)) === 0;
            previousBytes = r.ok ? s.bytes : null;
            if (!r.ok) {
              if (!FRAME_REJECTION_REASONS.includes(r.reason) || r.message.length < 10) return failures.add(i, `rejection ${r.reason}: ${r.message}`, stepsText(steps));
              continue;
            }
            if (repeat) return failures.add(i, `a frame accepted again right after itself (push ${pushes})`, stepsText(steps));
            const raw = decodeFrame(s.bytes);
            if (!raw.ok) return failures.add(i, 'the stream accepted a frame the codec rejects', stepsText(steps));
            samples += r.samples.length;
            for (const [k, x] of r.samples.entries()) {
              if (!(x.tS > lastT) || !Number.isFinite(x.tS)) return failures.add(i, `time ${x.tS} after ${lastT} (push ${pushes})`, stepsText(steps));
              lastT = x.tS;
              const a = config.accelRangeG;
              const g = config.gyroRangeDps;
              const want = Array.from(raw.frame.raw.subarray(k * 6, k * 6 + 6));
              const got = [x.axG / a, x.ayG / a, x.azG / a, x.gxDps / g, x.gyDps / g, x.gzDps / g].map((v) => Math.round(v * INT16_FULL_SCALE));
              if (got.some((v, j) => v !== want[j])) return failures.add(i, `values ${got.join(',')} are not the frame's ${want.join(',')} (push ${pushes})`, stepsText(steps));
            }
          }
          const st = decoder.stats;
          if (st.frames + st.rejected !== pushes) failures.add(i, `stats count ${st.frames} + ${st.rejected} frames, ${pushes} were pushed`, stepsText(steps));
          if (st.samples !== samples) failures.add(i, `stats count ${st.samples} samples, ${samples} came out`, stepsText(steps));
        },
      );
    }
    failures.assertNone();
  });

  it('a link that only loses frames: every frame that arrives is accepted on its own clock, and the loss is reported exactly', () => {
    const plan = fuzzPlan('frame-stream-losses', 0x1055, 400);
    const failures = new FuzzFailures(plan);
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const { steps, config, clockError } = linkSteps(d, false, d.int(10, 400));
      failures.run(
        i,
        () => stepsText(steps),
        () => {
          const decoder = new FrameDecoder(config);
          let offsetUs: number | null = null;
          let n = 0;
          for (const s of steps) {
            if (s.kind === 'reconnect') {
              decoder.noteReconnect();
              continue;
            }
            if (s.kind !== 'frame') continue;
            n++;
            const r = decoder.push(s.bytes);
            if (!r.ok) return failures.add(i, `frame ${n} rejected: ${r.message}`, stepsText(steps));
            // The first sample of each frame sits at the sensor's own (unwrapped) time; with an IMU
            // running fast, a frame's first samples may instead be spread after the previous frame's.
            const tUs = r.samples[0]!.tS * 1e6;
            offsetUs ??= tUs - s.t0Us;
            const late = tUs - s.t0Us - offsetUs;
            const allowed = clockError < 0 ? MAX_SAMPLES_PER_FRAME * r.periodUs * 0.2 : 0;
            if (late < -1e-3 || late > allowed + 1e-3) return failures.add(i, `frame ${n} starts at ${tUs} µs, its clock says ${s.t0Us + offsetUs}`, stepsText(steps));
            const lost = r.gap?.lostFrames ?? 0;
            if (n > 1 && lost !== s.dropped) return failures.add(i, `frame ${n}: ${lost} frames reported lost, ${s.dropped} were`, stepsText(steps));
          }
        },
      );
    }
    failures.assertNone();
  });
});
