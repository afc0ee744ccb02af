import { describe, expect, it } from 'vitest';
import { engineViewAt, eventWindow, nearestIndex, overLimitStretches, positionRange, tickTime, toPoints, zoneBands, type ReviewTrack } from '../../../../renderer/features/review/review-data';

describe('overLimitStretches', () => {
  const t = [0, 1, 2, 3, 4, 5, 6, 7];
  it('finds runs above the limit, half-way to the neighbours, by |speed|', () => {
    const v = [0.5, 1.5, 2, 0.5, 0.5, -1.2, 0.4, 0.3];
    expect(overLimitStretches(t, v, 1)).toEqual([
      { start: 0.5, end: 2.5, peak: 2 },
      { start: 4.5, end: 5.5, peak: 1.2 },
    ]);
  });
  it('keeps runs at the ends inside the track and ignores speeds at the limit', () => {
    expect(overLimitStretches(t, [2, 1, 1, 1, 1, 1, 1, 3], 1)).toEqual([
      { start: 0, end: 0.5, peak: 2 },
      { start: 6.5, end: 7, peak: 3 },
    ]);
  });
  it('merges runs closer than the gap', () => {
    const v = [0, 2, 0, 2, 0, 0, 0, 0];
    expect(overLimitStretches(t, v, 1, 0)).toHaveLength(2);
    expect(overLimitStretches(t, v, 1, 1)).toEqual([{ start: 0.5, end: 3.5, peak: 2 }]);
  });
  it('handles empty and mismatched columns', () => {
    expect(overLimitStretches([], [], 1)).toEqual([]);
    expect(overLimitStretches([0, 1], [5], 1)).toEqual([{ start: 0, end: 0, peak: 5 }]);
  });
});

describe('zoneBands', () => {
  it('gives the neck above +N and the lower back below −L', () => {
    expect(zoneBands(20, 15, -40, 40)).toEqual([
      { zone: 'neck', label: 'Neck — keep off', yMin: 20, yMax: 40 },
      { zone: 'lumbar', label: 'Lower back — keep off', yMin: -40, yMax: -15 },
    ]);
  });
  it('accepts a signed lumbar boundary and drops bands outside the range', () => {
    expect(zoneBands(20, -15, -10, 10)).toEqual([]);
    expect(zoneBands(20, -15, -30, 10)).toEqual([{ zone: 'lumbar', label: 'Lower back — keep off', yMin: -30, yMax: -15 }]);
  });
  it('positionRange covers the track and both boundaries with a margin', () => {
    expect(positionRange([0, 5, -3], 20, 15, 8)).toEqual({ min: -23, max: 28 });
    expect(positionRange([50, -60], 20, 15, 0)).toEqual({ min: -60, max: 50 });
  });
});

describe('nearestIndex', () => {
  const t = [0, 0.5, 1, 2, 4];
  it('finds the nearest sample', () => {
    expect(nearestIndex(t, -1)).toBe(0);
    expect(nearestIndex(t, 0.2)).toBe(0);
    expect(nearestIndex(t, 0.3)).toBe(1);
    expect(nearestIndex(t, 1.6)).toBe(3);
    expect(nearestIndex(t, 3.1)).toBe(4);
    expect(nearestIndex(t, 99)).toBe(4);
  });
  it('is -1 for an empty track', () => {
    expect(nearestIndex([], 3)).toBe(-1);
  });
});

describe('eventWindow', () => {
  it('centres ±30 s on the event', () => {
    expect(eventWindow(100, 0, 300)).toEqual({ min: 70, max: 130 });
  });
  it('shifts inside the track at the ends', () => {
    expect(eventWindow(10, 0, 300)).toEqual({ min: 0, max: 60 });
    expect(eventWindow(295, 0, 300)).toEqual({ min: 240, max: 300 });
  });
  it('shows the whole track when it is shorter than the window', () => {
    expect(eventWindow(20, 0, 45)).toEqual({ min: 0, max: 45 });
  });
});

describe('engineViewAt', () => {
  const track: ReviewTrack = {
    t: [0, 1, 2],
    positionCm: [0, -16, -20],
    speedInPerS: [0, 1, 0.2],
    zone: ['mid-back', 'lumbar', 'lumbar'],
    atRest: [true, false, true],
    gapBridged: [false, true, false],
    accelRejected: [false, false, true],
    axisConfidence: [0.9, 0.8, 0.7],
  };
  it('reads the columns at the nearest sample', () => {
    expect(engineViewAt(track, 1.2)).toEqual({
      index: 1,
      t: 1,
      positionCm: -16,
      speedInPerS: 1,
      zone: 'lumbar',
      atRest: false,
      gapBridged: true,
      accelRejected: false,
      axisConfidence: 0.8,
    });
    expect(engineViewAt({ ...track, t: [] }, 1)).toBeNull();
  });
});

describe('points and ticks', () => {
  it('zips columns into points through a map', () => {
    expect(toPoints([0, 1, 2], [1, -2], (y) => Math.abs(y))).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: 2 },
    ]);
  });
  it('formats seconds as m:ss', () => {
    expect(tickTime(0)).toBe('0:00');
    expect(tickTime(65.4)).toBe('1:05');
    expect(tickTime(-3)).toBe('0:00');
  });
});
