/**
 * Fuzz of the session import (electron/session/session-import.ts `importRecordingText`) on a
 * real SQLite store in a temporary folder, with damaged recordings (./recording-csv-mutations.ts)
 * made from a simulated session and from a session export. Each import either succeeds or throws
 * a SessionStoreError ('bad-import') whose message is the reader's (naming the line and column)
 * or names what else is wrong; never another exception. A failed import leaves the store as it
 * was; a successful one can be read back (samples bit for bit, track, events, summary), exported,
 * and the export read again, and analysed again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecordingCsv } from '../../sensor-protocol/recording/recording-csv-reader';
import { motionSettings } from '../../electron/motion/motion-settings';
import { openSessionStore } from '../../electron/session/open-session-store';
import { loadSessionSamples, loadSessionTrack } from '../../electron/session/session-data';
import { sessionCsvChunks } from '../../electron/session/session-export';
import { IMPORT_TIME_LIMITS, importRecordingText } from '../../electron/session/session-import';
import { reanalyzeSession } from '../../electron/session/session-reanalysis';
import { SessionStoreError } from '../../electron/session/store-error';
import { STORED_TRACK_RATE_HZ } from '../../electron/session/track-decimation';
import { caseRandom, Dice, FuzzFailures, fuzzPlan } from './fuzz-harness';
import { mutateCsv, randomChunks, readerResultProblem, sameSamples, simulatedRecordingCsv } from './recording-csv-mutations';

const root = mkdtempSync(join(tmpdir(), 'roller-import-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const NOW = Date.parse('2025-03-02T09:00:00Z');
const FILE = 'fuzzed.csv';
const settings = motionSettings({});
/**
 * Most track points an import may store for a recording: one per sample, plus the stored track
 * rate over the recording's span (the analyzer holds the last estimate through gaps). A loop over
 * time beyond the recording, or a track that grows without bound, breaks it at once; what an
 * import of a large file costs in time is measured by `npm run bench` (import).
 */
const trackPointBound = (samples: readonly { tS: number }[]) => samples.length + Math.ceil(((samples.at(-1)?.tS ?? 0) - (samples[0]?.tS ?? 0)) * STORED_TRACK_RATE_HZ) + 1;

describe('session import fuzz', () => {
  it('damaged recordings import completely or not at all, with an error naming the line', () => {
    const plan = fuzzPlan('session-import', 0x1a9047, 300);
    const failures = new FuzzFailures(plan);
    const { store } = openSessionStore({ dataDir: join(root, 'store'), now: () => NOW });
    // Bases: a simulated recording, and the export of its import (more metadata, the export's own layout).
    const simulated = simulatedRecordingCsv('too-fast', 2);
    const first = importRecordingText(store, simulated, { fileName: 'base.csv', settings, now: NOW });
    const exported = [...sessionCsvChunks(store, first.session)].join('');
    const bases = [simulated, exported];
    const outcomes = { imported: 0, refused: 0 };
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const text = mutateCsv(bases[i % bases.length]!, d);
      failures.run(
        i,
        () => text,
        () => {
          const read = parseRecordingCsv(text, IMPORT_TIME_LIMITS);
          const readProblem = readerResultProblem(text, read, IMPORT_TIME_LIMITS);
          if (readProblem) return failures.add(i, `reader: ${readProblem}`, text);
          const before = store.listSessions().length;
          let result: ReturnType<typeof importRecordingText>;
          try {
            // As a whole text (a file) or in pieces (an upload from the renderer).
            result = importRecordingText(store, d.chance(0.5) ? text : randomChunks(text, d), { fileName: FILE, settings, now: NOW });
          } catch (err) {
            outcomes.refused++;
            if (!(err instanceof SessionStoreError)) return failures.add(i, `threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}, not a SessionStoreError`, text);
            if (err.kind !== 'bad-import') return failures.add(i, `a ${err.kind} error: ${err.message}`, text);
            const expected = !read.ok ? `${FILE}: ${read.error.message}; nothing was imported` : read.samples.length === 0 ? `${FILE}: the recording holds no samples; nothing was imported` : null;
            if (expected !== null && err.message !== expected) return failures.add(i, `message ${JSON.stringify(err.message)}, expected ${JSON.stringify(expected)}`, text);
            // Otherwise: a recording's own setting the engine refuses, named with its metadata line.
            if (expected === null && !/^fuzzed\.csv: line \d+: metadata [a-z_]+=.* gives invalid settings \(.+\); nothing was imported$/.test(err.message))
              return failures.add(i, `unexpected refusal: ${err.message}`, text);
            if (store.listSessions().length !== before) failures.add(i, 'a refused import changed the number of sessions', text);
            return;
          }
          outcomes.imported++;
          if (!read.ok) return failures.add(i, `imported what the reader refuses: ${read.error.message}`, text);
          // The same samples as a stored session (a mutation of the metadata only): recognised, nothing added.
          if (result.alreadyStored) {
            if (store.listSessions().length !== before) failures.add(i, 'a recording already stored added a session', text);
            if (!sameSamples(loadSessionSamples(store, result.session).samples, read.samples)) failures.add(i, 'taken for a stored session with other samples', text);
            return;
          }
          if (store.listSessions().length !== before + 1) failures.add(i, 'an import did not add exactly one session', text);
          // Read it all back.
          const session = store.getSession(result.session.id);
          const back = loadSessionSamples(store, session).samples;
          if (!sameSamples(back, read.samples)) return failures.add(i, 'stored samples differ from the file', text);
          const track = loadSessionTrack(store, session.id);
          if (track.length > trackPointBound(read.samples)) return failures.add(i, `${track.length} track points for ${read.samples.length} samples, more than ${trackPointBound(read.samples)}`, text);
          for (let k = 0; k < track.length; k++) {
            if (!Number.isFinite(track.t[k]!) || !Number.isFinite(track.positionCm[k]!) || !Number.isFinite(track.speedInPerS[k]!)) return failures.add(i, `track point ${k} is not finite`, text);
          }
          for (const e of store.events(session.id)) if (!Number.isFinite(e.t) || !Number.isFinite(e.positionCm)) return failures.add(i, 'an event is not finite', text);
          const summary = session.summary;
          if (!summary || !Object.values(summary).every((v) => (typeof v === 'number' ? Number.isFinite(v) : true))) return failures.add(i, `summary ${JSON.stringify(summary)} not finite`, text);
          if (!Number.isFinite(session.startedAt) || !Number.isFinite(session.endedAt ?? NaN)) return failures.add(i, `start ${session.startedAt} / end ${session.endedAt} not finite`, text);
          // Export it and read the export.
          let csv: string;
          try {
            csv = [...sessionCsvChunks(store, session)].join('');
          } catch (err) {
            return failures.add(i, `export failed: ${(err as Error).message}`, text);
          }
          const again = parseRecordingCsv(csv, IMPORT_TIME_LIMITS);
          if (!again.ok) return failures.add(i, `the export does not read: ${again.error.message}`, text);
          if (!sameSamples(again.samples, read.samples)) return failures.add(i, 'the export holds other samples', text);
          // Now and then: analysed again with other settings, the session still reads.
          if (d.chance(0.25)) {
            const re = reanalyzeSession(store, session.id, { settings: motionSettings({ rollerDiameterIn: 4, speedLimitInPerS: 2 }), now: NOW + 1 });
            if (re.samples !== read.samples.length || store.getSession(session.id).analyzedAt !== NOW + 1) failures.add(i, 're-analysis did not take', text);
          }
        },
      );
    }
    store.close();
    failures.assertNone();
    if (!plan.replaying) expect(outcomes.imported).toBeGreaterThan(plan.indexes.length * 0.1);
    if (!plan.replaying) expect(outcomes.refused).toBeGreaterThan(plan.indexes.length * 0.3);
  });
});
