/**
 * What the sources say reaches the app snapshot (and so the UI): a failed scan's note, the
 * active source's gaps and counts, and the motion engine's counters.
 */
import { describe, expect, it } from 'vitest';
import { memoryAppStore } from '../../../electron/app/app-store';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import { createSimulatedNoble } from '../../../electron/ble/sim-peripheral';
import { AppSnapshotSchema } from '../../../electron/ipc/ipc-contract';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';
import { simulationCsvMetadata } from '../../../electron/sim/csv-metadata';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';
import { noSimulatedRoller, testRollerApp } from '../../support/test-roller-app';

describe('source health in the snapshot', () => {
  it('a scan the system refuses becomes a note in the snapshot', async () => {
    const scheduler = new ManualScheduler();
    const system = createSimulatedNoble({ scheduler, peripherals: [] });
    system.noble.startScanningAsync = () => Promise.reject(new Error('Operation not permitted'));
    const app = testRollerApp({ scheduler, store: memoryAppStore(), platform: 'linux', loadSystemNoble: () => ({ ok: true, noble: system.noble }), makeSimulatedNoble: noSimulatedRoller });
    app.start();
    await scheduler.advanceByAsync(100);
    await scheduler.drive(app.handle('sensors.scan', { on: true }));
    const snap = AppSnapshotSchema.parse(app.snapshot());
    expect(snap.source.notes).toEqual(['Scanning failed: Operation not permitted']);
    await scheduler.drive(app.dispose());
    system.dispose();
  });

  it('a replay with a hole in its times: the gap and the samples counted, the engine counters while and after the session', async () => {
    const scheduler = new ManualScheduler();
    const app = testRollerApp({ scheduler, store: memoryAppStore(), makeSimulatedNoble: noSimulatedRoller });
    app.start();
    const sim = simulate(builtInScenario('good-slow-session'), { seed: 1 });
    // Two seconds of samples missing in the middle.
    const samples = sim.samples.filter((s) => s.tS < 10 || s.tS >= 12);
    const text = formatRecordingCsv(samples, simulationCsvMetadata(sim.meta));
    expect(app.snapshot().engine).toBeNull();
    await scheduler.drive(app.handle('sensors.useReplay', { fileName: 'holed.csv', text, speed: 5 }));
    await scheduler.drive(app.handle('session.start', {}));
    await scheduler.advanceByAsync(4000);
    const during = app.snapshot();
    expect(during.source).toMatchObject({ gaps: 1, rejectedFrames: 0, status: null });
    expect(during.source.notes.at(-1)).toMatch(/^Playing holed\.csv: \d+ samples/);
    expect(during.engine?.samples).toBe(during.source.samples);
    expect(during.engine?.gaps).toBe(1);
    await scheduler.drive(app.handle('session.stop', { reason: 'completed' }));
    const after = app.snapshot().engine;
    expect(after?.gaps).toBe(1);
    expect(after?.samples).toBeGreaterThanOrEqual(during.engine!.samples);
    await scheduler.drive(app.dispose());
  });
});
