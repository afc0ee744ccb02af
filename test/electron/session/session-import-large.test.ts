/**
 * Large recordings: the streamed import of a 200 000-line file (the same session as the
 * analysis of the whole recording in memory), whole or nothing when a line near the end is bad
 * (also when the file changes between the import's two passes, after batches were written),
 * and the documented limits.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-reader';
import { motionSettings } from '../../../electron/motion/motion-settings';
import { IMPORT_LIMITS, IMPORT_MAX_BYTES } from '../../../electron/session/import-limits';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { loadSessionSamples, loadSessionTrack } from '../../../electron/session/session-data';
import { importRecording, importRecordingFile, importRecordingText } from '../../../electron/session/session-import';
import type { SessionStore } from '../../../electron/session/session-store';
import { SessionStoreError } from '../../../electron/session/store-error';
import { analyzeForStorage } from '../../../electron/session/stored-analysis';
import { decimateTrack } from '../../../electron/session/track-decimation';
import { writeLongRecording } from '../../support/long-recording';

const root = mkdtempSync(join(tmpdir(), 'roller-import-large-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const NOW = Date.parse('2025-03-02T09:00:00Z');
const defaults = motionSettings({});
const LINES = 200_000;
let n = 0;
const freshStore = () => openSessionStore({ dataDir: join(root, `d${n++}`) }).store;

function thrown(f: () => unknown): SessionStoreError {
  try {
    f();
  } catch (err) {
    if (err instanceof SessionStoreError) return err;
    throw err;
  }
  throw new Error('expected a SessionStoreError');
}

function storesNothing(store: SessionStore): void {
  expect(store.listSessions()).toEqual([]);
  for (const table of ['sample_batches', 'track_batches', 'events']) expect(store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
}

describe('import of a large recording', () => {
  const file = join(root, 'long.csv');
  writeLongRecording(file, { lines: LINES, rateHz: 200, metadata: { started_at: '2025-03-01T18:00:00+01:00' } });

  it('streams 200 000 lines into the same session the whole recording analysed in memory gives', () => {
    const store = freshStore();
    const r = importRecordingFile(store, file, { settings: defaults, now: NOW });
    expect(r.samples).toBe(LINES);
    const read = parseRecordingCsv(readFileSync(file, 'utf8'));
    if (!read.ok) throw new Error(read.error.message);
    expect(loadSessionSamples(store, r.session).samples).toEqual(read.samples);
    const whole = analyzeForStorage(read.samples, r.session.settings, NOW);
    expect(r.session.summary).toEqual(whole.write.summary);
    expect(store.events(r.session.id)).toEqual(whole.write.events);
    expect(loadSessionTrack(store, r.session.id).length).toBe(decimateTrack(whole.analysis.track).length);
    expect(store.counts(r.session.id)).toMatchObject({ samples: LINES, events: whole.write.events.length });
    store.close();
  });

  it('a bad line near the end stores nothing, and the error names it', () => {
    const store = freshStore();
    const bad = join(root, 'bad-end.csv');
    const at = LINES - 7;
    const { firstDataLine } = writeLongRecording(bad, { lines: LINES, rateHz: 200, badLine: { index: at, text: 'zz,0.01,-0.02,0.98,1.5,0.5,0.25' } });
    const line = firstDataLine + at - 1;
    expect(thrown(() => importRecordingFile(store, bad, { settings: defaults, now: NOW })).message).toBe(`${bad}: line ${line}, column 1 (t_s): "zz" is not a number; nothing was imported`);
    storesNothing(store);
    store.close();
  });

  it('a file that changes between the two passes stores nothing, though batches were already written', () => {
    const store = freshStore();
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const last = lines.length - 3;
    lines[last] = lines[last]!.replace(/,[^,]*$/, ',oops');
    const changed = lines.join('\n');
    let reads = 0;
    const err = thrown(() => importRecording(store, () => (reads++ === 0 ? [text] : [changed]), { fileName: 'moving.csv', settings: defaults, now: NOW }));
    expect(err.message).toBe(`moving.csv: line ${last + 1}, column 7 (gz_dps): "oops" is not a number; nothing was imported`);
    storesNothing(store);
    reads = 0;
    const shorter = text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1);
    expect(thrown(() => importRecording(store, () => (reads++ === 0 ? [text] : [shorter]), { fileName: 'moving.csv', settings: defaults, now: NOW })).message).toBe(
      'moving.csv: the file changed while it was being imported; nothing was imported',
    );
    storesNothing(store);
    store.close();
  });

  it('refuses a recording beyond the documented limits with a clear message', () => {
    const store = freshStore();
    const H = 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps';
    const rows = Array.from({ length: 6 }, (_, i) => `${i / 100},0,0,1,0,0,0`).join('\n');
    expect(thrown(() => importRecordingText(store, `${H}\n${rows}\n`, { fileName: 'many.csv', settings: defaults, now: NOW, limits: { ...IMPORT_LIMITS, maxSamples: 5 } })).message).toBe(
      'many.csv: line 7: more than 5 samples: a recording may hold at most 5 sample lines; nothing was imported',
    );
    // A file larger than the limit is refused before it is read (a sparse file: no disk used).
    const huge = join(root, 'huge.csv');
    writeFileSync(huge, `${H}\n`);
    truncateSync(huge, IMPORT_MAX_BYTES + 1);
    expect(thrown(() => importRecordingFile(store, huge, { settings: defaults, now: NOW })).message).toBe(
      `${huge}: the file holds ${IMPORT_MAX_BYTES + 1} bytes; an import takes at most ${IMPORT_MAX_BYTES} (4 GiB); nothing was imported`,
    );
    expect(thrown(() => importRecordingFile(store, root, { settings: defaults, now: NOW })).message).toBe(`${root}: is a folder, not a recording`);
    storesNothing(store);
    store.close();
  });
});
