import { describe, expect, it } from 'vitest';
import { multiplesIn, positionTicks, stepFor, ticksThatFit, timeTicks, TIME_STEPS_S } from '../../../../renderer/features/review/chart-ticks';
import { tickTime } from '../../../../renderer/features/review/review-data';

describe('round time ticks', () => {
  it('a 4-minute session with room for 6 ticks: every minute', () => {
    expect(timeTicks(0, 240, 6).map(tickTime)).toEqual(['0:00', '1:00', '2:00', '3:00', '4:00']);
  });
  it('the step grows with the span and shrinks with the room', () => {
    expect(stepFor(6, 6, TIME_STEPS_S)).toBe(1);
    expect(stepFor(40, 6, TIME_STEPS_S)).toBe(10);
    expect(stepFor(90, 6, TIME_STEPS_S)).toBe(15);
    expect(stepFor(90, 2, TIME_STEPS_S)).toBe(60);
    expect(stepFor(240, 3, TIME_STEPS_S)).toBe(120);
    expect(stepFor(1500, 6, TIME_STEPS_S)).toBe(300);
    expect(stepFor(3 * 3600, 8, TIME_STEPS_S)).toBe(1800);
    expect(stepFor(1e7, 8, TIME_STEPS_S)).toBe(7200); // beyond the table: its largest step
  });
  it('a window that does not start at 0 (zoomed on a warning) still ticks at round times', () => {
    expect(timeTicks(95, 155, 6).map(tickTime)).toEqual(['1:40', '1:50', '2:00', '2:10', '2:20', '2:30']);
  });
  it('never more ticks than there is room for', () => {
    for (const span of [3, 17, 61, 299, 601, 3599]) for (const room of [2, 4, 7, 12]) expect(timeTicks(0, span, room).length).toBeLessThanOrEqual(room + 1);
  });
});

describe('round position ticks follow the units', () => {
  it('cm: every 5 cm, or every 10 when 5 does not fit', () => {
    expect(positionTicks(-23, 27, 'cm', 12)).toEqual([-20, -15, -10, -5, 0, 5, 10, 15, 20, 25]);
    expect(positionTicks(-23, 27, 'cm', 6)).toEqual([-20, -10, 0, 10, 20]);
  });
  it('in: every 2 in, or every 5 when 2 does not fit', () => {
    expect(positionTicks(-9.1, 10.6, 'in', 10)).toEqual([-8, -6, -4, -2, 0, 2, 4, 6, 8, 10]);
    expect(positionTicks(-9.1, 10.6, 'in', 5)).toEqual([-5, 0, 5, 10]);
  });
  it('no "-0", nothing for an empty or reversed range', () => {
    expect(multiplesIn(-0.5, 0.5, 5)).toEqual([0]);
    expect(Object.is(multiplesIn(-4, 4, 5)[0], 0)).toBe(true);
    expect(multiplesIn(5, 1, 1)).toEqual([]);
    expect(multiplesIn(0, Number.NaN, 1)).toEqual([]);
  });
  it('room along an axis: at least two ticks', () => {
    expect(ticksThatFit(660, 110)).toBe(6);
    expect(ticksThatFit(50, 110)).toBe(2);
    expect(ticksThatFit(0, 110)).toBe(6);
  });
});
