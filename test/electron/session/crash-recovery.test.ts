import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { motionSettings } from '../../../electron/motion/motion-settings';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { recordingLockState, takeRecordingLock } from '../../../electron/session/recording-lock';
import { loadSessionSamples } from '../../../electron/session/session-data';
import { sessionCsvChunks } from '../../../electron/session/session-export';
import { SessionRecorder } from '../../../electron/session/session-recorder';
import { recordSimulation, simulation } from './record-simulation';

const root = mkdtempSync(join(tmpdir(), 'roller-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const T0 = Date.parse('2025-03-01T18:30:00Z');

describe('crash safety', () => {
  it('a recording process killed with SIGKILL keeps every frame it had written; the session is kept as interrupted', async () => {
    // How much a kill loses (at most one flush interval plus a tick) is tested on an injected
    // clock in session-recorder.test.ts and measured with a real kill by `npm run bench` (the store).
    const dir = join(root, 'killed');
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'test/electron/session/record-child.ts'), dir], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    // Wait until the child says it has written a few batches (more than a second of frames).
    const written = await new Promise<{ id: number; frames: number; writes: number }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const id = /started (\d+)\n/.exec(out);
        const stored = [...out.matchAll(/stored (\d+)\n/g)];
        const frames = Number(stored.at(-1)?.[1] ?? 0);
        if (id && stored.length >= 3 && frames >= 150) resolve({ id: Number(id[1]), frames, writes: stored.length });
      });
      void exited.then(() => reject(new Error(`child exited early: ${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const { id } = written;

    const opened = openSessionStore({ dataDir: dir });
    expect(opened.interrupted).toEqual([id]);
    expect(opened.notices.join(' ')).toMatch(new RegExp(`Session ${id} was interrupted`));
    expect(lockFiles(dir)).toEqual([]); // the dead process's lock was free, and its file is gone
    const s = opened.store.getSession(id);
    expect(s.state).toBe('ended');
    expect(s.endReason).toBe('interrupted');
    // Everything the recorder had reported written is stored, and the session ends at its last data …
    const counts = opened.store.counts(id);
    expect(counts.frames).toBeGreaterThanOrEqual(written.frames);
    expect(s.lastDataAt).not.toBeNull();
    expect(s.endedAt).toBe(s.lastDataAt);
    // … and readable: the frames decode to the simulator's samples, the track has a summary.
    const sim = simulation('good-slow-session', { untilS: 60 });
    const { samples } = loadSessionSamples(opened.store, s);
    expect(samples).toEqual(sim.samples.slice(0, counts.frames));
    expect(s.summary!.durationS).toBeGreaterThan(1);
    expect([...sessionCsvChunks(opened.store, s)].join('').split('\n').length).toBeGreaterThan(counts.frames);
    opened.store.close();
  }, 20_000);

  it('a session still being recorded is left alone by another opener however long ago it last wrote, and the opener is told', () => {
    const dir = join(root, 'live');
    const a = openSessionStore({ dataDir: dir });
    const clock = { now: Date.now() };
    const rec = new SessionRecorder(a.store, { clock: () => clock.now });
    const r = recordSimulation(rec, simulation('too-fast', { untilS: 5 }), clock, { startedAt: clock.now, finish: false });
    rec.flush();
    // An hour without a heartbeat (a frozen recorder), and the pid not even seen as alive: its lock decides.
    const b = openSessionStore({ dataDir: dir, now: () => clock.now + 3_600_000, isProcessAlive: () => false });
    expect(b.interrupted).toEqual([]);
    expect(b.recordingElsewhere).toEqual([{ id: r.id, pid: process.pid }]);
    expect(b.notices).toEqual([`Another Roller Companion (process ${process.pid}) is recording session ${r.id} in this data folder (${dir}); it is left alone until it ends.`]);
    expect(b.store.getSession(r.id).state).toBe('recording');
    expect(() => b.store.deleteSession(r.id)).toThrow(/being recorded right now/);
    b.store.close();
    const ended = rec.finish({ endReason: 'completed' });
    expect(ended.endReason).toBe('completed');
    expect(lockFiles(dir)).toEqual([]);
    a.store.close();
  });

  it('an unfinished session whose recording lock nobody holds is interrupted, even while a process with its pid runs', () => {
    const dir = join(root, 'abandoned');
    const a = openSessionStore({ dataDir: dir });
    const clock = { now: T0 };
    const rec = new SessionRecorder(a.store, { clock: () => clock.now });
    const r = recordSimulation(rec, simulation('too-fast', { untilS: 5 }), clock, { startedAt: T0, finish: false });
    expect(lockFiles(dir)).toHaveLength(1);
    rec.abandon(); // the lock goes, as at the recorder's death; the row stays unfinished
    a.store.close();
    const b = openSessionStore({ dataDir: dir, now: () => T0 + 10_000, isProcessAlive: () => true });
    expect(b.interrupted).toEqual([r.id]);
    const s = b.store.getSession(r.id);
    expect(s.endReason).toBe('interrupted');
    expect(s.endedAt).toBe(s.lastDataAt);
    expect(s.endedAt! - T0).toBeGreaterThan(3500);
    b.store.close();
  });

  it('removes lock files nobody holds; keeps held ones', () => {
    const dir = join(root, 'orphans');
    const a = openSessionStore({ dataDir: dir });
    const held = takeRecordingLock(a.store.path, 4242);
    writeFileSync(`${a.store.path}.recording-4243-0badcafe`, ''); // left by a process that died before its session started
    a.store.close();
    const b = openSessionStore({ dataDir: dir });
    expect(lockFiles(dir)).toEqual([`roller.sqlite.recording-${held.name}`]);
    expect(recordingLockState(b.store.path, held.name)).toBe('held');
    held.release();
    expect(recordingLockState(b.store.path, held.name)).toBe('missing');
    expect(lockFiles(dir)).toEqual([]);
    b.store.close();
  });

  it('a session from before recording locks keeps the old rule: owner alive and heartbeat younger than 30 s', () => {
    const dir = join(root, 'legacy');
    const a = openSessionStore({ dataDir: dir });
    const id = a.store.createSession({
      startedAt: T0,
      utcOffsetMin: 0,
      source: 'ble',
      sensor: null,
      sensorConfig: null,
      settings: motionSettings({}),
      engineVersion: 'motion-0',
      dataKind: 'samples',
      ownerPid: 99,
    });
    a.store.close();
    const fresh = openSessionStore({ dataDir: dir, now: () => T0 + 29_000, isProcessAlive: (pid) => pid === 99 });
    expect(fresh.interrupted).toEqual([]);
    expect(fresh.recordingElsewhere).toEqual([{ id, pid: 99 }]);
    fresh.store.close();
    const stale = openSessionStore({ dataDir: dir, now: () => T0 + 31_000, isProcessAlive: (pid) => pid === 99 });
    expect(stale.interrupted).toEqual([id]);
    stale.store.close();
  });
});

function lockFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.includes('.recording-'))
    .sort();
}
