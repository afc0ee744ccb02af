import { describe, expect, it } from 'vitest';
import { dwellRing } from '../../../../renderer/features/live/dwell-ring';

describe('dwell ring', () => {
  it('fills toward the limit with the nudge mark in place', () => {
    expect(dwellRing(0, 15, 30)).toEqual({ fraction: 0, nudgeFraction: 0.5, level: 'fine', seconds: 0 });
    expect(dwellRing(14.9, 15, 30)).toMatchObject({ level: 'fine', seconds: 14 });
    expect(dwellRing(15, 15, 30)).toMatchObject({ level: 'nudge', fraction: 0.5 });
    expect(dwellRing(30, 15, 30)).toMatchObject({ level: 'limit', fraction: 1 });
    expect(dwellRing(45, 15, 30).fraction).toBe(1);
  });
  it('copes with bad numbers', () => {
    expect(dwellRing(-2, 10, 20)).toMatchObject({ fraction: 0, seconds: 0 });
    expect(dwellRing(Number.NaN, 10, 20).level).toBe('fine');
  });
});
