import { describe, expect, it } from 'vitest';
import { heatColour, heatRects, heatScale, hottestBin, zoneShares } from '../../../../renderer/features/review/dwell-heat';
import { spineScale, yOf } from '../../../../renderer/features/live/spine-scale';

const bins = { binCm: 2.54, firstBinCm: -5.08, seconds: [2, 0, 10, 5] }; // −5.08…5.08 cm

describe('dwell heat', () => {
  it('places one rectangle per bin with time, on the spine scale, hottest = 1', () => {
    const scale = spineScale(20, 15, 720);
    const rects = heatRects(bins, scale);
    expect(rects.map((r) => r.fromCm)).toEqual([-5.08, 0, 2.54].map((x): unknown => expect.closeTo(x, 9)));
    expect(rects.map((r) => r.heat)).toEqual([0.2, 1, 0.5]);
    const r0 = rects[1]!;
    expect(r0.y).toBeCloseTo(yOf(scale, 2.54)); // top edge: the bin's upper position (y grows down)
    expect(r0.height).toBeCloseTo(yOf(scale, 0) - yOf(scale, 2.54));
    expect(rects[1]!.fill).toBe(heatColour(1));
  });

  it('has no rectangles and no hottest bin for an empty session', () => {
    expect(heatRects({ binCm: 2.54, firstBinCm: 0, seconds: [] }, spineScale(20, 15, 720))).toEqual([]);
    expect(hottestBin({ binCm: 2.54, firstBinCm: 0, seconds: [0, 0] })).toBeNull();
  });

  it('finds the hottest bin', () => {
    expect(hottestBin(bins)).toEqual({ fromCm: 0, toCm: 2.54, seconds: 10 });
  });

  it('ramps from dark to bright and clamps', () => {
    const lum = (c: string) =>
      c
        .match(/\d+/g)!
        .map(Number)
        .reduce((a, b) => a + b, 0);
    expect(lum(heatColour(0))).toBeLessThan(lum(heatColour(0.5)));
    expect(lum(heatColour(0.5))).toBeLessThan(lum(heatColour(1)));
    expect(heatColour(7)).toBe(heatColour(1));
    expect(heatColour(Number.NaN)).toBe(heatColour(0));
  });

  it('gives zone shares head to hips', () => {
    const z = zoneShares({ neck: 0, 'upper-back': 30, 'mid-back': 60, lumbar: 10 });
    expect(z.map((x) => x.zone)).toEqual(['neck', 'upper-back', 'mid-back', 'lumbar']);
    expect(z.map((x) => x.share)).toEqual([0, 0.3, 0.6, 0.1]);
    expect(zoneShares(undefined).every((x) => x.share === 0)).toBe(true);
  });
  it('a scale from 0 to the hottest bin, with the colour ramp', () => {
    const scale = heatScale({ binCm: 2.54, firstBinCm: 0, seconds: [2, 0, 40, 10] })!;
    expect(scale.stops).toEqual([
      { at: 0, seconds: 0 },
      { at: 0.5, seconds: 20 },
      { at: 1, seconds: 40 },
    ]);
    expect(scale.gradient).toContain(`${heatColour(0)} 0%`);
    expect(scale.gradient).toContain(`${heatColour(1)} 100%`);
    expect(heatScale({ binCm: 2.54, firstBinCm: 0, seconds: [0, 0] })).toBeNull();
  });
});
