import { describe, expect, it } from 'vitest';
import { detailInUnits, diameterText, humanNumber, speedText } from '../../../electron/cli/units-text';
import { eventLine, liveLine } from '../../../electron/cli/live-line';
import type { TrackPoint } from '../../../electron/motion/motion-types';

describe('human numbers with units', () => {
  it('uses − for negatives and never shows −0', () => {
    expect(humanNumber(-2.25, 1)).toBe('−2.3');
    expect(humanNumber(-0.01, 1)).toBe('0.0');
    expect(humanNumber(3, 0)).toBe('3');
  });

  it('speeds and diameters in the chosen units', () => {
    expect(speedText(1, 'in')).toBe('1.00 in/s');
    expect(speedText(1, 'cm', 1)).toBe('2.5 cm/s');
    expect(diameterText(6, 'in')).toBe('6 in');
    expect(diameterText(5.5, 'in')).toBe('5.5 in');
    expect(diameterText(6, 'cm')).toBe('15.2 cm');
  });

  it.each([
    ['1.85 in/s for 0.6 s (limit 1 in/s)', 'in', '1.85 in/s for 0.6 s (limit 1 in/s)'],
    ['1.85 in/s for 0.6 s (limit 1 in/s)', 'cm', '4.70 cm/s for 0.6 s (limit 2.5 cm/s)'],
    ['16.0 s within 2 in', 'cm', '16.0 s within 5.1 cm'],
    ['16.0 s within 2 in', 'in', '16.0 s within 2 in'],
    ['above the base of the neck (+21.0 cm)', 'in', 'above the base of the neck (+8.3 in)'],
    ['below the end of the ribcage (−14.0 cm)', 'in', 'below the end of the ribcage (−5.5 in)'],
    ['below the end of the ribcage (-14.0 cm)', 'cm', 'below the end of the ribcage (−14.0 cm)'],
    ['10.2 min of rolling today (budget 10 min)', 'cm', '10.2 min of rolling today (budget 10 min)'],
  ] as const)("the engine's detail %j in %s", (detail, units, expected) => {
    expect(detailInUnits(detail, units)).toBe(expected);
  });
});

describe('the live lines', () => {
  const point = (positionCm: number, speedInPerS: number): TrackPoint =>
    ({ t: 12.5, positionCm, speedInPerS, zone: 'mid-back', diagnostics: { atRest: false, gapBridged: false } }) as unknown as TrackPoint;

  it('shows position and speed in one unit system', () => {
    expect(liveLine(point(-12.7, 0.5), 10, 1, 0, 'in')).toBe('   2.5 s    −5.0 in  mid-back    0.50 in/s [#####.....|.........]');
    expect(liveLine(point(-12.7, 0.5), 10, 1, 0, 'cm')).toBe('   2.5 s   −12.7 cm  mid-back    1.27 cm/s [#####.....|.........]');
  });

  it("says an event's detail in the same units", () => {
    const e = { t: 20, kind: 'too-fast' as const, positionCm: 3, detail: '1.85 in/s for 0.6 s (limit 1 in/s)' };
    expect(eventLine(e, 10, 'cm')).toBe('  10.0 s  ⚠ TOO FAST — slow down  (4.70 cm/s for 0.6 s (limit 2.5 cm/s))');
  });
});
