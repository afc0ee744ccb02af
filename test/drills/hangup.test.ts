/**
 * Drill 8 — the terminal running the app is closed in the middle of a session (SIGHUP).
 *
 * A child process runs the app for real (app-child.ts), listening for the CLI's stop signals
 * (electron/app/stop-signals.ts, what `roller serve`, `demo` and `record` use: SIGINT and
 * SIGTERM too, one handler for all; test/electron/app/stop-signals.test.ts) and quitting as
 * `serve` does. SIGHUP must end the session `completed`, with everything the app showed stored,
 * and leave no recording lock behind.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnRecording, REPO } from './child-recording';
import { reopenAndRead } from './stored-session';

const root = mkdtempSync(join(tmpdir(), 'roller-drill-hangup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const liveT = (line: string) => Number(line.split(' ')[1]);

describe('drill: the terminal closed (SIGHUP) while recording', () => {
  it('ends the session completed, with all the app showed stored', async () => {
    const signal = 'SIGHUP';
    const dir = join(root, 'data');
    const child = await spawnRecording(join(REPO, 'test/drills/app-child.ts'), [dir, 'good-slow-session']);
    const first = liveT(await child.waitForLine((l) => l.startsWith('live ')));
    await child.waitForLine((l) => l.startsWith('live ') && liveT(l) - first >= 2);
    child.signal(signal);
    await child.waitForLine((l) => l === `quit ${signal}`);
    expect(await child.exited).toBe(0);
    const lastShown = liveT(child.lines.filter((l) => l.startsWith('live ')).at(-1)!);

    const stored = reopenAndRead(dir, child.id);
    try {
      expect(stored.opened.interrupted).toEqual([]);
      expect(stored.opened.notices).toEqual([]);
      expect(stored.session).toMatchObject({ state: 'ended', endReason: 'completed' });
      expect(stored.report.rejections).toEqual([]);
      const endT = stored.track.t[stored.track.length - 1]!;
      expect(endT).toBeGreaterThanOrEqual(lastShown - 1e-4); // stored as float32
      expect(stored.samples.length).toBeGreaterThan(200);
      expect(stored.session.summary!.durationS).toBeGreaterThan(2);
      expect(readdirSync(dir).filter((n) => n.includes('.recording-'))).toEqual([]);
      console.info(`${signal}: session ${child.id} completed with ${stored.samples.length} samples, track to ${endT.toFixed(2)} s (last shown ${lastShown.toFixed(2)} s)`);
    } finally {
      stored.opened.store.close();
    }
  }, 30_000);
});
