/**
 * A recording played back through the app's live path (`sensors.useReplay`): the live points
 * and coaching events a session gets from it are exactly what `roller analyze` finds in the
 * same file with the same settings.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryAppStore } from '../../../electron/app/app-store';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import { analyzeFile } from '../../../electron/cli/analyze-command';
import type { CoachEventMessage, LivePoint } from '../../../electron/ipc/ipc-contract';
import { simulationCsvMetadata } from '../../../electron/sim/csv-metadata';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';
import { profileSettings } from '../../../electron/session/profile';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';
import { noSimulatedRoller, testRollerApp } from '../../support/test-roller-app';

const dir = mkdtempSync(join(tmpdir(), 'roller-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup() {
  const scheduler = new ManualScheduler();
  const app = testRollerApp({ scheduler, store: memoryAppStore(), makeSimulatedNoble: noSimulatedRoller });
  const live: LivePoint[] = [];
  const coach: CoachEventMessage[] = [];
  app.on('live', (b) => live.push(...b.points));
  app.on('coach', (e) => coach.push(e));
  app.start();
  return { scheduler, app, live, coach };
}

describe('replay through the live path', () => {
  it('gives a session the points and events roller analyze finds in the same recording', async () => {
    const sim = simulate(builtInScenario('too-fast'), { seed: 5 });
    const text = formatRecordingCsv(sim.samples, simulationCsvMetadata(sim.meta));
    const file = join(dir, 'too-fast.csv');
    writeFileSync(file, text);

    const t = setup();
    await t.scheduler.drive(t.app.handle('sensors.useReplay', { fileName: 'too-fast.csv', text, speed: 4 }));
    expect(t.app.snapshot().connection).toMatchObject({ name: 'streaming', source: 'replay', description: expect.stringMatching(/too-fast\.csv/) });
    await t.scheduler.drive(t.app.handle('session.start', {}));
    for (let i = 0; i < 10_000 && t.app.snapshot().connection.name === 'streaming'; i++) await t.scheduler.advanceByAsync(1000);
    expect(t.app.snapshot().connection.name).toBe('idle');
    const ended = await t.scheduler.drive(t.app.handle('session.stop', { reason: 'completed' }));

    const analysis = await analyzeFile(file, () => profileSettings(t.app.snapshot().profile, { priorDailyRollingS: 0 }));
    const points = analysis.track.toPoints();
    expect(t.live.length).toBe(points.length);
    expect(t.live.map((p) => [p.t, p.positionCm, p.speedInPerS, p.zone])).toEqual(points.map((p) => [p.t, p.positionCm, p.speedInPerS, p.zone]));
    expect(t.coach.length).toBeGreaterThan(0);
    expect(t.coach).toEqual(analysis.events.map(({ t: at, kind, positionCm, detail }) => ({ t: at, kind, positionCm, detail })));
    expect(ended.figures?.warnings).toBe(analysis.events.length);
    await t.scheduler.drive(t.app.dispose());
    expect(t.scheduler.pendingTimers).toBe(0);
  });

  it('refuses a recording it cannot read, naming the file and line, and keeps what played before', async () => {
    const t = setup();
    await expect(t.app.handle('sensors.useReplay', { fileName: 'bad.csv', text: 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,1,0,0,0,0,x\n' })).rejects.toThrow(/bad\.csv: line 2/);
    expect(t.app.snapshot().connection.source).toBeNull();
  });
});
