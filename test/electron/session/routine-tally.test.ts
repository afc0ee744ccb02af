/**
 * The routine a session ran is stored with it (schema step `sessions.routine`) and read back, and the tally of
 * extension routines over the last 7 days counts from the store, with the many-times-a-day note.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { motionSettings } from '../../../electron/motion/motion-settings';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { MANY_A_DAY, routineTally, tallyFromMs } from '../../../electron/session/routine-tally';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../../electron/session/schema-migrations';
import type { SessionStore } from '../../../electron/session/session-store';

const root = mkdtempSync(join(tmpdir(), 'roller-routine-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `d${n++}`);

/** The schema step that adds the routine column, found by what it does (not by its number). */
const ROUTINE_STEP = MIGRATIONS.find((m) => /ADD COLUMN routine\b/.test(m.sql))!;
const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 3, 18, 0, 0);

function startSession(store: SessionStore, startedAt: number, routine: 'thoracic-extension' | 'back-release' | null): number {
  return store.createSession({
    startedAt,
    utcOffsetMin: 0,
    source: 'simulator',
    sensor: null,
    sensorConfig: null,
    settings: motionSettings({}),
    engineVersion: 'test',
    dataKind: 'samples',
    ownerPid: null,
    routine,
  });
}

describe('the routine stored with a session', () => {
  it('is a schema step of its own: a database from before it keeps its sessions, as free sessions', () => {
    expect(ROUTINE_STEP).toBeDefined();
    const dir = freshDir();
    openSessionStore({ dataDir: dir }).store.close();
    rmSync(join(dir, 'roller.sqlite'));
    const db = new Database(join(dir, 'roller.sqlite'));
    migrate(db, ROUTINE_STEP.version - 1);
    db.prepare(`INSERT INTO sessions (started_at, utc_offset_min, source, settings, engine_version, data_kind) VALUES (?, 0, 'simulator', ?, 'test', 'samples')`).run(
      NOW - H,
      JSON.stringify(motionSettings({})),
    );
    db.close();
    const { store, migratedFrom } = openSessionStore({ dataDir: dir });
    expect(migratedFrom).toBe(ROUTINE_STEP.version - 1);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.prepare('SELECT routine FROM sessions').all()).toEqual([{ routine: null }]);
    expect(store.routineStarts('thoracic-extension', 0)).toEqual([]);
    store.close();
  });

  it('is written at the start and counted per routine over the last 7 days', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    startSession(store, NOW - 8 * 24 * H, 'thoracic-extension'); // too old
    startSession(store, NOW - 2 * 24 * H, 'thoracic-extension');
    startSession(store, NOW - 3 * H, 'thoracic-extension');
    startSession(store, NOW - 2 * H, 'back-release');
    startSession(store, NOW - H, null);
    const starts = store.routineStarts('thoracic-extension', tallyFromMs(NOW));
    expect(starts.map((s) => s.startedAt)).toEqual([NOW - 2 * 24 * H, NOW - 3 * H]);
    expect(routineTally(starts, NOW)).toEqual({ lastWeek: 2, mostInOneDay: 1, manyTimesADay: false });
    expect(store.routineStarts('back-release', tallyFromMs(NOW))).toHaveLength(1);
    expect(() => startSession(store, NOW, 'headstand' as never)).toThrow(/routine/);
    store.close();
  });

  it('is read back with the session; one this version does not know reads as a free session, not a lost row', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const release = startSession(store, NOW - 2 * H, 'back-release');
    const free = startSession(store, NOW - H, null);
    const future = startSession(store, NOW, null);
    store.db.prepare('UPDATE sessions SET routine = ? WHERE id = ?').run('headstand', future);
    expect(store.getSession(release).routine).toBe('back-release');
    expect(store.getSession(free).routine).toBeNull();
    expect(store.getSession(future).routine).toBeNull();
    expect(store.listSessions({}).map((s) => [s.id, s.routine])).toEqual([
      [future, null],
      [free, null],
      [release, 'back-release'],
    ]);
    store.close();
  });
});

describe('routineTally', () => {
  it(`notes a many-times-a-day habit from ${MANY_A_DAY} on one local day`, () => {
    const day = Date.UTC(2026, 11, 2, 0, 0, 0);
    const at = (h: number, utcOffsetMin = 0) => ({ startedAt: day + h * H, utcOffsetMin });
    expect(routineTally([at(8), at(12)], NOW)).toEqual({ lastWeek: 2, mostInOneDay: 2, manyTimesADay: false });
    expect(routineTally([at(8), at(12), at(20)], NOW)).toEqual({ lastWeek: 3, mostInOneDay: 3, manyTimesADay: true });
    // Local days: 23:00 UTC is the next day at UTC+2, so these are two on one day and one on the next.
    expect(routineTally([at(8, 120), at(12, 120), at(23, 120)], NOW)).toMatchObject({ mostInOneDay: 2, manyTimesADay: false });
  });
});
