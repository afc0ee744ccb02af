/**
 * What reaches the support log from the sensors and the store: adapter states, scans with how
 * many were found, connection transitions, gaps, and a flood of rejected frames summed up so it
 * cannot fill the log. Memory log, manual clock.
 */
import { describe, expect, it } from 'vitest';
import { memoryAppStore } from '../../../electron/app/app-store';
import { logSourceEvents } from '../../../electron/app/source-log';
import { memorySupportLog } from '../../../electron/app/support-log';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import type { SensorSourceEvents } from '../../../electron/sources/sensor-source';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';
import { simulationCsvMetadata } from '../../../electron/sim/csv-metadata';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';
import { noSimulatedRoller, testRollerApp } from '../../support/test-roller-app';

/** A source whose events the test sends. */
function fakeSource() {
  const listeners = new Map<string, ((v: never) => void)[]>();
  return {
    on<K extends keyof SensorSourceEvents>(event: K, fn: (value: SensorSourceEvents[K]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), fn]);
      return () => undefined;
    },
    emit<K extends keyof SensorSourceEvents>(event: K, value: SensorSourceEvents[K]) {
      for (const fn of listeners.get(event) ?? []) fn(value as never);
    },
  };
}

const messages = (lines: string[]) => lines.map((l) => l.slice(25));

describe('source events in the support log', () => {
  it('a flood of rejected frames: the first at once, then one summary per 10 s', () => {
    const scheduler = new ManualScheduler();
    const log = memorySupportLog();
    const source = fakeSource();
    const stop = logSourceEvents(source, { log, scheduler, label: 'bluetooth' });
    for (let i = 0; i < 10_000; i++) source.emit('rejected', { reason: i % 2 ? 'crc' : 'length', message: 'bad frame', total: i + 1 });
    expect(messages(log.lines)).toEqual(['WARN  rejected frame source=bluetooth reason=length']);
    scheduler.advanceBy(10_000);
    expect(messages(log.lines)).toEqual([
      'WARN  rejected frame source=bluetooth reason=length',
      'WARN  more rejected frames source=bluetooth count=9999 reasons="crc ×5000, length ×4999" withinMs=10000',
    ]);
    // Quiet for an interval: the next one is written at once again.
    scheduler.advanceBy(10_000);
    source.emit('rejected', { reason: 'crc', message: 'bad frame', total: 10_001 });
    source.emit('rejected', { reason: 'crc', message: 'bad frame', total: 10_002 });
    expect(log.lines).toHaveLength(3);
    stop();
    expect(messages(log.lines).slice(3)).toEqual(['WARN  more rejected frames source=bluetooth count=1 reasons="crc ×1" withinMs=10000']);
  });

  it('connection transitions, scans with the count found, reconnects and adapter states', () => {
    const scheduler = new ManualScheduler();
    const log = memorySupportLog();
    const source = fakeSource();
    let adapter: (a: { state: string; message: string; fix: string }) => void = () => undefined;
    logSourceEvents(source, {
      log,
      scheduler,
      label: 'bluetooth',
      bluetooth: { onAdapter: (fn) => ((adapter = fn as typeof adapter), () => undefined), devicesFound: () => 2 },
    });
    adapter({ state: 'off', message: 'Bluetooth is off', fix: 'turn it on' });
    source.emit('connection', { name: 'scanning' });
    source.emit('connection', { name: 'connecting', deviceId: 'aa:bb' });
    source.emit('connection', { name: 'streaming', deviceId: 'aa:bb' });
    source.emit('connection', { name: 'reconnecting', deviceId: 'aa:bb', attempt: 1, reason: 'link lost' });
    source.emit('gap', { cause: 'link-lost' } as SensorSourceEvents['gap']);
    source.emit('connection', { name: 'streaming', deviceId: 'aa:bb' });
    expect(messages(log.lines)).toEqual([
      'WARN  adapter source=bluetooth state=off why="Bluetooth is off"',
      'INFO  scan started source=bluetooth',
      'INFO  scan stopped source=bluetooth found=2',
      'INFO  connection source=bluetooth from=scanning state=connecting sensor=aa:bb',
      'INFO  connection source=bluetooth from=connecting state=streaming sensor=aa:bb',
      'WARN  connection source=bluetooth from=streaming state=reconnecting sensor=aa:bb attempt=1 reason="link lost"',
      'WARN  gap in the samples source=bluetooth cause=link-lost',
      'INFO  reconnected source=bluetooth state=streaming sensor=aa:bb',
    ]);
  });

  it('the app logs its Bluetooth, the replay gap and a store notice, and nothing of the profile', async () => {
    const scheduler = new ManualScheduler();
    const log = memorySupportLog();
    const store = memoryAppStore();
    const app = testRollerApp({ scheduler, store, log, makeSimulatedNoble: noSimulatedRoller });
    app.start();
    await scheduler.drive(app.handle('profile.update', { bodyHeightCm: 163 }));
    const sim = simulate(builtInScenario('good-slow-session'), { seed: 1 });
    const text = formatRecordingCsv(
      sim.samples.filter((s) => s.tS < 10 || s.tS >= 12),
      simulationCsvMetadata(sim.meta),
    );
    await scheduler.drive(app.handle('sensors.useReplay', { fileName: 'holed.csv', text, speed: 5 }));
    await scheduler.advanceByAsync(4000);
    await scheduler.drive(app.dispose());
    const text2 = log.lines.join('\n');
    expect(text2).toMatch(/INFO {2}app started host=browser/);
    expect(text2).toMatch(/WARN {2}adapter source=bluetooth state=unavailable/);
    expect(text2).toMatch(/INFO {2}connection source=replay from=idle state=streaming/);
    expect(text2).toMatch(/WARN {2}gap in the samples source=replay cause=frames-lost/);
    expect(text2, text2).not.toMatch(/163|holed/);
  });

  it('Erase all my data erases the support log too (it names the sensor)', async () => {
    const scheduler = new ManualScheduler();
    let erased = 0;
    const app = testRollerApp({ scheduler, store: memoryAppStore(), log: memorySupportLog(), eraseLog: () => (erased++, Promise.resolve()), makeSimulatedNoble: noSimulatedRoller });
    app.start();
    await scheduler.drive(app.handle('data.eraseAll', { confirm: 'erase everything' }));
    expect(erased).toBe(1);
    await scheduler.drive(app.dispose());
  });

  it('a store notice is logged once', async () => {
    const scheduler = new ManualScheduler();
    const log = memorySupportLog();
    const notices: string[] = [];
    const hear: (() => void)[] = [];
    const store = { ...memoryAppStore(), notices: () => notices, onNotice: (fn: () => void) => (hear.push(fn), () => undefined) };
    const app = testRollerApp({ scheduler, store, log, makeSimulatedNoble: noSimulatedRoller });
    app.start();
    notices.push('The disk is full: the session could not be saved.');
    hear.forEach((fn) => fn());
    hear.forEach((fn) => fn());
    expect(log.lines.filter((l) => l.includes('store notice'))).toEqual(['1970-01-01T00:00:00.000Z WARN  store notice notice="The disk is full: the session could not be saved."']);
    await scheduler.drive(app.dispose());
  });
});
