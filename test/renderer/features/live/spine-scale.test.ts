import { describe, expect, it } from 'vitest';
import { LUMBAR_MARGIN_CM, NECK_MARGIN_CM, spineMapOf, spineScale, yOf, zoneBands } from '../../../../renderer/features/live/spine-scale';

describe('spine scale', () => {
  const s = spineScale(20, 15, 700);
  it('maps the top margin to 0 and the bottom margin to the full height', () => {
    expect(yOf(s, 20 + NECK_MARGIN_CM)).toBe(0);
    expect(yOf(s, -(15 + LUMBAR_MARGIN_CM))).toBe(700);
    expect(yOf(s, 1000)).toBe(0);
    expect(yOf(s, -1000)).toBe(700);
  });
  it('gives the four zones in order, touching', () => {
    const b = zoneBands(s);
    expect(b.map((x) => x.zone)).toEqual(['neck', 'upper-back', 'mid-back', 'lumbar']);
    for (let i = 1; i < b.length; i++) expect(b[i]?.y0).toBe(b[i - 1]?.y1);
    expect(b[1]?.y1).toBeCloseTo(yOf(s, 0));
  });
  it('uses the calibration, else the defaults from height (0.12 H, 0.08 H)', () => {
    expect(spineMapOf({ neckAboveCm: null, lumbarBelowCm: null, bodyHeightCm: 175 })).toEqual({ neckAboveCm: 21, lumbarBelowCm: 14, calibrated: false });
    expect(spineMapOf({ neckAboveCm: 22.4, lumbarBelowCm: 13, bodyHeightCm: 175 })).toEqual({ neckAboveCm: 22.4, lumbarBelowCm: 13, calibrated: true });
  });
});
