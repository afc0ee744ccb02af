/**
 * Recognising a recording already stored: the content hash of the samples (what it covers:
 * electron/session/content-hash.ts), import twice, export → import, sessions stored before
 * schema 5, and the day an imported session counts for.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-reader';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';
import { motionSettings } from '../../../electron/motion/motion-settings';
import { contentHashOf, computeSessionContentHash } from '../../../electron/session/content-hash';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { encodeSampleBatch } from '../../../electron/session/sample-batch-codec';
import { migrate } from '../../../electron/session/schema-migrations';
import { exportSessionFiles } from '../../../electron/session/session-export';
import { priorDailyRollingS } from '../../../electron/session/session-history';
import { alreadyStoredText, importRecordingFile, importRecordingText } from '../../../electron/session/session-import';
import { SessionRecorder } from '../../../electron/session/session-recorder';
import { recordSimulation, simulation } from './record-simulation';

const root = mkdtempSync(join(tmpdir(), 'roller-hash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `d${n++}`);
const NOW = Date.parse('2025-03-02T09:00:00Z');
const defaults = motionSettings({});
const count = (store: { db: Database.Database }) => (store.db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n;

describe('content hash', () => {
  it('covers the sample values only: other metadata, number spelling and line endings give the same hash; one changed reading another', () => {
    const sim = simulation('too-fast', { untilS: 3 });
    const a = formatRecordingCsv(sim.samples, { roller_diameter_in: '6' });
    const b = `# something else\r\n${formatRecordingCsv(sim.samples, { roller_diameter_in: '5', source: 'ble' }).replace(/\n/g, '\r\n').replace(/,1,/g, ',1.000,')}`;
    const hashOf = (text: string) => {
      const r = parseRecordingCsv(text);
      if (!r.ok) throw new Error(r.error.message);
      return contentHashOf(r.samples);
    };
    expect(hashOf(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hashOf(b)).toBe(hashOf(a));
    const changed = sim.samples.map((s, i) => (i === 100 ? { ...s, gzDps: s.gzDps + 0.001 } : s));
    expect(contentHashOf(changed)).not.toBe(contentHashOf(sim.samples));
  });
});

describe('import of a recording already stored', () => {
  it('the same file twice: the second adds nothing, names the stored session, and today counts it once', () => {
    const dir = freshDir();
    const { store } = openSessionStore({ dataDir: dir });
    const sim = simulation('too-fast', { untilS: 30 });
    const file = join(dir, 'rec.csv');
    writeFileSync(file, formatRecordingCsv(sim.samples, { started_at: '2025-03-02T08:00:00+01:00' }));
    const first = importRecordingFile(store, file, { settings: defaults, now: NOW });
    expect(first.alreadyStored).toBe(false);
    expect(first.session.contentHash).toBe(contentHashOf(sim.samples));
    const todayBefore = priorDailyRollingS(store, NOW, 60);
    expect(todayBefore).toBeCloseTo(first.session.summary!.rollingS, 6);

    const second = importRecordingFile(store, file, { settings: defaults, now: NOW + 60_000 });
    expect(second.alreadyStored).toBe(true);
    expect(second.session.id).toBe(first.session.id);
    expect(second.samples).toBe(sim.samples.length);
    expect(alreadyStoredText(second.session)).toBe(`already in your sessions: 2025-03-02 08:00, session #${first.session.id}`);
    expect(count(store)).toBe(1);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM sample_batches').get()).toEqual({ n: 1 });
    expect(priorDailyRollingS(store, NOW, 60)).toBe(todayBefore);
    store.close();
  });

  it("a live session's export imported back is recognised: the hash of the export is the session's", () => {
    const dir = freshDir();
    const { store } = openSessionStore({ dataDir: dir });
    const clock = { now: NOW };
    const live = recordSimulation(new SessionRecorder(store, { clock: () => clock.now }), simulation('dwell-20s'), clock, { startedAt: NOW });
    // Recorded by the recorder alone (no hash yet): the export computes and keeps it.
    expect(store.getSession(live.id).contentHash).toBeNull();
    const out = join(dir, 'out');
    mkdirSync(out);
    const files = exportSessionFiles(store, live.id, out);
    const stored = store.getSession(live.id).contentHash;
    expect(stored).toBe(contentHashOf(live.decoded));
    expect(stored).toBe(computeSessionContentHash(store, store.getSession(live.id)).hash);
    const read = parseRecordingCsv(readFileSync(files.csvPath, 'utf8'));
    if (!read.ok) throw new Error(read.error.message);
    expect(contentHashOf(read.samples)).toBe(stored);
    expect((JSON.parse(readFileSync(files.jsonPath, 'utf8')) as { session: { contentHash: string } }).session.contentHash).toBe(stored);

    const again = importRecordingFile(store, files.csvPath, { settings: defaults, now: NOW + 3_600_000 });
    expect(again).toMatchObject({ alreadyStored: true, session: { id: live.id, source: 'simulator' } });
    expect(count(store)).toBe(1);
    store.close();
  });

  it('an imported session exported and imported again is recognised too (export → import → export → import)', () => {
    const dir = freshDir();
    const { store } = openSessionStore({ dataDir: dir });
    const sim = simulation('too-fast', { untilS: 10 });
    const { session } = importRecordingText(store, formatRecordingCsv(sim.samples), { fileName: 'a.csv', settings: defaults, now: NOW });
    const files = exportSessionFiles(store, session.id, dir);
    const r = importRecordingFile(store, files.csvPath, { settings: defaults, now: NOW });
    expect(r).toMatchObject({ alreadyStored: true, session: { id: session.id } });
    expect(count(store)).toBe(1);
    store.close();
  });

  it('a session stored at schema version 4 (no hash) is recognised after the migration, and keeps its hash', () => {
    const dir = freshDir();
    openSessionStore({ dataDir: dir }).store.close();
    rmSync(join(dir, 'roller.sqlite'));
    const v4 = new Database(join(dir, 'roller.sqlite'));
    migrate(v4, 4);
    const sim = simulation('too-fast', { untilS: 20 });
    v4.prepare(
      `INSERT INTO sessions (started_at, utc_offset_min, ended_at, end_reason, source, settings, engine_version, data_kind, rolling_s)
       VALUES (?, 60, ?, 'completed', 'import', ?, 'motion-1', 'samples', 12.5)`,
    ).run(NOW - 86_400_000, NOW - 86_400_000 + 20_000, JSON.stringify(defaults));
    v4.prepare('INSERT INTO sample_batches (session_id, seq, sample_count, t_first, t_last, data) VALUES (1, 0, ?, ?, ?, ?)').run(
      sim.samples.length,
      sim.samples[0]!.tS,
      sim.samples.at(-1)!.tS,
      encodeSampleBatch(sim.samples),
    );
    v4.close();

    const { store, migratedFrom } = openSessionStore({ dataDir: dir });
    expect(migratedFrom).toBe(4);
    expect(store.getSession(1)).toMatchObject({ id: 1, contentHash: null, note: null, endReason: 'completed' });
    const r = importRecordingText(store, formatRecordingCsv(sim.samples), { fileName: 'again.csv', settings: defaults, now: NOW });
    expect(r).toMatchObject({ alreadyStored: true, session: { id: 1 } });
    expect(store.getSession(1).contentHash).toBe(contentHashOf(sim.samples));
    expect(count(store)).toBe(1);
    // Another recording of the same length is not taken for it.
    const other = sim.samples.map((s) => ({ ...s, axG: s.axG + 0.5 }));
    expect(importRecordingText(store, formatRecordingCsv(other), { fileName: 'other.csv', settings: defaults, now: NOW }).alreadyStored).toBe(false);
    expect(count(store)).toBe(2);
    store.close();
  });
});

describe('the day an imported session counts for', () => {
  it('is the day it was recorded: one from yesterday adds nothing to today, and its own day counts it', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const sim = simulation('too-fast', { untilS: 30 });
    const yesterday = importRecordingText(store, formatRecordingCsv(sim.samples, { started_at: '2025-03-01T18:00:00+01:00' }), { fileName: 'y.csv', settings: defaults, now: NOW }).session;
    expect(yesterday.summary!.rollingS).toBeGreaterThan(0);
    expect(priorDailyRollingS(store, NOW, 60)).toBe(0);
    expect(priorDailyRollingS(store, Date.parse('2025-03-01T22:00:00Z'), 60)).toBeCloseTo(yesterday.summary!.rollingS, 6);
    store.close();
  });
});

describe('content hash: the exact definition', () => {
  it('is SHA-256 over each sample as seven little-endian float64 numbers, across block boundaries', () => {
    const samples = Array.from({ length: 2500 }, (_, i) => ({ tS: i / 100, axG: -0.5 + i * 1e-4, ayG: 0.25, azG: 1, gxDps: i % 7, gyDps: -3.5, gzDps: 1e-9 * i }));
    const bytes = Buffer.alloc(samples.length * 56);
    samples.forEach((s, i) => [s.tS, s.axG, s.ayG, s.azG, s.gxDps, s.gyDps, s.gzDps].forEach((v, k) => bytes.writeDoubleLE(v, i * 56 + k * 8)));
    expect(contentHashOf(samples)).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
  });
});
