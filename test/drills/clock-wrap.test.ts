/**
 * Drill 3 — the sensor's 32-bit microsecond clock wraps in the middle of a session.
 *
 * The sensor clock counts µs since power-on, modulo 2³² (every ≈ 71.6 min). Here the simulated
 * sensor has been on for a little under that when the app pairs with it, so its clock wraps about
 * 8 s into the session, in the middle of the first stroke. The decoder must unwrap it: no gap, no
 * jump in time, no frame rejected as duplicate or stale, and the stored track runs on without a
 * break, following the roller through the wrap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLOCK_MODULUS_US, OFFSET_T0_US } from '../../sensor-protocol/frame/frame-layout';
import { FLAG_GAP_BRIDGED } from '../../electron/motion/track-columns';
import { builtInScenario } from '../../electron/sim/scenario-catalog';
import { startDrill } from './drill-app';
import { SensorTruth } from './sensor-truth';
import { reopenAndRead } from './stored-session';

const root = mkdtempSync(join(tmpdir(), 'roller-drill-wrap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SCENARIO = 'good-slow-session';
/** World time from power-on to the wrap, ms: the sensor clock runs at (1 + crystal error) × true time. */
const WRAP_AFTER_MS = CLOCK_MODULUS_US / 1000 / (1 + builtInScenario(SCENARIO).errors.sampleRateErrorFraction);

const t0Of = (frame: Uint8Array) => new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(OFFSET_T0_US, true);

describe('drill: the sensor clock wraps mid-session', () => {
  it('unwraps the clock: no gap, no time jump, nothing rejected, a continuous stored track', async () => {
    const dir = join(root, 'wrap');
    const d = startDrill({ dataDir: dir, scenario: SCENARIO, sensorOnBeforeMs: Math.round(WRAP_AFTER_MS - 8_000) });
    await d.connect();
    const { sessionId } = await d.startSession();
    const id = sessionId!;
    await d.scheduler.advanceByAsync(30_000);
    const live = d.seen.live.flatMap((b) => b.points);
    const ended = await d.stopSession();
    const notices = d.app.snapshot().notices;
    await d.dispose();
    expect(ended).toMatchObject({ state: 'ended', endReason: 'completed' });
    expect(notices).toEqual([]);

    const stored = reopenAndRead(dir, id);
    try {
      // The wrap is in the stored bytes: the sensor's t0 falls from near 2³² to near 0 once.
      const t0s = stored.frames.map((f) => t0Of(f.bytes));
      const wrapAt = t0s.findIndex((t, i) => i > 0 && t < t0s[i - 1]!);
      expect(wrapAt).toBeGreaterThan(0);
      expect(t0s[wrapAt - 1]!).toBeGreaterThan(CLOCK_MODULUS_US - 100_000);
      expect(t0s[wrapAt]!).toBeLessThan(100_000);
      expect(t0s.slice(wrapAt + 1).every((t, i) => t > t0s[wrapAt + i]!)).toBe(true);
      expect(stored.frames.length).toBe(d.received.filter((r) => r.inSession).length);

      // Decoded again: nothing rejected (duplicate, stale, overlap), no gap, no restart, no lost frame.
      expect(stored.report.decoder).toMatchObject({ rejected: 0, gaps: 0, restarts: 0, lostFrames: 0 });
      expect(stored.report.rejections).toEqual([]);
      // Time runs on past 2³² µs in steps of one sample period.
      const samples = stored.samples;
      const wrapS = CLOCK_MODULUS_US / 1e6;
      expect(samples[0]!.tS).toBeLessThan(wrapS - 7);
      expect(samples.at(-1)!.tS).toBeGreaterThan(wrapS + 20);
      let maxStepS = 0;
      let minStepS = Infinity;
      for (let i = 1; i < samples.length; i++) {
        const step = samples[i]!.tS - samples[i - 1]!.tS;
        maxStepS = Math.max(maxStepS, step);
        minStepS = Math.min(minStepS, step);
      }
      expect(minStepS).toBeGreaterThan(0.0095);
      expect(maxStepS).toBeLessThan(0.0105);
      expect(samples.length).toBe(d.received.filter((r) => r.inSession).reduce((n, r) => n + r.bytes[1]!, 0));

      // The live view and the stored track are continuous through the wrap: no bridged gap, evenly
      // spaced points, and the position follows the roller.
      expect(live.some((p) => p.gapBridged)).toBe(false);
      for (let i = 1; i < live.length; i++) expect(live[i]!.t - live[i - 1]!.t).toBeLessThan(0.031); // 50 Hz
      const track = stored.track;
      const truth = new SensorTruth(d.roller, stored.session.sensorConfig!, d.sensorOnAtMs);
      let worstCm = 0;
      let pointsAcrossWrap = 0;
      for (let i = 0; i < track.length; i++) {
        expect(track.flags[i]! & FLAG_GAP_BRIDGED).toBe(0);
        if (i > 0) expect(track.t[i]! - track.t[i - 1]!).toBeLessThan(0.051); // 25 Hz
        if (Math.abs(track.t[i]! - wrapS) < 2) pointsAcrossWrap++;
        worstCm = Math.max(worstCm, Math.abs(track.positionCm[i]! - truth.positionCm(track.t[i]!)));
      }
      expect(pointsAcrossWrap).toBeGreaterThan(95);
      expect(worstCm).toBeLessThan(1.5);
      // The stroke across the wrap really moved the roller (the wrap did not happen at rest).
      const around = (dt: number) => truth.positionCm(wrapS + dt);
      expect(Math.abs(around(1) - around(-1))).toBeGreaterThan(2);
      expect(stored.session.summary!.durationS).toBeCloseTo(samples.at(-1)!.tS - samples[0]!.tS, 0);
      console.info(
        `clock wrap: frame ${wrapAt} of ${stored.frames.length} wraps (t0 ${t0s[wrapAt - 1]} → ${t0s[wrapAt]} µs); ${samples.length} samples from ` +
          `${samples[0]!.tS.toFixed(3)} s to ${samples.at(-1)!.tS.toFixed(3)} s, steps ${(minStepS * 1000).toFixed(3)}–${(maxStepS * 1000).toFixed(3)} ms; ` +
          `track within ${worstCm.toFixed(2)} cm of the roller`,
      );
    } finally {
      stored.opened.store.close();
    }
  });

  it("also when the wrap falls inside a drop-out: one gap of the outage's length, time still only forward", async () => {
    const dir = join(root, 'wrap-in-outage');
    // Session starts ≈ 8 s before the wrap; the sensor is away from 6 s to 10 s.
    const d = startDrill({ dataDir: dir, scenario: SCENARIO, sensorOnBeforeMs: Math.round(WRAP_AFTER_MS - 8_000), faults: [{ atS: 6, fault: { kind: 'drop-out', durationS: 4 } }] });
    await d.connect();
    const { sessionId } = await d.startSession();
    await d.scheduler.advanceByAsync(20_000);
    await d.stopSession();
    await d.dispose();
    const stored = reopenAndRead(dir, sessionId!);
    try {
      const t0s = stored.frames.map((f) => t0Of(f.bytes));
      const wrapAt = t0s.findIndex((t, i) => i > 0 && t < t0s[i - 1]!);
      const wrapS = CLOCK_MODULUS_US / 1e6;
      expect(stored.report.decoder).toMatchObject({ rejected: 0, gaps: 1, restarts: 0 });
      const samples = stored.samples;
      const steps = samples.slice(1).map((s, i) => s.tS - samples[i]!.tS);
      expect(Math.min(...steps)).toBeGreaterThan(0.0095);
      const gap = Math.max(...steps);
      const gapAt = steps.indexOf(gap);
      // The one gap spans the outage and the wrap, and is about as long as the outage.
      expect(samples[gapAt]!.tS).toBeLessThan(wrapS);
      expect(samples[gapAt + 1]!.tS).toBeGreaterThan(wrapS);
      expect(gap).toBeGreaterThan(4);
      expect(gap).toBeLessThan(6);
      expect(steps.filter((s) => s > 0.0105)).toEqual([gap]);
      expect(t0s[wrapAt - 1]! - t0s[wrapAt]!).toBeGreaterThan(CLOCK_MODULUS_US - 6_000_000);
    } finally {
      stored.opened.store.close();
    }
  });
});
