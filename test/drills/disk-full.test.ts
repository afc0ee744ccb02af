/**
 * Drill 5 — the disk fills up while a session is being recorded.
 *
 * SQLite is made to fail for real with "database or disk is full" (SQLITE_FULL): the app's own
 * database connection gets `PRAGMA max_page_count` set to the pages it already has, as if the
 * disk had no byte left; later the limit is lifted, as if space had been freed. The app must go
 * on coaching, tell the user clearly, keep everything stored before readable, and — when space
 * comes back before the session ends — store the whole session after all.
 *
 * The connection is the one openAppStore opened (captured by wrapping openSessionStore, which
 * otherwise runs unchanged).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { OpenedSessionStore, OpenSessionStoreOptions } from '../../electron/session/open-session-store';
import { loadSessionSamples } from '../../electron/session/session-data';
import { SessionStore } from '../../electron/session/session-store';
import { startDrill, type Drill } from './drill-app';
import { reopenAndRead } from './stored-session';

const opened = vi.hoisted(() => ({ stores: [] as OpenedSessionStore[] }));
vi.mock('../../electron/session/open-session-store', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/session/open-session-store')>();
  return {
    ...real,
    openSessionStore: (options: OpenSessionStoreOptions) => {
      const o = real.openSessionStore(options);
      opened.stores.push(o);
      return o;
    },
  };
});

const root = mkdtempSync(join(tmpdir(), 'roller-drill-full-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The app's own connection to its session database. */
function appDatabase(): Database.Database {
  return opened.stores.at(-1)!.store.db;
}

/** No room left: the database may not grow by a single page. */
function fillDisk(): void {
  const db = appDatabase();
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
}

function freeSpace(): void {
  appDatabase().pragma('max_page_count = 1073741823');
}

/** What another reader (the CLI, the next start) sees in the file right now. */
function readWhileRecording(dataDir: string, id: number): { frames: number; samples: number } {
  const db = new Database(join(dataDir, 'roller.sqlite'), { readonly: true });
  try {
    const store = new SessionStore(db, join(dataDir, 'roller.sqlite'));
    const { samples } = loadSessionSamples(store, store.getSession(id));
    return { frames: store.counts(id).frames, samples: samples.length };
  } finally {
    db.close();
  }
}

async function recordingDrill(name: string): Promise<{ d: Drill; dir: string; id: number; noticesPushed: () => string[] }> {
  const dir = join(root, name);
  const d = startDrill({ dataDir: dir, scenario: 'too-fast' });
  await d.connect();
  const { sessionId } = await d.startSession();
  const noticesPushed = () => [...new Set(d.seen.snapshot.flatMap((s) => s.notices))];
  return { d, dir, id: sessionId!, noticesPushed };
}

const DISK_FULL_NOTICE = /^Recording problem: The disk is full: saving session \d+ failed; what was saved before is kept\. Free some space to go on\.$/;

describe('drill: a full disk while recording', () => {
  it('tells the user, keeps coaching and what was stored; once space is back the whole session is stored', async () => {
    const { d, dir, id, noticesPushed } = await recordingDrill('space-back');
    await d.scheduler.advanceByAsync(10_000);
    const before = readWhileRecording(dir, id);
    expect(before.frames).toBeGreaterThan(400);

    let noticeShownAtMs: number | null = null;
    d.app.on('snapshot', (snap) => {
      if (noticeShownAtMs === null && snap.notices.length > 0) noticeShownAtMs = d.scheduler.nowMs();
    });
    const fullAtMs = d.scheduler.nowMs();
    fillDisk();
    const liveBefore = d.seen.live.length;
    const coachBefore = d.seen.coach.length;
    await d.scheduler.advanceByAsync(20_000);
    // A clear notice naming the problem; coaching goes on (live points, too-fast warnings).
    const notices = d.app.snapshot().notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(DISK_FULL_NOTICE);
    expect(d.seen.live.length - liveBefore).toBeGreaterThan(300);
    expect(d.seen.coach.length).toBeGreaterThan(coachBefore);
    expect(d.app.snapshot().session.state).toBe('running');
    // Nothing more could be written, and what was written before is intact and readable.
    const during = readWhileRecording(dir, id);
    expect(during.frames).toBeGreaterThanOrEqual(before.frames);
    expect(during.frames).toBeLessThan(before.frames + 60);
    expect(during.samples).toBe(2 * during.frames);

    freeSpace();
    const freedAtMs = d.scheduler.nowMs();
    let clearedAtMs: number | null = null;
    d.app.on('snapshot', (snap) => {
      if (clearedAtMs === null && !snap.notices.some((n) => DISK_FULL_NOTICE.test(n))) clearedAtMs = d.scheduler.nowMs();
    });
    await d.scheduler.advanceByAsync(10_000);
    // The disk-full notice is withdrawn once a write works again, and the user is told saving goes on.
    expect(d.app.snapshot().notices).toEqual([`Saving session ${id} works again: what arrived while it failed is saved too.`]);
    expect(clearedAtMs).not.toBeNull();
    expect(clearedAtMs! - freedAtMs).toBeLessThan(2_000);
    const after = readWhileRecording(dir, id);
    // Written: what was held while the disk was full and what came since, but for the last half second.
    expect(after.frames).toBeGreaterThan(d.received.filter((r) => r.inSession).length - 40);
    const noticeBeforeStop = noticeShownAtMs;
    const ended = await d.stopSession();
    const pushed = noticesPushed();
    const endNotices = d.app.snapshot().notices;
    await d.dispose();
    expect(ended).toMatchObject({ state: 'ended', endReason: 'completed', saveProblem: null });
    // The renderer is sent the notice as soon as the write fails, not only when the session stops;
    // then that saving works again; at the end, with all of it stored, nothing is left to say.
    expect(pushed).toEqual([notices[0], `Saving session ${id} works again: what arrived while it failed is saved too.`]);
    expect(endNotices).toEqual([]);
    expect(noticeBeforeStop).not.toBeNull();
    expect(noticeBeforeStop! - fullAtMs).toBeLessThan(2_000);

    // Everything received was held while the disk was full and written once it was not.
    const stored = reopenAndRead(dir, id);
    try {
      const received = d.received.filter((r) => r.inSession);
      expect(stored.frames.length).toBe(received.length);
      expect(stored.frames.every((f, i) => Buffer.compare(f.bytes, received[i]!.bytes) === 0)).toBe(true);
      expect(stored.session).toMatchObject({ state: 'ended', endReason: 'completed' });
      expect(stored.events.map((e) => e.kind)).toEqual(d.seen.coach.map((e) => e.kind));
      console.info(
        `disk full: ${before.frames} frames stored before, ${during.frames} while full (${during.frames - before.frames} still fitted in the file's free pages), ` +
          `${stored.frames.length} in the end = all ${received.length} received; the notice was pushed to the renderer ${noticeBeforeStop === null ? 'only at the stop' : `${noticeBeforeStop - fullAtMs} ms after the disk filled`}, ` +
          `and withdrawn ${clearedAtMs! - freedAtMs} ms after space came back`,
      );
    } finally {
      stored.opened.store.close();
    }
  });

  it('when the disk stays full to the end: the session is not answered as completed, the app says it could not be saved and goes on; the next start keeps it as interrupted', async () => {
    const { d, dir, id } = await recordingDrill('stays-full');
    await d.scheduler.advanceByAsync(8_000);
    fillDisk();
    await d.scheduler.advanceByAsync(5_000);
    const before = readWhileRecording(dir, id);
    const ended = await d.stopSession();
    const notSaved = /^This session could not be saved\. The disk is full: saving session \d+ failed; what was saved before is kept\. Free some space to go on\.$/;
    expect(ended).toMatchObject({ state: 'ended', endReason: 'not saved', saveProblem: expect.stringMatching(notSaved) });
    const notices = d.app.snapshot().notices;
    expect(notices[0]).toMatch(DISK_FULL_NOTICE);
    // One sentence each, no doubled full stops, and "kept" said once.
    expect(notices[1]).toMatch(notSaved);
    // The app is still usable: coaching without a session, a new session attempt gives a clear error or works.
    const live = d.seen.live.length;
    await d.scheduler.advanceByAsync(2_000);
    expect(d.seen.live.length).toBeGreaterThanOrEqual(live);
    const lastMs = d.scheduler.nowMs();
    await d.dispose();

    // The next start (a minute later): the unfinished session is interrupted, with what was stored.
    const stored = reopenAndRead(dir, id, () => lastMs + 60_000);
    try {
      expect(stored.opened.interrupted).toEqual([id]);
      expect(stored.session).toMatchObject({ state: 'ended', endReason: 'interrupted' });
      expect(stored.frames.length).toBe(before.frames);
      expect(stored.samples.length).toBe(before.samples);
      expect(stored.session.summary).not.toBeNull();
    } finally {
      stored.opened.store.close();
    }
  });
});
