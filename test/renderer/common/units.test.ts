import { describe, expect, it } from 'vitest';
import {
  MINUS,
  cmToIn,
  numberText,
  feetAndInches,
  fixed,
  formatLength,
  formatSpeed,
  heightText,
  inToCm,
  lengthText,
  positionText,
  speedFromUnits,
  speedToUnits,
  unitsInText,
} from '../../../renderer/common/units';

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

  it('a body height as people say it: feet and inches, or cm', () => {
    expect(heightText(175, 'in')).toBe('5 ft 9 in');
    expect(heightText(182.6, 'in')).toBe('6 ft 0 in');
    expect(heightText(175, 'cm')).toBe('175 cm');
    expect(feetAndInches(120, 1)).toEqual({ feet: 3, inches: 11.2 });
  });

  it('engine text in the user units, with the minus sign', () => {
    // The review's warning detail, as stored (cm and in/s, an ASCII or a true minus).
    expect(unitsInText('below the end of the ribcage (−12.9 cm)', 'in')).toBe(`below the end of the ribcage (${MINUS}5.1 in)`);
    expect(unitsInText('below the end of the ribcage (-12.9 cm)', 'cm')).toBe(`below the end of the ribcage (${MINUS}12.9 cm)`);
    expect(unitsInText('above the base of the neck (+21.0 cm)', 'in')).toBe('above the base of the neck (+8.3 in)');
    expect(unitsInText('1.42 in/s for 2.0 s (limit 1 in/s)', 'cm')).toBe('3.61 cm/s for 2.0 s (limit 2.5 cm/s)');
    expect(unitsInText('1.42 in/s for 2.0 s (limit 1 in/s)', 'in')).toBe('1.42 in/s for 2.0 s (limit 1 in/s)');
    expect(unitsInText('16.0 s within 1.5 in', 'cm')).toBe('16.0 s within 3.8 cm');
    // A calibration message: a range converts at both ends.
    expect(unitsInText('The base of the neck came out only 6.2 cm above the start spot (expected 8–40 cm). Please repeat.', 'in')).toBe(
      'The base of the neck came out only 2.4 in above the start spot (expected 3.1–15.7 in). Please repeat.',
    );
    expect(unitsInText('12.5 min of rolling today (budget 10 min)', 'cm')).toBe('12.5 min of rolling today (budget 10 min)');
  });

  it('no ASCII hyphen-minus before a number in what it formats', () => {
    expect([-7.5, -0.001, 0, 2.5, 10].map(numberText)).toEqual([`${MINUS}7.5`, '0', '0', '2.5', '10']);
    for (const units of ['in', 'cm'] as const) {
      expect(positionText(-10, units)).toMatch(new RegExp(`^${MINUS}`));
      expect(unitsInText('(-3.0 cm)', units)).not.toContain('-');
    }
  });
});
