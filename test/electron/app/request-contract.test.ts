/**
 * Every request of the IPC contract, driven through the app as a renderer would use it, and
 * every answer checked against the request's result schema: nothing missing, nothing extra.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppStore } from '../../../electron/app/open-app-store';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import { REQUESTS, type RequestName, type RequestParams, type RequestResult } from '../../../electron/ipc/ipc-contract';
import { simulationCsvMetadata } from '../../../electron/sim/csv-metadata';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';
import { screeningAnswers } from '../../support/screening-answers';
import { testRollerApp } from '../../support/test-roller-app';

const dir = mkdtempSync(join(tmpdir(), 'roller-requests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

describe('the app answers every request of the contract with its result schema', () => {
  it('drives each request name once or more, and each answer parses to itself', async () => {
    const scheduler = new ManualScheduler();
    const app = testRollerApp({ scheduler, store: openAppStore(join(dir, 'data')), exportFolder: join(dir, 'out'), platform: 'linux', openFolder: () => Promise.resolve('') });
    app.start();
    const answered = new Set<RequestName>();
    const call = async <N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResult<N>> => {
      const result = await scheduler.drive(app.handle(name, params));
      const parsed = REQUESTS[name].result.safeParse(result);
      expect(parsed.error, name).toBeUndefined();
      // Parsing strips what the schema does not know: an answer with extra fields would differ.
      expect(parsed.data, name).toEqual(result);
      answered.add(name);
      return result;
    };

    await call('app.snapshot', {});
    await call('screening.submit', screeningAnswers());
    await call('profile.update', { units: 'cm' });
    await call('sensors.scan', { on: true });
    await call('sensors.scan', { on: false });
    await call('sensors.connect', { id: 'no-such-sensor' });
    await call('sensors.useSimulated', { scenario: 'calibration-pass' });
    await call('sensors.identify', {});
    await call('sensors.check', {});
    await call('sensors.setSampleRate', { hz: 200 });
    await call('sensors.diagnostics', {});

    await call('calibration.start', {});
    for (let i = 0; i < 120 && app.snapshot().calibration.state === 'running'; i++) await scheduler.advanceByAsync(500);
    await call('calibration.accept', {});
    await call('calibration.start', {});
    await call('calibration.cancel', {});

    const started = await call('session.start', {});
    await scheduler.advanceByAsync(5000);
    await call('session.stop', { reason: 'completed' });
    await call('routines.tally', {});
    const id = started.sessionId!;
    await call('history.get', { days: 30 });
    await call('history.get', {});
    await call('review.get', { id });
    await call('notes.save', { id, note: { discomfort: 3, pain: false, numbness: false, text: 'fine' } });
    await call('sessions.export', { id, chartPngBase64: PNG });
    await call('exports.openFolder', {});
    await call('sessions.reanalyze', { id });

    const sim = simulate(builtInScenario('too-fast'), { seed: 3 });
    const csv = formatRecordingCsv(sim.samples, { ...simulationCsvMetadata(sim.meta), started_at: '2026-11-20T18:30:00+01:00' });
    const { uploadId } = await call('import.begin', { fileName: 'too-fast.csv', bytes: Buffer.byteLength(csv) });
    await call('import.chunk', { uploadId, index: 0, text: csv });
    const imported = await call('import.finish', { uploadId, pieces: 1 });
    await call('compare.get', { ids: [imported.session.id, id] });
    const other = await call('import.begin', { fileName: 'abandoned.csv', bytes: 10 });
    await call('import.cancel', { uploadId: other.uploadId });
    await call('sessions.delete', { id: imported.session.id });
    await call('sensors.useReplay', { fileName: 'too-fast.csv', text: csv, speed: 10 });

    await call('sensors.disconnect', {});
    await call('sensors.forget', {});
    await call('data.eraseAll', { confirm: 'erase everything' });

    expect([...answered].sort()).toEqual(Object.keys(REQUESTS).sort());
    await scheduler.drive(app.dispose());
  });
});
