import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-reader';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';
import { motionSettings } from '../../../electron/motion/motion-settings';
import { simulationCsvMetadata } from '../../../electron/sim/csv-metadata';
import { MOTION_ENGINE_VERSION } from '../../../electron/session/engine-version';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { loadSessionSamples, loadSessionTrack } from '../../../electron/session/session-data';
import { exportSessionFiles, localIsoTime, sessionCsvChunks } from '../../../electron/session/session-export';
import { roundedForJson } from '../../../electron/session/json-numbers';
import { importRecordingFile, importRecordingText } from '../../../electron/session/session-import';
import { reanalyzeSession } from '../../../electron/session/session-reanalysis';
import { SessionRecorder } from '../../../electron/session/session-recorder';
import { SessionStoreError } from '../../../electron/session/store-error';
import { recordSimulation, simulation } from './record-simulation';

const root = mkdtempSync(join(tmpdir(), 'roller-import-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `d${n++}`);
const NOW = Date.parse('2025-03-02T09:00:00Z');
const defaults = motionSettings({});

function thrown(f: () => unknown): SessionStoreError {
  try {
    f();
  } catch (err) {
    if (err instanceof SessionStoreError) return err;
    throw err;
  }
  throw new Error('expected a SessionStoreError');
}

describe('import', () => {
  it('a good recording becomes a completed session analysed with the current engine', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const sim = simulation('neck-excursion');
    const text = formatRecordingCsv(sim.samples, { ...simulationCsvMetadata(sim.meta), started_at: '2025-03-01T18:30:00+01:00' });
    const r = importRecordingText(store, text, { fileName: '/home/me/neck.csv', settings: defaults, now: NOW });
    const s = r.session;
    expect(s).toMatchObject({ source: 'import', endReason: 'completed', state: 'ended', dataKind: 'samples', engineVersion: MOTION_ENGINE_VERSION, utcOffsetMin: 60, analyzedAt: NOW });
    expect(s.startedAt).toBe(Date.parse('2025-03-01T17:30:00Z'));
    expect(s.endedAt! - s.startedAt).toBeCloseTo((sim.samples.at(-1)!.tS - sim.samples[0]!.tS) * 1000, -1);
    expect(s.origin).toMatchObject({ fileName: 'neck.csv', metadata: { scenario: 'neck-excursion', source: 'simulator' } });
    // The recording's diameter and spine map were used.
    expect(s.settings).toMatchObject({ rollerDiameterIn: sim.meta.rollerDiameterIn, neckAboveCm: sim.meta.spineMap.neckAboveCm });
    expect(s.summary!.eventCounts.neck).toBeGreaterThan(0);
    expect(store.events(s.id).some((e) => e.kind === 'neck')).toBe(true);
    expect(loadSessionSamples(store, s).samples).toEqual(sim.samples);
    expect(loadSessionTrack(store, s.id).length).toBeGreaterThan(sim.meta.durationS * 24);
    store.close();
  });

  it('without started_at, a recording file is taken to have ended when it was last modified', () => {
    const dir = freshDir();
    const { store } = openSessionStore({ dataDir: dir });
    const sim = simulation('too-fast', { untilS: 30 });
    const file = join(dir, 'old.csv');
    writeFileSync(file, formatRecordingCsv(sim.samples));
    const modified = Date.parse('2025-02-20T10:00:00Z');
    utimesSync(file, modified / 1000, modified / 1000);
    const s = importRecordingFile(store, file, { settings: defaults, now: NOW }).session;
    expect(s.endedAt).toBe(modified);
    expect(s.startedAt).toBe(modified - Math.round((sim.samples.at(-1)!.tS - sim.samples[0]!.tS) * 1000));
    store.close();
  });

  it('a bad recording imports nothing and the error names the line and column', () => {
    const dir = freshDir();
    const { store } = openSessionStore({ dataDir: dir });
    const sim = simulation('too-fast', { untilS: 20 });
    const lines = formatRecordingCsv(sim.samples, { roller_diameter_in: '6' }).split('\n');
    lines[1500] = lines[1500]!.replace(/,[^,]+,/, ',abc,');
    const file = join(dir, 'bad.csv');
    writeFileSync(file, lines.join('\n'));
    const err = thrown(() => importRecordingFile(store, file, { settings: defaults, now: NOW }));
    expect(err.kind).toBe('bad-import');
    expect(err.message).toBe(`${file}: line 1501, column 2 (ax_g): "abc" is not a number; nothing was imported`);
    expect(store.listSessions()).toEqual([]);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM sample_batches').get()).toEqual({ n: 0 });

    expect(thrown(() => importRecordingText(store, 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n', { fileName: 'empty.csv', settings: defaults, now: NOW })).message).toBe(
      'empty.csv: the recording holds no samples; nothing was imported',
    );
    expect(
      thrown(() => importRecordingText(store, '# roller_diameter_in=12\nt_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n', { fileName: 'big.csv', settings: defaults, now: NOW })).message,
    ).toMatch(/^big\.csv: line 1: metadata roller_diameter_in=12 gives invalid settings \(rollerDiameterIn: .*\); nothing was imported$/);
    expect(thrown(() => importRecordingFile(store, join(dir, 'missing.csv'), { settings: defaults, now: NOW })).message).toMatch(/missing\.csv: no such file$/);
    expect(store.listSessions()).toEqual([]);

    // A bad well-known value is noted once, with its line, and the import goes ahead.
    const noted = importRecordingText(store, '# started_at=yesterday\nt_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n0.01,0,0,1,0,0,0\n', {
      fileName: 'when.csv',
      settings: defaults,
      now: NOW,
    });
    expect(noted.warnings).toHaveLength(1);
    expect(noted.warnings[0]).toMatch(/^line 1: metadata started_at="yesterday"/);
    store.close();
  });

  it('refuses far-apart sample times at once, naming the line, instead of analysing the time between them (found by fuzzing)', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const H = 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps';
    const rows = (ts: number[]) => ts.map((t) => `${t},0,0,1,0,0,0`).join('\n');
    // Times beyond ±1e10 s used to loop for ever (a track step no longer changes them); a day's gap took seconds and half a gigabyte.
    expect(thrown(() => importRecordingText(store, `${H}\n${rows([1e15, 1e15 + 0.25])}\n`, { fileName: 'far.csv', settings: defaults, now: NOW })).message).toBe(
      'far.csv: line 2, column 1 (t_s): t_s "1000000000000000" is too far from zero: sample times must lie within ±10000000000 s; nothing was imported',
    );
    expect(thrown(() => importRecordingText(store, `# a=b\n${H}\n${rows([0, 0.01, 86_400])}\n`, { fileName: 'day.csv', settings: defaults, now: NOW })).message).toBe(
      'day.csv: line 5, column 1 (t_s): t_s "86400" is 86400 s after the first sample (line 3): a recording may span at most 43200 s; nothing was imported',
    );
    expect(store.listSessions()).toEqual([]);
    // Within the limits: times far from zero, and an hour's gap.
    expect(importRecordingText(store, `${H}\n${rows([1.7e9, 1.7e9 + 0.01, 1.7e9 + 3600])}\n`, { fileName: 'ok.csv', settings: defaults, now: NOW }).samples).toBe(3);
    store.close();
  });

  it('a failure half-way through the write leaves nothing behind (one transaction)', () => {
    const dir = freshDir();
    const opened = openSessionStore({ dataDir: dir });
    const pages = opened.store.db.pragma('page_count', { simple: true }) as number;
    opened.store.close();
    const { store } = openSessionStore({ dataDir: dir, maxPageCount: pages + 20 });
    const sim = simulation('good-slow-session');
    const err = thrown(() => importRecordingText(store, formatRecordingCsv(sim.samples), { fileName: 'long.csv', settings: defaults, now: NOW }));
    expect(err.kind).toBe('disk-full');
    expect(store.listSessions()).toEqual([]);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM sample_batches').get()).toEqual({ n: 0 });
    store.close();
  });
});

describe('export', () => {
  it('writes a recording CSV, a JSON summary and the track; importing the CSV elsewhere gives the same samples and results', () => {
    const dir = freshDir();
    const { store } = openSessionStore({ dataDir: dir });
    const clock = { now: NOW };
    const live = recordSimulation(new SessionRecorder(store, { clock: () => clock.now }), simulation('dwell-20s'), clock, { startedAt: NOW });
    const out = join(dir, 'out');
    mkdirSync(out);
    const files = exportSessionFiles(store, live.id, out);
    expect(files.csvPath).toBe(join(out, `roller-session-${live.id}-2025-03-02.csv`));
    expect(readdirSync(out).sort()).toEqual([`roller-session-${live.id}-2025-03-02-track.json`, `roller-session-${live.id}-2025-03-02.csv`, `roller-session-${live.id}-2025-03-02.json`]);
    expect(files.samples).toBe(live.decoded.length);
    const json = JSON.parse(readFileSync(files.jsonPath, 'utf8')) as Record<string, unknown>;
    expect(json['session']).toMatchObject({ id: live.id, endReason: 'completed', source: 'simulator', startedAt: localIsoTime(NOW, 60), imported: false, importedFrom: null });
    // Numbers as the one rounding writes them (electron/session/json-numbers.ts).
    expect(json['summary']).toEqual(roundedForJson(live.summary));
    const origin = (json['session'] as { timeOriginT: number }).timeOriginT;
    expect(json['events']).toEqual(roundedForJson(live.events.map((e) => ({ ...e, sinceStartS: e.t - origin }))));
    expect(json['settings']).toEqual(roundedForJson(live.settings));
    expect(json['stored']).toMatchObject({ frames: live.decoded.length, dataKind: 'frames' });
    expect(json['note']).toBeNull();

    // Round trip: the exported CSV imported into another data folder (the same one recognises it, see content-hash.test.ts).
    const other = openSessionStore({ dataDir: freshDir() }).store;
    const imported = importRecordingFile(other, files.csvPath, { settings: defaults, now: NOW }).session;
    const liveStored = store.getSession(live.id);
    expect(imported.contentHash).toBe(liveStored.contentHash);
    expect(loadSessionSamples(other, imported).samples).toEqual(live.decoded);
    expect(imported.startedAt).toBe(NOW);
    expect(imported.settings.neckAboveCm).toBe(live.settings.neckAboveCm);
    expect(other.events(imported.id).map((e) => e.kind)).toEqual(live.events.map((e) => e.kind));
    expect(imported.summary!.eventCounts).toEqual(live.summary.eventCounts);
    // And exported again: the same data lines.
    const again = exportSessionFiles(other, imported.id, join(out, '..'));
    const body = (p: string) =>
      readFileSync(p, 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith('#'));
    expect(body(again.csvPath)).toEqual(body(files.csvPath));
    const meta = parseRecordingCsv(readFileSync(again.csvPath, 'utf8'));
    expect(meta.ok && meta.metadata['source']).toBe('import');
    expect(meta.ok && meta.metadata['imported_from']).toBe(`roller-session-${live.id}-2025-03-02.csv`);
    other.close();
    store.close();
  });

  it('exports an import whose metadata the writer would refuse as it was read (found by fuzzing)', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const sim = simulation('too-fast', { untilS: 2 });
    const many = Array.from({ length: 250 }, (_, k) => `# key_${k}=v`).join('\n');
    const text = `# note=a\u0001b\n#long=${'v'.repeat(4090)}\n${many}\n${formatRecordingCsv(sim.samples)}`;
    const { session } = importRecordingText(store, text, { fileName: 'odd.csv', settings: defaults, now: NOW });
    const csv = [...sessionCsvChunks(store, session)].join('');
    const read = parseRecordingCsv(csv);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.samples).toEqual(sim.samples);
    expect(read.metadata['note']).toBe('a b');
    expect(read.metadata['long']).toBeUndefined();
    expect(read.metadata['key_0']).toBe('v');
    expect(Object.keys(read.metadata).length).toBeLessThanOrEqual(256);
    expect(read.metadata['session_id']).toBe(String(session.id));
    store.close();
  });

  it('fails cleanly for a missing session or an unwritable folder', () => {
    const dir = freshDir();
    const { store } = openSessionStore({ dataDir: dir });
    expect(thrown(() => exportSessionFiles(store, 42, dir)).message).toBe('there is no session 42');
    const sim = simulation('too-fast', { untilS: 5 });
    const { session } = importRecordingText(store, formatRecordingCsv(sim.samples), { fileName: 'a.csv', settings: defaults, now: NOW });
    const err = thrown(() => exportSessionFiles(store, session.id, join(dir, 'no', 'such', 'folder')));
    expect(err.message).toMatch(/roller-session-1-.*\.csv: cannot write \(ENOENT/);
    expect(existsSync(join(dir, 'no'))).toBe(false);
    store.close();
  });
});

describe('re-analysis', () => {
  it('decodes the stored frames again and replaces track, events and summary when settings change', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const clock = { now: NOW };
    const live = recordSimulation(new SessionRecorder(store, { clock: () => clock.now }), simulation('too-fast'), clock, {
      startedAt: NOW,
      settings: motionSettings({ neckAboveCm: 21, lumbarBelowCm: 14 }),
    });
    expect(live.summary.eventCounts['too-fast']).toBeGreaterThan(0);

    // Same settings, current engine: the same results (the track now from the full decoded stream).
    const same = reanalyzeSession(store, live.id, { now: NOW + 1000 });
    expect(same.samples).toBe(live.decoded.length);
    expect(same.session.summary!.eventCounts).toEqual(live.summary.eventCounts);
    expect(same.session.analyzedAt).toBe(NOW + 1000);
    expect(same.session.engineVersion).toBe(MOTION_ENGINE_VERSION);

    // The research-pace limit: no too-fast warnings any more.
    const faster = motionSettings({ ...live.settings, speedLimitInPerS: 4 });
    const r = reanalyzeSession(store, live.id, { now: NOW + 2000, settings: faster });
    expect(r.before.summary!.eventCounts['too-fast']).toBe(live.summary.eventCounts['too-fast']);
    expect(r.session.summary!.eventCounts['too-fast']).toBe(0);
    expect(store.events(live.id).filter((e) => e.kind === 'too-fast')).toEqual([]);
    expect(store.getSession(live.id).settings.speedLimitInPerS).toBe(4);
    // A bigger roller: positions scale, the raw data is unchanged.
    const big = reanalyzeSession(store, live.id, { now: NOW + 3000, settings: motionSettings({ ...faster, rollerDiameterIn: 8 }) });
    expect(big.session.summary!.distanceCm / r.session.summary!.distanceCm).toBeCloseTo(8 / 6, 1);
    expect(store.counts(live.id).frames).toBe(live.decoded.length);
    store.close();
  });

  it('refuses a session that is still being recorded', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const rec = new SessionRecorder(store);
    const id = rec.start({ source: 'ble', settings: {}, sensorConfig: { sampleRateHz: 100, accelRangeG: 4, gyroRangeDps: 500, samplesPerFrame: 1 } });
    expect(thrown(() => reanalyzeSession(store, id, { now: NOW })).message).toBe(`session ${id} is still being recorded; re-analyse it once it has ended`);
    store.close();
  });
});
