/**
 * Drill 2 — a fifth of the frames lost in the air for a whole session.
 *
 * The simulated sensor plays `too-fast` (four fast strokes among slow ones) once, with 20 %
 * frame loss (seeded, independent losses). The link stays up, so this is the decoder's and the
 * engine's job: the decoder reports the holes as gaps, the engine still raises each too-fast
 * warning close to when the product's rules fire on the true motion, nothing fails, and the
 * stored session holds every frame that did arrive.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInScenario } from '../../electron/sim/scenario-catalog';
import type { Scenario } from '../../electron/sim/scenario-schema';
import { startDrill } from './drill-app';
import { SensorTruth } from './sensor-truth';
import { reopenAndRead } from './stored-session';

const root = mkdtempSync(join(tmpdir(), 'roller-drill-loss-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const LOSS = 0.2;
/** Mean length of a run of lost frames (geometric). */
const BURST_FRAMES = 2;
/** How far a warning may be from the one the rules give on the true motion, s (the benchmark's matching tolerance). */
const TOLERANCE_S = 1;

describe('drill: 20 % frame loss for a whole session', () => {
  it('reports the gaps, still warns of every too-fast stroke on time, and stores everything that arrived', async () => {
    const base = builtInScenario('too-fast');
    const scenario: Scenario = { ...base, errors: { ...base.errors, frameLoss: { probability: LOSS, meanBurstFrames: BURST_FRAMES } } };
    const dir = join(root, 'loss');
    const d = startDrill({ dataDir: dir, scenario, seed: 4242, endOfScenario: 'stop' });
    const connectionNames = new Set<string>();
    d.app.on('snapshot', (s) => connectionNames.add(s.connection.name));

    await d.connect();
    const { sessionId } = await d.startSession();
    const id = sessionId!;
    // The whole scenario, then a little more: the sensor has stopped streaming by then.
    await d.until(() => d.roller.sessionTimeS()! > 70, 80_000, 500);
    const live = d.seen.coach.slice();
    const ended = await d.stopSession();
    const notices = d.app.snapshot().notices;
    await d.dispose();

    expect(ended).toMatchObject({ state: 'ended', endReason: 'completed' });
    expect(notices).toEqual([]);
    expect(connectionNames).not.toContain('reconnecting');

    const stored = reopenAndRead(dir, id);
    try {
      const received = d.received.filter((r) => r.inSession);
      // Everything that arrived is stored and decodes again, times strictly increasing.
      expect(stored.frames.length).toBe(received.length);
      expect(stored.frames.every((f, i) => Buffer.compare(f.bytes, received[i]!.bytes) === 0)).toBe(true);
      expect(stored.samples.length).toBe(received.reduce((n, r) => n + r.bytes[1]!, 0));
      for (let i = 1; i < stored.samples.length; i++) if (!(stored.samples[i]!.tS > stored.samples[i - 1]!.tS)) throw new Error(`time runs backwards at sample ${i}`);
      // The decoder sees the loss: about a fifth of the frames missing, in many gaps.
      const dec = stored.report.decoder!;
      expect(dec.rejected).toBe(0);
      const lostShare = dec.lostFrames / (dec.lostFrames + dec.frames);
      expect(lostShare).toBeGreaterThan(LOSS - 0.03);
      expect(lostShare).toBeLessThan(LOSS + 0.03);
      // One gap per run of lost frames: about lost / BURST_FRAMES of them.
      expect(dec.gaps).toBeGreaterThan(dec.lostFrames / BURST_FRAMES / 1.5);
      expect(dec.gaps).toBeLessThan((dec.lostFrames / BURST_FRAMES) * 1.5);

      // Coaching still works: each too-fast stroke is warned of within the tolerance of the
      // rules on the true motion, and no other warning is raised.
      const truth = new SensorTruth(d.roller, stored.session.sensorConfig!, d.sensorOnAtMs);
      const expected = truth.events(stored.session.settings, 1).filter((e) => e.t <= stored.samples.at(-1)!.tS);
      const tooFastTruth = expected.filter((e) => e.kind === 'too-fast');
      const tooFastLive = live.filter((e) => e.kind === 'too-fast');
      expect(tooFastTruth.length).toBe(4);
      expect(tooFastLive.length).toBe(tooFastTruth.length);
      const offsets = tooFastTruth.map((e, k) => tooFastLive[k]!.t - e.t);
      for (const off of offsets) expect(Math.abs(off)).toBeLessThanOrEqual(TOLERANCE_S);
      expect(live.map((e) => e.kind).sort()).toEqual(expected.map((e) => e.kind).sort());
      // The stored events are the ones raised live.
      expect(stored.events).toEqual(live);
      expect(stored.session.summary!.eventCounts['too-fast']).toBe(4);
      console.info(
        `frame loss: ${dec.lostFrames} of ${dec.lostFrames + dec.frames} frames lost (${(100 * lostShare).toFixed(1)} %) in ${dec.gaps} gaps; ` +
          `${received.length} frames / ${stored.samples.length} samples stored; too-fast onsets vs truth: ${offsets.map((o) => `${o >= 0 ? '+' : ''}${o.toFixed(2)} s`).join(', ')}`,
      );
    } finally {
      stored.opened.store.close();
    }
  });
});
