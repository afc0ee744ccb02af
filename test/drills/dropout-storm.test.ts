/**
 * Drill 1 — a storm of sensor drop-outs during one recorded session.
 *
 * The app pairs with the simulated Roller sensor over noble, starts a session, and the sensor
 * then drops out 20 times in about two and a half minutes: 16 planned outages of 0.2–6 s, and 4 more
 * that hit a reconnect attempt while it is setting the sensor up. The app must reconnect by
 * itself every time; keep every notification it received, in order, in the session database;
 * give samples whose time only moves forward; mark each outage as a gap; hold the position
 * through a gap instead of inventing motion, and pick the true position up again after it;
 * and end the session normally.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FaultPlan } from '../../electron/ble/sim-peripheral';
import { FLAG_GAP_BRIDGED } from '../../electron/motion/track-columns';
import { randomInt, seededRandom } from '../support/seeded-random';
import { startDrill } from './drill-app';
import { SensorTruth } from './sensor-truth';
import { reopenAndRead } from './stored-session';

const root = mkdtempSync(join(tmpdir(), 'roller-drill-storm-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** 16 outages of 0.2–6 s, each after 4–9 s of streaming, starting 10 s into the session. */
function plannedOutages(seed: number): FaultPlan {
  const rand = seededRandom(seed);
  const plan: FaultPlan = [];
  let atS = 10;
  for (let i = 0; i < 16; i++) {
    const durationS = 0.2 + Math.round(rand() * 58) / 10;
    plan.push({ atS, fault: { kind: 'drop-out', durationS } });
    atS += durationS + randomInt(rand, 4, 9);
  }
  return plan;
}

/** Reconnections (1 = the first connection) that the sensor drops out of again while being set up, and when. */
const DROP_DURING_SETUP: Record<number, { at: 'connect' | 'servicesDiscover'; durationS: number }> = {
  3: { at: 'connect', durationS: 1.5 },
  6: { at: 'servicesDiscover', durationS: 0.4 },
  10: { at: 'connect', durationS: 3 },
  14: { at: 'servicesDiscover', durationS: 1 },
};

describe('drill: sensor drop-out storm', () => {
  it('reconnects after each of 20 drop-outs, stores every sample received, marks every gap, invents no motion, ends cleanly', async () => {
    const plan = plannedOutages(2026);
    const endOfPlanS = plan.at(-1)!.atS + (plan.at(-1)!.fault as { durationS: number }).durationS;
    const dir = join(root, 'storm');
    const d = startDrill({ dataDir: dir, scenario: 'good-slow-session', faults: plan });

    let connects = 0;
    let dropsDuringSetup = 0;
    let pending: (typeof DROP_DURING_SETUP)[number] | null = null;
    d.sim.bindings.on('connect', (_id: string, err: Error | null) => {
      if (err) return;
      connects++;
      pending = DROP_DURING_SETUP[connects] ?? null;
      if (pending?.at === 'connect') dropNow();
    });
    d.sim.bindings.on('servicesDiscover', () => {
      if (pending?.at === 'servicesDiscover') dropNow();
    });
    function dropNow() {
      d.roller.dropOut(pending!.durationS);
      dropsDuringSetup++;
      pending = null;
    }
    const connectionNames = new Set<string>();
    d.app.on('snapshot', (s) => connectionNames.add(s.connection.name));

    await d.connect();
    const started = await d.startSession();
    const id = started.sessionId!;
    await d.scheduler.advanceByAsync((endOfPlanS + 12) * 1000);
    expect(d.app.snapshot().connection).toMatchObject({ name: 'streaming', source: 'ble' });
    const ended = await d.stopSession();
    const notices = d.app.snapshot().notices;
    const review = await d.run(d.app.handle('review.get', { id }));
    const history = await d.run(d.app.handle('history.get', { days: 1 }));
    const live = d.seen.live.flatMap((b) => b.points);
    await d.dispose();

    // The app kept reconnecting: the first connection, one per drop-out, never "lost".
    expect(dropsDuringSetup).toBe(4);
    expect(plan.length + dropsDuringSetup).toBe(20);
    expect(connects).toBeGreaterThanOrEqual(1 + 20);
    expect(connectionNames).toContain('reconnecting');
    expect(connectionNames).not.toContain('lost');
    expect(ended).toMatchObject({ state: 'ended', endReason: 'completed', sessionId: id });
    expect(notices).toEqual([]);
    // What the user saw live and sees in the review: time only forward, the gaps shown as bridged.
    for (let i = 1; i < live.length; i++) if (!(live[i]!.t > live[i - 1]!.t)) throw new Error(`live point ${i} goes back in time`);
    expect(live.filter((p) => p.gapBridged).length).toBeGreaterThan(2000);
    expect(review.session).toMatchObject({ id, endReason: 'completed' });
    expect(review.track.gapBridged.filter(Boolean).length).toBeGreaterThan(1000);
    expect(history.sessions.map((s) => s.id)).toEqual([id]);

    const stored = reopenAndRead(dir, id);
    try {
      // Every notification received during the session is stored, byte for byte, in order.
      const received = d.received.filter((r) => r.inSession);
      expect(received.length).toBeGreaterThan(3000);
      expect(stored.frames.length).toBe(received.length);
      expect(stored.frames.every((f, i) => Buffer.compare(f.bytes, received[i]!.bytes) === 0)).toBe(true);
      // A reconnect marker where each outage ended (replay expects a restarted sensor clock there).
      expect(stored.reconnectMarkers).toBe(plan.length);
      // … and decodes again into every sample, none rejected, times strictly increasing.
      const samples = stored.samples;
      expect(stored.report.rejections).toEqual([]);
      expect(samples.length).toBe(received.reduce((n, r) => n + r.bytes[1]!, 0));
      for (let i = 1; i < samples.length; i++) if (!(samples[i]!.tS > samples[i - 1]!.tS)) throw new Error(`time runs backwards at sample ${i}`);

      // Each outage is one gap (a drop-out during a reconnect extends the outage it interrupts).
      const gaps: { fromS: number; toS: number }[] = [];
      for (let i = 1; i < samples.length; i++) if (samples[i]!.tS - samples[i - 1]!.tS > 0.1) gaps.push({ fromS: samples[i - 1]!.tS, toS: samples[i]!.tS });
      expect(gaps.length).toBe(plan.length);
      expect(stored.report.decoder).toMatchObject({ gaps: plan.length, restarts: 0 });
      expect(stored.report.decoder!.lostFrames).toBeGreaterThan(0);
      plan.forEach((p, k) => expect(gaps[k]!.toS - gaps[k]!.fromS).toBeGreaterThanOrEqual((p.fault as { durationS: number }).durationS));

      // Through each gap the stored track holds the last position, marked as bridged: no motion is invented.
      const track = stored.track;
      const truth = new SensorTruth(d.roller, stored.session.sensorConfig!, d.sensorOnAtMs);
      let pointsInGaps = 0;
      let worstAfterGapCm = 0;
      let worstOutsideGapsCm = 0;
      for (const g of gaps) {
        // The point after the last sample before the gap holds that sample's position from then on
        // (stored times are float32: 1 ms of slack).
        const held = lastIndexAtOrBefore(track.t, g.fromS + 1e-3) + 1;
        for (let i = held; i < track.length && track.t[i]! < g.toS; i++) {
          pointsInGaps++;
          expect(track.positionCm[i]).toBe(track.positionCm[held]);
          expect(track.flags[i]! & FLAG_GAP_BRIDGED).toBe(FLAG_GAP_BRIDGED);
        }
        // The held position is where the roller was when the sensor went away …
        expect(Math.abs(track.positionCm[held]! - truth.positionCm(g.fromS))).toBeLessThan(1);
        // … and a second after the link is back the engine is where the roller really is.
        const after = lastIndexAtOrBefore(track.t, g.toS + 1);
        worstAfterGapCm = Math.max(worstAfterGapCm, Math.abs(track.positionCm[after]! - truth.positionCm(track.t[after]!)));
      }
      expect(pointsInGaps).toBeGreaterThan(1000);
      expect(worstAfterGapCm).toBeLessThan(1.5);
      for (let i = 0; i < track.length; i++) {
        const t = track.t[i]!;
        if (gaps.some((g) => t > g.fromS && t < g.toS + 0.5)) continue;
        worstOutsideGapsCm = Math.max(worstOutsideGapsCm, Math.abs(track.positionCm[i]! - truth.positionCm(t)));
      }
      expect(worstOutsideGapsCm).toBeLessThan(1.5);

      // The session ended normally, and is in the history and reviewable with its gaps.
      expect(stored.session).toMatchObject({ state: 'ended', endReason: 'completed' });
      expect(stored.session.summary!.durationS).toBeCloseTo(samples.at(-1)!.tS - samples[0]!.tS, 0);
      // good-slow-session never rolls too fast, dwells or leaves the middle of the back: a jump would.
      expect(stored.events).toEqual([]);
      console.info(
        `drop-out storm: ${plan.length + dropsDuringSetup} drop-outs, ${connects} connections, ${received.length} notifications / ${samples.length} samples stored, ` +
          `${gaps.length} gaps (${stored.report.decoder!.lostFrames} frames lost in the air), ${pointsInGaps} track points held, ` +
          `worst position error ${worstAfterGapCm.toFixed(2)} cm 1 s after a gap, ${worstOutsideGapsCm.toFixed(2)} cm elsewhere`,
      );
    } finally {
      stored.opened.store.close();
    }
  });
});

function lastIndexAtOrBefore(t: Float64Array | number[], at: number): number {
  let lo = 0;
  let hi = t.length - 1;
  if (t[0]! > at) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (t[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
