import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSessionStore } from '../../../electron/session/open-session-store';
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

  it('a session still being recorded by a live process is left alone by another opener', () => {
    const dir = join(root, 'live');
    const a = openSessionStore({ dataDir: dir });
    const clock = { now: Date.now() };
    const rec = new SessionRecorder(a.store, { clock: () => clock.now });
    const r = recordSimulation(rec, simulation('too-fast', { untilS: 5 }), clock, { startedAt: clock.now, finish: false });
    rec.flush();
    const b = openSessionStore({ dataDir: dir });
    expect(b.interrupted).toEqual([]);
    expect(b.store.getSession(r.id).state).toBe('recording');
    b.store.close();
    rec.finish({ endReason: 'completed' });
    a.store.close();
  });

  it('an unfinished session whose heartbeat went stale is interrupted even if its pid is reused', () => {
    const dir = join(root, 'stale');
    const a = openSessionStore({ dataDir: dir });
    const clock = { now: T0 };
    const r = recordSimulation(new SessionRecorder(a.store, { clock: () => clock.now }), simulation('too-fast', { untilS: 5 }), clock, { startedAt: T0, finish: false });
    a.store.close(); // the recorder is abandoned with some data unflushed, as in a crash
    const b = openSessionStore({ dataDir: dir, now: () => T0 + 3_600_000, isProcessAlive: () => true });
    expect(b.interrupted).toEqual([r.id]);
    const s = b.store.getSession(r.id);
    expect(s.endReason).toBe('interrupted');
    expect(s.endedAt).toBe(s.lastDataAt);
    expect(s.endedAt! - T0).toBeGreaterThan(3500);
    b.store.close();
  });
});
