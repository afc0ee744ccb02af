/** The user's note on a session (electron/session/session-note.ts): stored, read back, checked, removed with the session. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';
import { parseRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-reader';
import { motionSettings } from '../../../electron/motion/motion-settings';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { sessionCsvChunks, sessionSummaryJson } from '../../../electron/session/session-export';
import { importRecordingText } from '../../../electron/session/session-import';
import { NOTE_TEXT_MAX_CHARS } from '../../../electron/session/session-note';
import type { SessionStore } from '../../../electron/session/session-store';
import { SessionStoreError } from '../../../electron/session/store-error';
import { simulation } from './record-simulation';

const root = mkdtempSync(join(tmpdir(), 'roller-notes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const NOW = Date.parse('2025-03-02T09:00:00Z');

function storeWithSession(): { store: SessionStore; id: number } {
  const { store } = openSessionStore({ dataDir: join(root, `d${n++}`) });
  const sim = simulation('too-fast', { untilS: 5 });
  const { session } = importRecordingText(store, formatRecordingCsv(sim.samples), { fileName: 'a.csv', settings: motionSettings({}), now: NOW });
  return { store, id: session.id };
}

function refusal(f: () => unknown): SessionStoreError {
  try {
    f();
  } catch (err) {
    if (err instanceof SessionStoreError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('session notes', () => {
  it('round-trip: saved, read back with the session (text trimmed, time kept), changed, and removed when emptied', () => {
    const { store, id } = storeWithSession();
    expect(store.getSession(id).note).toBeNull();
    const saved = store.saveNote(id, { discomfort: 4, pain: false, numbness: true, text: '  tingling in the left hand\nafter 5 min  ' }, NOW);
    expect(saved.note).toEqual({ discomfort: 4, pain: false, numbness: true, text: 'tingling in the left hand\nafter 5 min', updatedAt: NOW });
    expect(store.listSessions()[0]!.note).toEqual(saved.note);
    expect(store.saveNote(id, { discomfort: null, pain: true, numbness: false, text: '' }, NOW + 1).note).toEqual({ discomfort: null, pain: true, numbness: false, text: '', updatedAt: NOW + 1 });
    expect(store.saveNote(id, { discomfort: null, pain: false, numbness: false, text: '   ' }, NOW + 2).note).toBeNull();
    store.close();
  });

  it('refuses a bad note, naming the field, and keeps the one stored', () => {
    const { store, id } = storeWithSession();
    store.saveNote(id, { discomfort: 2, pain: false, numbness: false, text: 'fine' }, NOW);
    const bad = (note: unknown) => refusal(() => store.saveNote(id, note as never, NOW)).message;
    expect(bad({ discomfort: 11, pain: false, numbness: false, text: '' })).toBe('note: discomfort: must be a whole number from 0 to 10');
    expect(bad({ discomfort: 2.5, pain: false, numbness: false, text: '' })).toBe('note: discomfort: must be a whole number from 0 to 10');
    expect(bad({ discomfort: 2, pain: 'yes', numbness: false, text: '' })).toBe('note: pain: must be true or false');
    expect(bad({ discomfort: 2, pain: false, numbness: false, text: 'x'.repeat(NOTE_TEXT_MAX_CHARS + 1) })).toBe(`note: text: must be at most ${NOTE_TEXT_MAX_CHARS} characters`);
    expect(bad({ discomfort: 2, pain: false, numbness: false })).toBe('note: text: must be text');
    expect(refusal(() => store.saveNote(99, { discomfort: 1, pain: false, numbness: false, text: '' }, NOW)).kind).toBe('not-found');
    expect(store.getSession(id).note).toMatchObject({ discomfort: 2, text: 'fine' });
    store.close();
  });

  it('goes into the export (CSV metadata lines and JSON) and goes with the session when it is deleted', () => {
    const { store, id } = storeWithSession();
    store.saveNote(id, { discomfort: 6, pain: true, numbness: false, text: 'sore\nupper back' }, NOW);
    const session = store.getSession(id);
    const csv = parseRecordingCsv([...sessionCsvChunks(store, session)].join(''));
    if (!csv.ok) throw new Error(csv.error.message);
    expect(csv.metadata).toMatchObject({ note_discomfort: '6', note_pain: 'yes', note_text: 'sore upper back', imported_from: 'a.csv', source: 'import' });
    expect(csv.metadata['note_numbness']).toBeUndefined();
    const json = sessionSummaryJson(store, session);
    expect(json['note']).toEqual({ discomfort: 6, pain: true, numbness: false, text: 'sore\nupper back', updatedAt: '2025-03-02T09:00:00.000Z' });
    expect(json['session']).toMatchObject({ imported: true, importedFrom: 'a.csv' });
    store.deleteSession(id);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE note IS NOT NULL').get()).toEqual({ n: 0 });
    store.close();
  });

  it('comes along when the export is imported into another data folder; metadata that is no note brings none', () => {
    const { store, id } = storeWithSession();
    store.saveNote(id, { discomfort: 8, pain: true, numbness: true, text: 'stopped early\nleft side' }, NOW);
    const csv = [...sessionCsvChunks(store, store.getSession(id))].join('');
    const other = openSessionStore({ dataDir: join(root, `d${n++}`) }).store;
    const imported = importRecordingText(other, csv, { fileName: 'exported.csv', settings: motionSettings({}), now: NOW + 5 }).session;
    expect(imported.note).toEqual({ discomfort: 8, pain: true, numbness: true, text: 'stopped early left side', updatedAt: imported.startedAt });
    const sim = simulation('dwell-20s', { untilS: 3 });
    const odd = importRecordingText(other, formatRecordingCsv(sim.samples, { note_discomfort: '12', note_text: 'x' }), { fileName: 'odd.csv', settings: motionSettings({}), now: NOW }).session;
    expect(odd.note).toBeNull();
    other.close();
    store.close();
  });
});
