/** Erasing everything the user stored: sessions with their notes, profile with screening answers, known sensors. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { SessionRecorder } from '../../../electron/session/session-recorder';
import { recordSimulation, simulation } from './record-simulation';

const root = mkdtempSync(join(tmpdir(), 'roller-erase-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const NOW = Date.parse('2026-11-21T09:00:00Z');

describe('erase all', () => {
  it('removes every session, the profile and known sensors, and leaves no trace in the file', () => {
    const dir = join(root, 'a');
    const { store } = openSessionStore({ dataDir: dir });
    store.updateProfile({ bodyHeightCm: 163, neckAboveCm: 19.5, lumbarBelowCm: 12.25 }, NOW);
    store.rememberSensor({ id: 'aa:bb:cc:dd:ee:ff', name: 'Roller-7F2A', kind: 'roller' }, NOW);
    const clock = { now: NOW };
    const noted = recordSimulation(new SessionRecorder(store, { clock: () => clock.now }), simulation('too-fast', { untilS: 20 }), clock, { startedAt: NOW });
    // A note is personal data too.
    store.saveNote(noted.id, { discomfort: 7, pain: true, numbness: false, text: 'Sharp-twinge-left-shoulder' }, NOW);
    // A live recording blocks the erase…
    const live = new SessionRecorder(store, { clock: () => clock.now });
    const r = recordSimulation(live, simulation('too-fast', { untilS: 2 }), clock, { startedAt: NOW + 60_000, finish: false });
    expect(() => store.eraseAll()).toThrow(new RegExp(`session ${r.id} is being recorded right now`));
    live.finish({ endReason: 'completed', summary: null, endedAt: clock.now });
    const onDisk = () => statSync(store.path).size + (statSync(`${store.path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    const sizeBefore = onDisk();

    store.eraseAll();
    expect(store.listSessions()).toEqual([]);
    expect(store.knownSensors()).toEqual([]);
    expect(store.getProfile().bodyHeightCm).not.toBe(163);
    expect(store.getProfile().screening ?? null).toBeNull();
    expect(onDisk()).toBeLessThan(sizeBefore / 2);
    // The file and its write-ahead log no longer hold the sensor's name.
    const bytes = Buffer.concat([readFileSync(store.path), readFileSync(`${store.path}-wal`, { flag: 'a+' })]);
    expect(bytes.includes(Buffer.from('Roller-7F2A'))).toBe(false);
    expect(bytes.includes(Buffer.from('Sharp-twinge-left-shoulder'))).toBe(false);
    store.close();

    const again = openSessionStore({ dataDir: dir });
    expect(again.store.listSessions()).toEqual([]);
    again.store.close();
  });
});
