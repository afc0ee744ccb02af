import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { motionSettings } from '../../../electron/motion/motion-settings';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { APPLICATION_ID, MIGRATIONS, REQUIRED_COLUMNS, SCHEMA_VERSION, migrate, missingSchemaParts } from '../../../electron/session/schema-migrations';
import { SessionStoreError } from '../../../electron/session/store-error';

const root = mkdtempSync(join(tmpdir(), 'roller-schema-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `d${n++}`);

/** A data folder whose database file is rebuilt as schema `version` wrote it (open, for the test to fill). */
function databaseAtVersion(version: number): { dir: string; db: Database.Database } {
  const dir = freshDir();
  openSessionStore({ dataDir: dir }).store.close();
  rmSync(join(dir, 'roller.sqlite'));
  const db = new Database(join(dir, 'roller.sqlite'));
  migrate(db, version);
  return { dir, db };
}

describe('schema migrations', () => {
  it('are numbered 1, 2, … in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('create a new database at the latest version, marked as ours, in WAL mode', () => {
    const { store, migratedFrom } = openSessionStore({ dataDir: freshDir() });
    expect(migratedFrom).toBe(0);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(missingSchemaParts(store.db)).toEqual([]);
    expect(Object.keys(REQUIRED_COLUMNS).length).toBe(7);
    store.close();
  });

  it('bring a version-1 database with a session up to the latest, keeping the data', () => {
    const { dir, db: v1 } = databaseAtVersion(1);
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    expect(missingSchemaParts(v1)).toContain('table sample_batches');
    v1.prepare(
      `INSERT INTO sessions (started_at, utc_offset_min, ended_at, end_reason, source, sensor_config, settings, engine_version)
       VALUES (1700000000000, 60, 1700000600000, 'completed', 'ble', '{"sampleRateHz":100,"accelRangeG":4,"gyroRangeDps":500,"samplesPerFrame":1}', ?, 'motion-0')`,
    ).run(JSON.stringify(motionSettings({})));
    v1.close();

    const { store, migratedFrom } = openSessionStore({ dataDir: dir });
    expect(migratedFrom).toBe(1);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const [s] = store.listSessions();
    expect(s).toMatchObject({ id: 1, source: 'ble', endReason: 'completed', dataKind: 'frames', origin: null, engineVersion: 'motion-0' });
    expect(s!.sensorConfig).toEqual({ sampleRateHz: 100, accelRangeG: 4, gyroRangeDps: 500, samplesPerFrame: 1 });
    store.close();
  });

  it('bring a version-2 database with a session being recorded to the latest version: no lock, so the old rule decides', () => {
    const { dir, db: v2 } = databaseAtVersion(2);
    expect(missingSchemaParts(v2)).toContain('column sessions.owner_lock');
    v2.prepare(
      `INSERT INTO sessions (started_at, utc_offset_min, source, settings, engine_version, data_kind, owner_pid, heartbeat_at)
       VALUES (1700000000000, 60, 'ble', ?, 'motion-0', 'samples', 4321, 1700000005000)`,
    ).run(JSON.stringify(motionSettings({})));
    v2.close();

    // Its owner is alive and wrote 20 s ago: still being recorded.
    const live = openSessionStore({ dataDir: dir, now: () => 1700000025000, isProcessAlive: (pid) => pid === 4321 });
    expect(live.migratedFrom).toBe(2);
    expect(live.store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(live.store.unfinishedSessions()).toEqual([{ id: 1, startedAt: 1700000000000, lastDataAt: null, heartbeatAt: 1700000005000, ownerPid: 4321, ownerLock: null }]);
    expect(live.recordingElsewhere).toEqual([{ id: 1, pid: 4321 }]);
    live.store.close();
    // Its owner is gone: interrupted.
    const gone = openSessionStore({ dataDir: dir, now: () => 1700000025000, isProcessAlive: () => false });
    expect(gone.migratedFrom).toBe(SCHEMA_VERSION);
    expect(gone.interrupted).toEqual([1]);
    expect(gone.store.getSession(1)).toMatchObject({ state: 'ended', endReason: 'interrupted' });
    gone.store.close();
  });

  it('give a version-2 summary the shape of the session figures (warnings, excursions) and keep the warning count equal', () => {
    const { dir, db: v2 } = databaseAtVersion(2);
    const old = {
      durationS: 300,
      rollingS: 231.7,
      distanceCm: 900,
      maxSpeedInPerS: 2.5,
      withinLimitShare: 0.8,
      longestDwellS: 16,
      zoneTimeS: { neck: 3, 'upper-back': 150, 'mid-back': 140, lumbar: 7 },
      eventCounts: { 'too-fast': 2, 'dwell-nudge': 1, 'dwell-limit': 0, lumbar: 1, neck: 1, 'time-budget': 1 },
      topCm: 24,
      bottomCm: -16,
    };
    const insert = v2.prepare(
      `INSERT INTO sessions (started_at, utc_offset_min, ended_at, end_reason, source, settings, engine_version, summary, rolling_s, warning_count, data_kind)
       VALUES (1700000000000, 60, 1700000600000, 'completed', 'import', ?, 'motion-1', ?, ?, 6, 'samples')`,
    );
    insert.run(JSON.stringify(motionSettings({})), JSON.stringify(old), old.rollingS);
    insert.run(JSON.stringify(motionSettings({})), null, 0);
    insert.run(JSON.stringify(motionSettings({})), '{not json', 0);
    v2.close();

    const { store, migratedFrom } = openSessionStore({ dataDir: dir });
    expect(migratedFrom).toBe(2);
    expect(store.getSession(1).summary).toEqual({
      ...old,
      warnings: 5, // every event but the time-budget reminder
      excursions: { lumbar: { count: 1, deepestCm: null }, neck: { count: 1, deepestCm: null } },
    });
    expect(store.db.prepare('SELECT warning_count AS w, rolling_s AS r FROM sessions WHERE id = 1').get()).toEqual({ w: 5, r: 231.7 });
    expect(store.getSession(2).summary).toBeNull();
    // A damaged summary is left as it was, for the reader to report.
    expect(() => store.getSession(3)).toThrow(/session 3 is stored damaged: summary/);
    store.close();
  });

  it('bring a version-4 database with sessions to the latest: no content hash, no note yet; a note can be saved, the hash is made when needed', () => {
    const { dir, db: v4 } = databaseAtVersion(4);
    expect(missingSchemaParts(v4)).toEqual(expect.arrayContaining(['column sessions.content_hash', 'column sessions.note']));
    const insert = v4.prepare(
      `INSERT INTO sessions (started_at, utc_offset_min, ended_at, end_reason, source, settings, engine_version, rolling_s, data_kind)
       VALUES (?, 60, ?, 'completed', 'ble', ?, 'motion-1', 30, 'samples')`,
    );
    insert.run(1700000000000, 1700000060000, JSON.stringify(motionSettings({})));
    insert.run(1700086400000, 1700086460000, JSON.stringify(motionSettings({})));
    v4.close();

    const { store, migratedFrom } = openSessionStore({ dataDir: dir });
    expect(migratedFrom).toBe(4);
    expect(missingSchemaParts(store.db)).toEqual([]);
    expect(store.listSessions({ order: 'oldest' }).map((s) => ({ id: s.id, hash: s.contentHash, note: s.note, end: s.endReason }))).toEqual([
      { id: 1, hash: null, note: null, end: 'completed' },
      { id: 2, hash: null, note: null, end: 'completed' },
    ]);
    expect(store.saveNote(2, { discomfort: 1, pain: false, numbness: false, text: 'old session' }, 1700100000000).note).toMatchObject({ text: 'old session' });
    expect(store.getSession(1).note).toBeNull();
    expect(store.rollingTimeBetween(0, 2e12)).toBe(60);
    store.close();
  });

  it('roll a failing step back completely', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.exec('CREATE TABLE sample_batches (x INTEGER)'); // makes step 2 fail half-way
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const cols = (db.pragma('table_info(sessions)') as { name: string }[]).map((c) => c.name);
    expect(cols).not.toContain('data_kind');
    db.close();
  });

  it('refuse a database from a newer app version and leave it untouched', () => {
    const dir = freshDir();
    const { store } = openSessionStore({ dataDir: dir });
    store.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    store.close();
    let err: unknown;
    try {
      openSessionStore({ dataDir: dir });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SessionStoreError);
    expect((err as SessionStoreError).kind).toBe('newer-version');
    expect((err as Error).message).toMatch(/newer version of Roller Companion.*left untouched/);
    const db = new Database(join(dir, 'roller.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    db.close();
  });
});
