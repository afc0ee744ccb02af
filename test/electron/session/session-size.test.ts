import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';
import { motionSettings } from '../../../electron/motion/motion-settings';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { importRecordingText } from '../../../electron/session/session-import';
import { SessionRecorder } from '../../../electron/session/session-recorder';
import { recordSimulation, simulation } from './record-simulation';

const root = mkdtempSync(join(tmpdir(), 'roller-size-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const MB = 1024 * 1024;

/** Bytes on disk: database file plus whatever is left in the WAL. */
function bytesOnDisk(dir: string): number {
  const f = (name: string) => {
    try {
      return statSync(join(dir, name)).size;
    } catch {
      return 0;
    }
  };
  return f('roller.sqlite') + f('roller.sqlite-wal');
}

describe('size on disk', () => {
  it('10 minutes at 100 Hz, one sample per frame, raw frames + 25 Hz track + events: ≤ 2 MB', () => {
    const dir = join(root, 'frames');
    const { store } = openSessionStore({ dataDir: dir });
    const empty = bytesOnDisk(dir);
    const clock = { now: Date.parse('2025-03-01T18:30:00Z') };
    const sim = simulation('ten-minute-mixed', { samplesPerFrame: 1 });
    expect(sim.meta.durationS).toBeGreaterThan(600);
    const r = recordSimulation(new SessionRecorder(store, { clock: () => clock.now }), sim, clock, { startedAt: clock.now });
    store.checkpoint('TRUNCATE');
    const bytes = bytesOnDisk(dir) - empty;
    const per10Min = (bytes * 600) / sim.meta.durationS;
    expect(store.counts(r.id).frames).toBe(sim.frames.length);
    expect(per10Min).toBeLessThanOrEqual(2 * MB);
    expect(per10Min).toBeGreaterThan(0.3 * MB); // sanity: the data is really there
    store.close();
  });

  it('10 minutes at 100 Hz imported from a CSV (stored samples): ≤ 2 MB', () => {
    const dir = join(root, 'samples');
    const { store } = openSessionStore({ dataDir: dir });
    const empty = bytesOnDisk(dir);
    const sim = simulation('ten-minute-mixed');
    importRecordingText(store, formatRecordingCsv(sim.samples), { fileName: 'ten.csv', settings: motionSettings({}), now: Date.now() });
    store.checkpoint('TRUNCATE');
    const per10Min = ((bytesOnDisk(dir) - empty) * 600) / sim.meta.durationS;
    expect(per10Min).toBeLessThanOrEqual(2 * MB);
    store.close();
  });
});
