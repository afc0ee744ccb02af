/** The export's track file (docs/export-files.md) and the one rounding of JSON numbers (electron/session/json-numbers.ts). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ZONES } from '../../../electron/motion/spine-map';
import { roundTo, roundedForJson, unitOfKey } from '../../../electron/session/json-numbers';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { loadSessionTrack } from '../../../electron/session/session-data';
import { exportSessionFiles } from '../../../electron/session/session-export';
import { SessionRecorder } from '../../../electron/session/session-recorder';
import { recordSimulation, simulation } from './record-simulation';

const root = mkdtempSync(join(tmpdir(), 'roller-track-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const NOW = Date.parse('2025-03-02T09:00:00Z');

describe('JSON number rounding', () => {
  it('rounds by the unit the key names, inherited by nested values, and leaves other numbers alone', () => {
    expect(roundTo(12.34567, 1)).toBe(12.3);
    expect(roundTo(-0.04, 1)).toBe(0);
    expect(Object.is(roundTo(-0.04, 1), -0)).toBe(false);
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect(roundTo(-0.125, 2)).toBe(-0.13);
    expect(roundTo(1.0005, 3)).toBe(1.001);
    expect(roundTo(0.1 + 0.2, 3)).toBe(0.3);
    expect(['positionCm', 'speedInPerS', 't', 'rollingS', 'withinLimitShare', 'rollerDiameterIn', 'count', 'warnings'].map(unitOfKey)).toEqual([
      'cm',
      'speed',
      'seconds',
      'seconds',
      'share',
      null,
      null,
      null,
    ]);
    expect(
      roundedForJson({
        positionCm: 3.14159,
        speedInPerS: 1.23456,
        t: 2.0004999,
        zoneTimeS: { neck: 1.23456 },
        withinLimitShare: 0.876543,
        rollerDiameterIn: 5.123456,
        n: 7,
        list: [{ deepestCm: 2.449 }],
        name: 'x',
      }),
    ).toEqual({ positionCm: 3.1, speedInPerS: 1.23, t: 2, zoneTimeS: { neck: 1.235 }, withinLimitShare: 0.8765, rollerDiameterIn: 5.123456, n: 7, list: [{ deepestCm: 2.4 }], name: 'x' });
  });
});

describe('export: the track file', () => {
  it('holds every stored track point with position, speed and zone, rounded, in valid JSON', () => {
    const { store } = openSessionStore({ dataDir: join(root, 'a') });
    const clock = { now: NOW };
    const live = recordSimulation(new SessionRecorder(store, { clock: () => clock.now }), simulation('neck-excursion'), clock, { startedAt: NOW });
    const files = exportSessionFiles(store, live.id, root);
    expect(files.trackPath).toBe(join(root, `roller-session-${live.id}-2025-03-02-track.json`));
    const text = readFileSync(files.trackPath, 'utf8');
    const track = JSON.parse(text) as { format: string; version: number; sessionId: number; pointsPerSecond: number; points: { t: number; positionCm: number; speedInPerS: number; zone: string }[] };
    expect(track).toMatchObject({ format: 'roller-session-track', version: 1, sessionId: live.id, pointsPerSecond: 25 });
    const stored = loadSessionTrack(store, live.id);
    expect(track.points).toHaveLength(stored.length);
    const i = Math.floor(stored.length / 2);
    expect(track.points[i]).toEqual({ t: roundTo(stored.t[i]!, 3), positionCm: roundTo(stored.positionCm[i]!, 1), speedInPerS: roundTo(stored.speedInPerS[i]!, 2), zone: ZONES[stored.zone[i]!] });
    expect(new Set(track.points.map((p) => p.zone)).size).toBeGreaterThan(1);
    for (const p of track.points) expect(Math.abs(p.positionCm * 10 - Math.round(p.positionCm * 10))).toBeLessThan(1e-9);
    // One point per line: the file reads well in a text editor and streams.
    expect(text.split('\n').filter((l) => l.includes('"zone"')).length).toBe(stored.length);
    store.close();
  });
});
