import { describe, expect, it } from 'vitest';
import type { SessionReview } from '../../../../renderer/bridge/contract';
import { positionChartConfig, speedChartConfig } from '../../../../renderer/features/review/review-charts';

const review: SessionReview = {
  session: {
    id: 3,
    startedAt: '2025-03-03T10:00:00Z',
    day: '2025-03-03',
    endReason: 'completed',
    source: 'simulated',
    sensorName: null,
    summary: null,
    imported: false,
    importedFrom: null,
    note: null,
  },
  settings: { rollerDiameterIn: 5, speedLimitInPerS: 1, dwellNudgeS: 15, dwellLimitS: 30, neckAboveCm: 20, lumbarBelowCm: 15 },
  track: {
    t: [0, 1, 2, 3],
    positionCm: [0, 10, -18, 0],
    speedInPerS: [0.5, 2, -1.5, 0.2],
    zone: ['mid-back', 'upper-back', 'lumbar', 'mid-back'],
    atRest: [true, false, false, false],
    gapBridged: [false, false, false, false],
    accelRejected: [false, false, false, false],
    axisConfidence: [1, 1, 1, 1],
  },
  events: [{ t: 2, kind: 'lumbar', positionCm: -18, detail: 'below the lumbar line' }],
  dwell: { binCm: 2.54, firstBinCm: -20.32, seconds: [1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1] },
};

describe('review chart configs', () => {
  it('speed: unparsed |speed| points, decimation, limit line and over-limit boxes', () => {
    const c = speedChartConfig(review, 'in');
    expect(c.options?.parsing).toBe(false);
    expect(c.options?.animation).toBe(false);
    expect(c.options?.plugins?.decimation).toEqual({ enabled: true, algorithm: 'lttb', samples: 1000 });
    expect(c.data.datasets[0]?.data).toEqual([
      { x: 0, y: 0.5 },
      { x: 1, y: 2 },
      { x: 2, y: 1.5 },
      { x: 3, y: 0.2 },
    ]);
    const ann = c.options?.plugins?.annotation?.annotations as Record<string, Record<string, unknown>>;
    expect(ann.limit).toMatchObject({ type: 'line', yMin: 1, yMax: 1 });
    expect(ann.over0).toMatchObject({ type: 'box', xMin: 0.5, xMax: 2.5 });
  });
  it('position: zone bands and a marker per warning, in the user units', () => {
    const c = positionChartConfig(review, 'cm');
    const ann = c.options?.plugins?.annotation?.annotations as Record<string, Record<string, unknown>>;
    expect(ann['zone-neck']).toMatchObject({ type: 'box', yMin: 20 });
    expect(ann['zone-lumbar']).toMatchObject({ type: 'box', yMax: -15 });
    expect(ann.event0).toMatchObject({ type: 'point', xValue: 2, yValue: -18 });
    const inches = positionChartConfig(review, 'in');
    const annIn = inches.options?.plugins?.annotation?.annotations as Record<string, Record<string, unknown>>;
    expect(annIn['zone-neck']?.yMin).toBeCloseTo(20 / 2.54);
  });
});
