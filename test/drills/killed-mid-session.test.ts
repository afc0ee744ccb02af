/**
 * Drill 4 — the app is killed in the middle of a session, then started again.
 *
 * A child process runs the app as it runs for real (app-child.ts: the composition root, the real
 * clock, the simulated roller) and records a session; after a few seconds of it the process is
 * killed with SIGKILL, as a crash or a power cut would. The app then starts again on the same
 * data folder: the session must be marked interrupted and said so; what was stored up to about a
 * second before the kill must be there, readable, in the history and in the review; and the app
 * must record a new session normally.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnRecording, REPO } from './child-recording';
import { startDrill } from './drill-app';
import { reopenAndRead } from './stored-session';

const root = mkdtempSync(join(tmpdir(), 'roller-drill-kill-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** How much may be lost at a kill: the recorder writes every 0.5 s (checked every 0.25 s); a second, as the drill asks. */
const MAX_LOSS_S = 1;

describe('drill: the app killed mid-session and started again', () => {
  it('keeps the session as interrupted with its data up to about a second before the kill, reviewable; records a new session', async () => {
    const dir = join(root, 'data');
    const child = await spawnRecording(join(REPO, 'test/drills/app-child.ts'), [dir, 'good-slow-session']);
    // Let it record about three seconds of the sensor's time (the child says how far it got).
    const liveT = (line: string) => Number(line.split(' ')[1]);
    const firstLive = liveT(await child.waitForLine((l) => l.startsWith('live ')));
    await child.waitForLine((l) => l.startsWith('live ') && liveT(l) - firstLive >= 3);
    const { ended, killedAtMs } = await child.kill();
    expect(ended).toBe('SIGKILL');
    const live = child.lines.filter((l) => l.startsWith('live ')).map((l) => ({ t: liveT(l), atMs: Number(l.split(' ')[2]) }));
    const lastLive = live.at(-1)!;

    // Start the app again on the same data folder.
    const d = startDrill({ dataDir: dir, scenario: 'good-slow-session', startAtMs: Date.now() });
    const id = child.id;
    expect(d.app.snapshot().notices).toContain(`Session ${id} was interrupted (the app stopped while recording); what was recorded is kept.`);
    const history = await d.run(d.app.handle('history.get', { days: 1 }));
    const past = history.sessions.find((s) => s.id === id)!;
    expect(past).toMatchObject({ id, endReason: 'interrupted', source: 'simulator' });
    expect(history.days.at(-1)!.interrupted).toBeGreaterThanOrEqual(1);
    const review = await d.run(d.app.handle('review.get', { id }));
    expect(review.session.endReason).toBe('interrupted');
    expect(review.track.t.length).toBeGreaterThan(25);
    const reviewEndT = review.track.t.at(-1)!;

    // And it records a new session as usual.
    await d.connect();
    const next = await d.startSession();
    expect(next.sessionId).toBe(id + 1);
    await d.scheduler.advanceByAsync(10_000);
    const nextEnded = await d.stopSession();
    expect(nextEnded).toMatchObject({ state: 'ended', endReason: 'completed' });
    const after = await d.run(d.app.handle('history.get', { days: 1 }));
    expect(after.sessions.map((s) => [s.id, s.endReason])).toEqual([
      [id, 'interrupted'],
      [id + 1, 'completed'],
    ]);
    await d.dispose();

    // What is stored of the killed session: everything up to about a second before the kill.
    const stored = reopenAndRead(dir, id);
    try {
      const { session, samples } = stored;
      expect(session).toMatchObject({ state: 'ended', endReason: 'interrupted' });
      expect(stored.report.rejections).toEqual([]);
      for (let i = 1; i < samples.length; i++) if (!(samples[i]!.tS > samples[i - 1]!.tS)) throw new Error(`time runs backwards at sample ${i}`);
      const storedSpanS = samples.at(-1)!.tS - samples[0]!.tS;
      // By the sensor's clock: the last point the app had shown before it died vs the last stored sample.
      const lostBySensorS = lastLive.t - samples.at(-1)!.tS;
      // By the wall clock: from the session's start to the kill, vs what is stored.
      const lostByWallS = (killedAtMs - child.startedAtMs) / 1000 - storedSpanS;
      expect(lostBySensorS).toBeLessThanOrEqual(MAX_LOSS_S);
      expect(lostByWallS).toBeLessThanOrEqual(MAX_LOSS_S + 0.25); // + the time to the first sample and to the process's death
      expect(storedSpanS).toBeGreaterThan(2);
      // The review shows the stored track to its end (its times count from the session's first point), and the summary covers it.
      expect(reviewEndT).toBeCloseTo(stored.track.t[stored.track.length - 1]! - stored.track.t[0]!, 3);
      expect(session.summary!.durationS).toBeGreaterThan(storedSpanS - 0.5);
      // The interrupted session ends at its last stored data (by the wall clock), not at its start.
      expect((session.endedAt! - session.startedAt) / 1000).toBeGreaterThan(storedSpanS - 1);
      console.info(
        `killed mid-session: ${samples.length} samples (${storedSpanS.toFixed(2)} s) kept of session ${id}; lost ${lostBySensorS.toFixed(2)} s after the last live point, ` +
          `${lostByWallS.toFixed(2)} s by the wall clock; stored end ${session.endedAt! - session.startedAt} ms after the start`,
      );
    } finally {
      stored.opened.store.close();
    }
  }, 30_000);
});
