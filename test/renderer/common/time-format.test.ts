import { describe, expect, it } from 'vitest';
import { formatClock, formatDate, formatDurationWords } from '../../../renderer/common/time-format';

describe('time formatting', () => {
  it('shows a clock as m:ss, floored', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(59.4)).toBe('0:59');
    expect(formatClock(59.6)).toBe('1:00'); // rounded as every figure is (electron/ipc/figure-text.ts)
    expect(formatClock(600)).toBe('10:00');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-3)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });

  it('says durations in words', () => {
    expect(formatDurationWords(45)).toBe('45 s');
    expect(formatDurationWords(600)).toBe('10 min');
    expect(formatDurationWords(245)).toBe('4 min 05 s');
  });

  it('keeps unreadable dates as they are', () => {
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate('2026-03-04T10:00:00Z', 'en-GB')).toContain('2026');
  });
});
