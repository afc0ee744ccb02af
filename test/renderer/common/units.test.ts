import { describe, expect, it } from 'vitest';
import { cmToIn, fixed, formatLength, formatSpeed, inToCm, lengthText, positionText, speedFromUnits, speedToUnits } from '../../../renderer/common/units';

describe('units', () => {
  it('converts inches and centimetres (1 in = 2.54 cm)', () => {
    expect(inToCm(1)).toBeCloseTo(2.54);
    expect(cmToIn(2.54)).toBeCloseTo(1);
  });

  it('formats speed in the user units, one decimal, never negative', () => {
    expect(formatSpeed(1, 'in')).toEqual({ value: '1.0', unit: 'in/s' });
    expect(formatSpeed(1, 'cm')).toEqual({ value: '2.5', unit: 'cm/s' });
    expect(formatSpeed(-0.74, 'in')).toEqual({ value: '0.7', unit: 'in/s' });
    expect(formatSpeed(Number.NaN, 'in').value).toBe('–');
  });

  it('round-trips speeds typed in the user units', () => {
    expect(speedFromUnits(speedToUnits(1.3, 'cm'), 'cm')).toBeCloseTo(1.3);
    expect(speedToUnits(2, 'in')).toBe(2);
  });

  it('formats lengths and signed positions', () => {
    expect(formatLength(25.4, 'in')).toEqual({ value: '10.0', unit: 'in' });
    expect(lengthText(21, 'cm', 0)).toBe('21 cm');
    expect(positionText(5.08, 'in')).toBe('+2.0 in');
    expect(positionText(-2.54, 'in')).toBe('−1.0 in');
    expect(positionText(0.01, 'cm')).toBe('0.0 cm');
  });

  it('never prints "-0"', () => {
    expect(fixed(-0.04, 1)).toBe('0.0');
    expect(fixed(-0.4, 0)).toBe('0');
  });
});
