import { describe, expect, it } from 'vitest';
import { gaugeFraction, speedLevel } from '../../../../renderer/features/live/speed-gauge';

describe('speed gauge', () => {
  it('puts the limit in the middle and clamps', () => {
    expect(gaugeFraction(1, 1)).toBe(0.5);
    expect(gaugeFraction(0.5, 1)).toBe(0.25);
    expect(gaugeFraction(3, 1)).toBe(1);
    expect(gaugeFraction(-1, 2)).toBe(0.25);
    expect(gaugeFraction(Number.NaN, 1)).toBe(0);
    expect(gaugeFraction(1, 0)).toBe(0);
  });

  it('grades the speed against the limit', () => {
    expect(speedLevel(0.01, 1)).toBe('still');
    expect(speedLevel(0.5, 1)).toBe('ok');
    expect(speedLevel(0.8, 1)).toBe('near');
    expect(speedLevel(1, 1)).toBe('near');
    expect(speedLevel(1.01, 1)).toBe('over');
    expect(speedLevel(3.9, 4)).toBe('near');
    expect(speedLevel(Number.POSITIVE_INFINITY, 1)).toBe('still');
  });
});
