/**
 * Drill 7 — the app is frozen in the middle of a session (SIGSTOP: a debugger, a laptop lid, a
 * job-control stop) for longer than the interrupted-session threshold, while another process
 * opens the same data folder; then it is thawed (SIGCONT) and the user stops the session.
 *
 * A child process runs the app for real (app-child.ts) and records. Frozen, it writes nothing:
 * its heartbeat goes stale. The other process (this test, through the real `roller sessions`
 * code and the app's own store) opens the folder with its clock a minute ahead, past the 30 s
 * threshold, without waiting for it. It must leave the session alone — not mark it interrupted,
 * not let it be deleted — and say that another process is recording. Thawed, the app stops the
 * session `completed` with all of it stored.
 *
 * And when the session's row really was removed meanwhile (another program deleted it): the
 * stop must not answer `completed`; it says the session could not be saved, and why.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppStore } from '../../electron/app/open-app-store';
import { sessionsCommand } from '../../electron/cli/sessions-command';
import { SessionStatusSchema } from '../../electron/ipc/ipc-contract';
import { STALE_HEARTBEAT_MS } from '../../electron/session/open-session-store';
import { spawnRecording, REPO, type ChildRecording } from './child-recording';
import { reopenAndRead } from './stored-session';

const root = mkdtempSync(join(tmpdir(), 'roller-drill-freeze-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CHILD = join(REPO, 'test/drills/app-child.ts');
/** How far ahead of the wall clock the other process's clock runs: past the interrupted-session threshold. */
const AHEAD_MS = 2 * STALE_HEARTBEAT_MS;

const liveT = (line: string) => Number(line.split(' ')[1]);

/** Waits until the child has shown `seconds` more of the sensor's time than it had. */
async function recordFor(child: ChildRecording, seconds: number): Promise<number> {
  const lives = child.lines.filter((l) => l.startsWith('live '));
  const from = lives.length > 0 ? liveT(lives.at(-1)!) : liveT(await child.waitForLine((l) => l.startsWith('live ')));
  return liveT(await child.waitForLine((l) => l.startsWith('live ') && liveT(l) - from >= seconds));
}

/** Sends `stop` and reads the answer and the notices the child printed. */
async function stop(child: ChildRecording) {
  child.send('stop');
  const stopped = SessionStatusSchema.parse(JSON.parse((await child.waitForLine((l) => l.startsWith('stopped '))).slice('stopped '.length)));
  const notices = JSON.parse((await child.waitForLine((l) => l.startsWith('notices '))).slice('notices '.length)) as string[];
  expect(await child.exited).toBe(0);
  return { stopped, notices };
}

function lockFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.includes('.recording-'));
}

describe('drill: the app frozen mid-session while another process opens its data folder', () => {
  it('is not taken over however long it is frozen; thawed, it stops the session completed with all of it stored', async () => {
    const dir = join(root, 'thawed');
    const child = await spawnRecording(CHILD, [dir, 'good-slow-session']);
    await recordFor(child, 2);
    child.signal('SIGSTOP');
    const frozenAtMs = Date.now();

    // Another `roller` command, its clock a minute ahead: the frozen session's heartbeat looks 60 s old.
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } };
    const cli = { env: { ROLLER_DATA_DIR: dir }, now: () => Date.now() + AHEAD_MS };
    const elsewhere = `Another Roller Companion (process ${child.pid}) is recording session ${child.id} in this data folder (${dir}); it is left alone until it ends.`;
    expect(await sessionsCommand(['list'], io as never, cli)).toBe(0);
    expect(err.join('')).toBe(`roller sessions: ${elsewhere}\n`);
    expect(out.join('')).toMatch(new RegExp(`^\\s*${child.id} .* recording…$`, 'm'));
    await expect(sessionsCommand(['delete', String(child.id), '--yes'], io as never, cli)).rejects.toThrow(/being recorded right now/);
    // The app opening the same folder (a second window, the next start): the same.
    const other = openAppStore(dir, () => Date.now() + AHEAD_MS);
    expect(other.notices()).toEqual([elsewhere]);
    expect(() => other.deleteSession(child.id)).toThrow(/being recorded right now/);
    expect(other.history(1, new Date(Date.now() + AHEAD_MS)).sessions).toEqual([]); // not in the history as interrupted
    other.close();

    child.signal('SIGCONT');
    const lastShown = await recordFor(child, 1);
    const { stopped, notices } = await stop(child);
    expect(stopped).toMatchObject({ state: 'ended', sessionId: child.id, endReason: 'completed', saveProblem: null });
    expect(notices).toEqual([]);

    const stored = reopenAndRead(dir, child.id);
    try {
      expect(stored.opened.interrupted).toEqual([]);
      expect(stored.session).toMatchObject({ state: 'ended', endReason: 'completed' });
      expect(stored.report.rejections).toEqual([]);
      const { samples, track } = stored;
      for (let i = 1; i < samples.length; i++) if (!(samples[i]!.tS > samples[i - 1]!.tS)) throw new Error(`time runs backwards at sample ${i}`);
      // Everything the app showed, before and after the freeze, is stored (the track to its last point).
      const storedEndT = track.t[track.length - 1]!;
      expect(storedEndT).toBeGreaterThanOrEqual(lastShown - 1e-4); // stored as float32
      expect(samples.at(-1)!.tS).toBeGreaterThanOrEqual(storedEndT - 1e-4);
      expect(lockFiles(dir)).toEqual([]);
      console.info(
        `frozen recorder: session ${child.id} left alone by 2 openers ${AHEAD_MS / 1000} s ahead (frozen ${Date.now() - frozenAtMs} ms of wall clock); ` +
          `completed with ${samples.length} samples, track to ${storedEndT.toFixed(2)} s (last shown ${lastShown.toFixed(2)} s)`,
      );
    } finally {
      stored.opened.store.close();
    }
  }, 60_000);

  it('when its session was removed while it was frozen: the stop says it could not be saved, never "completed"', async () => {
    const dir = join(root, 'removed');
    const child = await spawnRecording(CHILD, [dir, 'good-slow-session']);
    await recordFor(child, 2);
    child.signal('SIGSTOP');

    // Another program removes the session and its data (as a takeover followed by a delete did).
    const db = new Database(join(dir, 'roller.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      expect(db.prepare('DELETE FROM sessions WHERE id = ?').run(child.id).changes).toBe(1);
    } finally {
      db.close();
    }

    child.signal('SIGCONT');
    await recordFor(child, 1);
    const { stopped, notices } = await stop(child);
    const gone = `session ${child.id} is no longer in the session database (it was removed, perhaps by another program using this data folder)`;
    const problem = `This session could not be saved: ${gone}.`;
    expect(stopped).toMatchObject({ state: 'ended', sessionId: child.id, endReason: 'not saved', saveProblem: problem });
    // Told twice: while recording (the first failed write), and at the stop.
    expect(notices).toEqual([`Recording problem: ${gone}`, problem]);

    const reopened = openAppStore(dir);
    try {
      expect(reopened.notices()).toEqual([]);
      expect(reopened.history(1, new Date()).sessions).toEqual([]);
      expect(lockFiles(dir)).toEqual([]);
    } finally {
      reopened.close();
    }
  }, 60_000);
});
