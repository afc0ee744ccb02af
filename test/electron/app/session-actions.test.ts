/**
 * Export, import, re-analysis and delete through the app's requests, on a real session database
 * in a temporary folder: what the History and Review screens do.
 */
import { testRollerApp } from '../../support/test-roller-app';
import { screeningAnswers } from '../../support/screening-answers';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppStore } from '../../../electron/app/open-app-store';
import type { RollerApp } from '../../../electron/app/roller-app';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import { sessionsCommand } from '../../../electron/cli/sessions-command';
import { HistorySchema, ImportResultSchema, MAX_IMPORT_CHUNK_CHARS, ReanalysisResultSchema, parseRequest, type EventPayload } from '../../../electron/ipc/ipc-contract';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { loadSessionSamples } from '../../../electron/session/session-data';
import { writeLongRecording } from '../../support/long-recording';
import { parseRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-reader';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';
import { simulationCsvMetadata } from '../../../electron/sim/csv-metadata';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';

const dir = mkdtempSync(join(tmpdir(), 'roller-actions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The smallest valid PNG header is enough for the export to accept it as an image.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

function makeApp(name: string, extra: { openFolder?: (folder: string) => Promise<string> } = {}) {
  const scheduler = new ManualScheduler();
  const store = openAppStore(join(dir, name));
  const exportFolder = join(dir, name, 'out');
  const app = testRollerApp({ scheduler, store, exportFolder, ...extra });
  const progress: EventPayload<'progress'>[] = [];
  app.on('progress', (p) => progress.push(p));
  app.start();
  return { scheduler, app, exportFolder, progress };
}

async function importText(app: RollerApp, fileName: string, text: string, pieceChars: number) {
  const { uploadId } = await app.handle('import.begin', { fileName, bytes: Buffer.byteLength(text) });
  let pieces = 0;
  for (let i = 0; i < text.length; i += pieceChars) await app.handle('import.chunk', { uploadId, index: pieces++, text: text.slice(i, i + pieceChars) });
  return ImportResultSchema.parse(await app.handle('import.finish', { uploadId, pieces }));
}

const sim = simulate(builtInScenario('too-fast'), { seed: 3 });
const csv = formatRecordingCsv(sim.samples, { ...simulationCsvMetadata(sim.meta), started_at: '2026-11-20T18:30:00+01:00' });

describe('past sessions: export, import, re-analyse, delete', () => {
  it('imports a recording sent in pieces, and exports it back as the same samples with a summary and a chart image', async () => {
    const { app, exportFolder, progress } = makeApp('roundtrip');
    const imported = await importText(app, '/home/u/too-fast.csv', csv, 50_000);
    expect(imported.samples).toBe(sim.samples.length);
    expect(imported.session.source).toBe('import');
    expect(imported.session.summary?.eventCounts['too-fast']).toBeGreaterThanOrEqual(3);

    const out = await app.handle('sessions.export', { id: imported.session.id, chartPngBase64: PNG });
    expect(out.folder).toBe(exportFolder);
    expect(out.files.map((f) => f.kind)).toEqual(['csv', 'json', 'track', 'png']);
    for (const f of out.files) expect(existsSync(f.path)).toBe(true);
    const back = parseRecordingCsv(readFileSync(out.files[0]!.path, 'utf8'));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.samples.length).toBe(sim.samples.length);
    expect(back.samples[100]).toEqual(sim.samples[100]);
    const json = JSON.parse(readFileSync(out.files[1]!.path, 'utf8')) as { events: unknown[]; session: { importedFrom: string } };
    expect(json.events.length).toBe(imported.session.summary!.eventCounts['too-fast'] + imported.session.summary!.eventCounts['dwell-nudge']);
    expect(json.session.importedFrom).toBe('too-fast.csv');
    expect([...readFileSync(out.files[3]!.path).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const exportProgress = progress.filter((p) => p.task === 'export').map((p) => p.fraction);
    expect(exportProgress[0]).toBe(0);
    expect(exportProgress.at(-1)).toBe(1);
    await expect(app.handle('sessions.export', { id: imported.session.id, chartPngBase64: Buffer.from('GIF89a').toString('base64') })).rejects.toThrow(/not a PNG/);
    await expect(app.handle('sessions.export', { id: 4242 })).rejects.toThrow(/4242/);
  });

  it('a recording sent in pieces imports exactly as roller sessions import does with the file (same samples, settings, summary, events), and leaves no upload file behind', async () => {
    const file = join(dir, 'long-upload.csv');
    // 60 000 lines (about 6 MB, several 1 MiB pieces cutting lines), with a character of several UTF-8 bytes.
    writeLongRecording(file, { lines: 60_000, rateHz: 200, metadata: { started_at: '2026-11-20T18:30:00+01:00', note: 'Rücken – lang' } });
    const text = readFileSync(file, 'utf8');
    const { app } = makeApp('upload-vs-cli');
    const uploaded = await importText(app, 'long-upload.csv', text, MAX_IMPORT_CHUNK_CHARS);
    expect(uploaded.samples).toBe(60_000);
    expect(readdirSync(join(dir, 'upload-vs-cli', 'import-uploads'))).toEqual([]);

    const cliDir = join(dir, 'upload-vs-cli-cli');
    const io = { stdout: { write: () => undefined }, stderr: { write: () => undefined } };
    expect(await sessionsCommand(['import', file], io, { env: { ROLLER_DATA_DIR: cliDir } })).toBe(0);

    const fromApp = openSessionStore({ dataDir: join(dir, 'upload-vs-cli') }).store;
    const fromCli = openSessionStore({ dataDir: cliDir }).store;
    const a = fromApp.getSession(uploaded.session.id);
    const c = fromCli.listSessions()[0]!;
    expect(a.summary).toEqual(c.summary);
    expect(a.summary!.rollingS).toBeGreaterThan(60);
    expect(a.settings).toEqual(c.settings);
    expect([a.startedAt, a.endedAt, a.origin]).toEqual([c.startedAt, c.endedAt, { ...c.origin!, fileName: 'long-upload.csv' }]);
    expect(a.origin!.metadata['note']).toBe('Rücken – lang');
    expect(fromApp.events(a.id)).toEqual(fromCli.events(c.id));
    expect(fromApp.counts(a.id)).toEqual(fromCli.counts(c.id));
    expect(loadSessionSamples(fromApp, a).samples).toEqual(loadSessionSamples(fromCli, c).samples);
    fromApp.close();
    fromCli.close();
  });

  it('refuses a damaged recording, naming the file line, and stores nothing', async () => {
    const { app } = makeApp('bad');
    const lines = csv.split('\n');
    const bad = lines.findIndex((l) => !l.startsWith('#') && /^\d/.test(l)) + 5;
    lines[bad] = lines[bad]!.replace(/,[^,]*$/, ',oops');
    const text = lines.join('\n');
    await expect(importText(app, 'bad.csv', text, 70_000)).rejects.toThrow(new RegExp(`bad\\.csv: line ${bad + 1}, column \\d+ \\(\\w+\\).*nothing was imported`));
    expect(HistorySchema.parse(await app.handle('history.get', { days: 3660 })).sessions).toHaveLength(0);
    expect(readdirSync(join(dir, 'bad', 'import-uploads'))).toEqual([]);
    // Pieces out of order are refused too.
    const { uploadId } = await app.handle('import.begin', { fileName: 'x.csv', bytes: 10 });
    await expect(app.handle('import.chunk', { uploadId, index: 1, text: 'abc' })).rejects.toThrow(/piece 1 arrived, expected piece 0/);
  });

  it('re-analyses with the current coaching settings and keeps the roller it was recorded with', async () => {
    const { app } = makeApp('reanalyze');
    const imported = await importText(app, 'too-fast.csv', csv, 1_000_000);
    const before = imported.session.summary!.eventCounts['too-fast'];
    // A stricter limit catches more strokes; a different roller in the profile must not change the distances.
    await app.handle('profile.update', { speedLimitInPerS: 0.5, rollerDiameterIn: 4 });
    const r = ReanalysisResultSchema.parse(await app.handle('sessions.reanalyze', { id: imported.session.id }));
    expect(r.samples).toBe(sim.samples.length);
    expect(r.before.summary?.eventCounts['too-fast']).toBe(before);
    expect(r.session.summary!.eventCounts['too-fast']).toBeGreaterThan(before);
    expect(r.session.summary!.distanceCm).toBeCloseTo(imported.session.summary!.distanceCm, 6);
    const review = await app.handle('review.get', { id: imported.session.id });
    expect(review.settings.speedLimitInPerS).toBe(0.5);
    expect(review.settings.rollerDiameterIn).toBe(sim.meta.rollerDiameterIn);
  });

  it('erases everything on request: sessions, profile, screening; the app starts over', async () => {
    const { app, scheduler } = makeApp('erase');
    await app.handle('screening.submit', screeningAnswers());
    await app.handle('profile.update', { bodyHeightCm: 160 });
    await importText(app, 'too-fast.csv', csv, 1_000_000);
    expect(app.snapshot().storage).toEqual({ dataFolder: join(dir, 'erase'), exportFolder: join(dir, 'erase', 'out'), logFile: null });

    await scheduler.drive(app.handle('sensors.useSimulated', { scenario: 'too-fast' }));
    await scheduler.drive(app.handle('session.start', {}));
    await expect(app.handle('data.eraseAll', { confirm: 'erase everything' })).rejects.toThrow(/stop it before erasing/);
    await scheduler.drive(app.handle('session.stop', { reason: 'completed' }));

    writeFileSync(join(dir, 'erase', 'roller.sqlite.damaged-20260101T000000Z'), 'old data');
    const { uploadId } = await app.handle('import.begin', { fileName: 'waiting.csv', bytes: 100 });
    await app.handle('import.chunk', { uploadId, index: 0, text: 't_s,ax_g' });
    expect(readdirSync(join(dir, 'erase', 'import-uploads'))).toHaveLength(1);
    writeFileSync(join(dir, 'erase', 'roller.sqlite.foreign-20260101T000000Z'), 'not ours');
    await scheduler.drive(app.handle('data.eraseAll', { confirm: 'erase everything' }));
    expect(existsSync(join(dir, 'erase', 'roller.sqlite.damaged-20260101T000000Z'))).toBe(false);
    expect(existsSync(join(dir, 'erase', 'roller.sqlite.foreign-20260101T000000Z'))).toBe(true);
    expect(existsSync(join(dir, 'erase', 'import-uploads'))).toBe(false);
    expect(HistorySchema.parse(await app.handle('history.get', { days: 3660 })).sessions).toHaveLength(0);
    const snap = app.snapshot();
    expect(snap.screening).toBeNull();
    expect(snap.profile.bodyHeightCm).not.toBe(160);
    expect(snap.connection.source).toBeNull();
    await scheduler.drive(app.dispose());
  });

  it('deletes a session for good, but never the one being recorded', async () => {
    const { app, scheduler } = makeApp('delete');
    const imported = await importText(app, 'too-fast.csv', csv, 1_000_000);
    await app.handle('sessions.delete', { id: imported.session.id });
    expect(HistorySchema.parse(await app.handle('history.get', { days: 3660 })).sessions).toHaveLength(0);
    await expect(app.handle('review.get', { id: imported.session.id })).rejects.toThrow(new RegExp(String(imported.session.id)));

    await scheduler.drive(app.handle('sensors.useSimulated', { scenario: 'too-fast' }));
    const live = await scheduler.drive(app.handle('session.start', {}));
    await scheduler.advanceByAsync(3_000);
    await expect(app.handle('sessions.delete', { id: live.sessionId! })).rejects.toThrow(/being recorded right now/);
    await expect(app.handle('sessions.reanalyze', { id: live.sessionId! })).rejects.toThrow(/being recorded right now/);
    await scheduler.drive(app.handle('session.stop', { reason: 'completed' }));
    await scheduler.drive(app.dispose());
  });

  it('the same recording imported twice, and a live session exported and imported back: already stored, nothing added', async () => {
    const { app, scheduler } = makeApp('twice');
    const first = await importText(app, 'too-fast.csv', csv, 1_000_000);
    expect(first.alreadyStored).toBe(false);
    expect(first.session).toMatchObject({ imported: true, importedFrom: 'too-fast.csv', note: null });
    const second = await importText(app, 'copy of too-fast.csv', csv, 1_000_000);
    expect(second).toMatchObject({ alreadyStored: true, session: { id: first.session.id } });

    // A session recorded live is hashed when it ends: its export is recognised.
    await scheduler.drive(app.handle('screening.submit', screeningAnswers()));
    await scheduler.drive(app.handle('sensors.useSimulated', { scenario: 'too-fast' }));
    const live = await scheduler.drive(app.handle('session.start', {}));
    await scheduler.advanceByAsync(4_000);
    await scheduler.drive(app.handle('session.stop', { reason: 'completed' }));
    const out = await scheduler.drive(app.handle('sessions.export', { id: live.sessionId! }));
    const exported = readFileSync(out.files.find((f) => f.kind === 'csv')!.path, 'utf8');
    const again = await importText(app, 'exported.csv', exported, 1_000_000);
    expect(again).toMatchObject({ alreadyStored: true, session: { id: live.sessionId!, imported: false } });
    expect(HistorySchema.parse(await app.handle('history.get', { days: 3660 })).sessions).toHaveLength(2);
    await scheduler.drive(app.dispose());
  });

  it("a recording without started_at counts for the day its file was last modified (the renderer sends the file's time)", async () => {
    const { app, scheduler } = makeApp('file-time');
    const plain = formatRecordingCsv(sim.samples);
    const modified = Date.parse('2026-11-01T20:00:00Z');
    const { uploadId } = await app.handle('import.begin', { fileName: 'old.csv', bytes: Buffer.byteLength(plain), lastModifiedMs: modified });
    await app.handle('import.chunk', { uploadId, index: 0, text: plain });
    const r = ImportResultSchema.parse(await app.handle('import.finish', { uploadId, pieces: 1 }));
    expect(Date.parse(r.session.startedAt)).toBe(modified - Math.round((sim.samples.at(-1)!.tS - sim.samples[0]!.tS) * 1000));
    await scheduler.drive(app.dispose());
  });

  it('saves a note, shows it in history and review, and refuses a bad one at the request boundary naming the field', async () => {
    const { app, scheduler } = makeApp('notes');
    const { session } = await importText(app, 'too-fast.csv', csv, 1_000_000);
    const saved = await app.handle('notes.save', { id: session.id, note: { discomfort: 5, pain: true, numbness: false, text: 'left side sore' } });
    expect(saved.note).toMatchObject({ discomfort: 5, pain: true, numbness: false, text: 'left side sore' });
    expect(HistorySchema.parse(await app.handle('history.get', { days: 3660 })).sessions[0]!.note).toMatchObject({ discomfort: 5 });
    expect((await app.handle('review.get', { id: session.id })).session.note).toMatchObject({ text: 'left side sore' });
    const bad = (note: unknown) => parseRequest('notes.save', { id: session.id, note });
    expect(bad({ discomfort: 12, pain: false, numbness: false, text: '' })).toEqual({ ok: false, error: 'notes.save: note.discomfort: must be a whole number from 0 to 10' });
    expect(bad({ discomfort: null, pain: false, numbness: false, text: 'x'.repeat(2001) })).toEqual({ ok: false, error: 'notes.save: note.text: must be at most 2000 characters' });
    expect(bad({ discomfort: null, pain: false, numbness: false, text: '', extra: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/^notes\.save: note: .*extra/) as unknown });
    await expect(app.handle('notes.save', { id: 4242, note: { discomfort: null, pain: false, numbness: false, text: 'x' } })).rejects.toThrow('there is no session 4242');
    await scheduler.drive(app.dispose());
  });

  it('opens the export folder, and only that one, where the host can; the browser host says where the files are instead', async () => {
    const opened: string[] = [];
    const desktop = makeApp('open-folder', { openFolder: (folder) => Promise.resolve(opened.push(folder) > 1 ? 'no file manager' : '') });
    expect(await desktop.app.handle('exports.openFolder', {})).toEqual({ folder: desktop.exportFolder });
    expect(opened).toEqual([desktop.exportFolder]);
    await expect(desktop.app.handle('exports.openFolder', {})).rejects.toThrow(`cannot open ${desktop.exportFolder}: no file manager`);
    expect(parseRequest('exports.openFolder', { folder: '/etc' })).toMatchObject({ ok: false });
    await desktop.scheduler.drive(desktop.app.dispose());
    const browser = makeApp('open-folder-browser');
    await expect(browser.app.handle('exports.openFolder', {})).rejects.toThrow(/cannot open folders: the exports are in .*open-folder-browser/);
    await browser.scheduler.drive(browser.app.dispose());
  });
});
