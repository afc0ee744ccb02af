/** The replay source on a manual clock: paced by the recorded times, rewound by resetStream, idle at the end. */
import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import { ReplaySource } from '../../../electron/sources/replay-source';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';

const at = (tS: number): ImuSample => ({ tS, axG: 0, ayG: 0, azG: 1, gxDps: 0, gyDps: 0, gzDps: 0 });
/** 100 Hz for 2 s, then nothing for 1 s, then 100 Hz for 1 s. */
const SAMPLES = [...Array.from({ length: 200 }, (_, i) => at(i / 100)), ...Array.from({ length: 100 }, (_, i) => at(3 + i / 100))];

function load(speed = 1) {
  const scheduler = new ManualScheduler();
  const r = ReplaySource.fromText('rec.csv', formatRecordingCsv(SAMPLES, {}), scheduler, { speed });
  if (!r.ok) throw new Error(r.error);
  const got: ImuSample[] = [];
  const notes: string[] = [];
  r.source.on('samples', (s) => got.push(...s));
  r.source.on('note', (n) => notes.push(n));
  return { scheduler, source: r.source, got, notes };
}

describe('ReplaySource', () => {
  it('hands on the samples as their recorded times come, speed times as fast, and reports the hole as a gap', async () => {
    const t = load(2);
    t.source.start();
    expect(t.source.connection.name).toBe('streaming');
    await t.scheduler.advanceByAsync(500); // 1 s of recording at 2×
    expect(t.got.at(-1)!.tS).toBeCloseTo(1, 5);
    expect(t.got.length).toBe(101);
    await t.scheduler.advanceByAsync(1500);
    expect(t.got.length).toBe(SAMPLES.length);
    expect(t.source.counters).toMatchObject({ samples: 300, gaps: 1 });
    expect(t.source.connection.name).toBe('idle');
    expect(t.notes.at(-1)).toBe('rec.csv played to its end (300 samples)');
    expect(t.scheduler.pendingTimers).toBe(0);
  });

  it('plays again from the first sample on resetStream, and stops its timer on disconnect', async () => {
    const t = load();
    t.source.start();
    await t.scheduler.advanceByAsync(1000);
    t.got.length = 0;
    t.source.resetStream();
    await t.scheduler.advanceByAsync(100);
    expect(t.got[0]!.tS).toBe(0);
    await t.source.disconnect();
    expect(t.source.connection.name).toBe('idle');
    expect(t.scheduler.pendingTimers).toBe(0);
  });

  it('refuses a recording without samples, or one it cannot read, naming the file', () => {
    const scheduler = new ManualScheduler();
    expect(ReplaySource.fromText('empty.csv', formatRecordingCsv([], {}), scheduler)).toEqual({ ok: false, error: 'empty.csv: the recording holds no samples' });
    expect(ReplaySource.fromText('x.csv', 'nonsense', scheduler)).toMatchObject({ ok: false, error: expect.stringMatching(/^x\.csv: line 1/) });
  });
});
