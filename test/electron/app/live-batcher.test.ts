import { describe, expect, it } from 'vitest';
import { LiveBatcher } from '../../../electron/app/live-batcher';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import type { LivePoint } from '../../../electron/ipc/ipc-contract';

const point = (t: number): LivePoint => ({ t, positionCm: 0, speedInPerS: 0, zone: 'mid-back', dwellS: 0, atRest: false, gapBridged: false });

describe('live batcher', () => {
  it('sends display-rate batches of every point', () => {
    const scheduler = new ManualScheduler();
    const sent: LivePoint[][] = [];
    const b = new LiveBatcher(scheduler, (p) => sent.push(p), 20);
    for (let i = 0; i < 10; i++) {
      b.add(point(i * 0.02));
      scheduler.advanceBy(20);
    }
    expect(sent.length).toBe(3); // a batch 50 ms after the first point of each
    expect(sent.every((batch) => batch.length === 3)).toBe(true);
    b.flush();
    expect(sent.flat().map((p) => p.t)).toEqual(Array.from({ length: 10 }, (_, i) => i * 0.02));
  });

  it('keeps only the newest points of a flood (an hour held through a gap at once)', () => {
    const scheduler = new ManualScheduler();
    const sent: LivePoint[][] = [];
    const b = new LiveBatcher(scheduler, (p) => sent.push(p), 20, 500);
    for (let i = 0; i < 180_000; i++) b.add(point(i * 0.02));
    scheduler.advanceBy(50);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(500);
    expect(sent[0]!.at(-1)!.t).toBeCloseTo(179_999 * 0.02);
  });
});
