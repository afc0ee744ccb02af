import { describe, expect, it } from 'vitest';
import type { SessionReview } from '../../../../renderer/bridge/contract';
import { OVERLAY_STYLE, overlayPositionConfig, overlaySpeedConfig, positionChartConfig, PRINT_THEME, speedChartConfig } from '../../../../renderer/features/review/review-charts';

/** Runs an axis's afterBuildTicks as chart.js would, on an axis of this size and range. */
function ticksOf(axis: unknown, box: { min: number; max: number; width?: number; height?: number }): number[] {
  const fake = { ...box, ticks: [] as { value: number }[] };
  (axis as { afterBuildTicks: (a: typeof fake) => void }).afterBuildTicks(fake);
  return fake.ticks.map((t) => t.value);
}

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
    routine: null,
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
  it('ticks at round times that fit the width, and at round positions in the user units', () => {
    const c = positionChartConfig(review, 'cm');
    expect(ticksOf(c.options?.scales?.x, { min: 0, max: 240, width: 660 })).toEqual([0, 60, 120, 180, 240]);
    expect(ticksOf(c.options?.scales?.x, { min: 0, max: 240, width: 1400 })).toEqual([0, 30, 60, 90, 120, 150, 180, 210, 240]);
    expect(ticksOf(c.options?.scales?.y, { min: -23, max: 28, height: 440 })).toEqual([-20, -10, 0, 10, 20]);
    expect(ticksOf(c.options?.scales?.y, { min: -23, max: 28, height: 800 })).toEqual([-20, -15, -10, -5, 0, 5, 10, 15, 20, 25]);
    const inches = positionChartConfig(review, 'in');
    expect(ticksOf(inches.options?.scales?.y, { min: -9, max: 11, height: 500 })).toEqual([-8, -6, -4, -2, 0, 2, 4, 6, 8, 10]);
  });
  it('the printed theme draws ink on paper, larger', () => {
    const c = speedChartConfig(review, 'in', PRINT_THEME);
    expect(c.data.datasets[0]?.borderColor).toBe(PRINT_THEME.speed);
    expect(c.options?.scales?.x?.ticks?.color).toBe('#000000');
  });
  it("overlays: two sessions from each one's own start, told apart by colour and dash", () => {
    const later: SessionReview = { ...review, session: { ...review.session, id: 4, day: '2025-03-05' }, track: { ...review.track, t: [100, 101, 102, 104], positionCm: [0, 5, 40, 0] } };
    const speed = overlaySpeedConfig([review, later], 'in');
    expect(speed.data.datasets.map((d) => d.data.map((p) => p.x))).toEqual([
      [0, 1, 2, 3],
      [0, 1, 2, 4],
    ]);
    expect(speed.data.datasets.map((d) => d.borderColor)).toEqual(OVERLAY_STYLE.map((s) => s.colour));
    expect(speed.data.datasets[0]?.label).toBe('Earlier (2025-03-03)');
    expect(speed.options?.scales?.x?.max).toBe(4);
    const pos = overlayPositionConfig([review, later], 'cm');
    // The axis holds both tracks (the later one reaches 40 cm) and the later session's zones, without markers.
    expect(pos.options?.scales?.y?.max).toBe(48);
    const ann = pos.options?.plugins?.annotation?.annotations as Record<string, unknown>;
    expect(Object.keys(ann).filter((k) => k.startsWith('event'))).toEqual([]);
    expect(ann['zone-neck']).toBeDefined();
  });
});
