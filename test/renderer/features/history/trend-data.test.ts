import { describe, expect, it } from 'vitest';
import type { History } from '../../../../renderer/bridge/contract';
import { addDays, calendarWeeks, daysRolled, mondayOf, recentWeeks, shortDate } from '../../../../renderer/features/history/trend-data';
import { rollingChartConfig, warningRateChartConfig, withinLimitChartConfig } from '../../../../renderer/features/history/trend-charts';
import { dayFixture } from '../../support/history-fixtures';

const week = (weekStart: string, rollingS: number, over: Partial<History['weeks'][number]> = {}): History['weeks'][number] => ({
  weekStart,
  sessions: 2,
  activeDays: 2,
  rollingS,
  budgetS: 4200,
  withinLimitShare: 0.8,
  warningsPerSession: 1,
  warningsPer10Min: 2,
  ...over,
});

const HISTORY: History = {
  sessions: [],
  days: [dayFixture('2024-12-30', [1]), dayFixture('2025-01-01', [2], { rollingS: 0 }), dayFixture('2025-02-23', [3], { rollingS: 5000, overBudget: true })],
  weeks: [week('2024-12-30', 240), week('2025-02-17', 5000, { withinLimitShare: null, warningsPer10Min: null })],
};

describe('calendar arithmetic', () => {
  it('moves days across months and years; Monday starts the week', () => {
    expect(addDays('2024-12-30', 3)).toBe('2025-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(mondayOf('2025-03-09')).toBe('2025-03-03'); // a Sunday
    expect(mondayOf('2025-03-03')).toBe('2025-03-03');
    expect(mondayOf('2025-01-01')).toBe('2024-12-30');
    expect(shortDate('2025-02-17')).toBe('17 Feb');
    expect(addDays('not a day', 1)).toBe('not a day');
  });
});

describe('recent weeks and the calendar', () => {
  it('the 8 weeks up to today’s, oldest first, each with main’s figures or none', () => {
    const weeks = recentWeeks(HISTORY, '2025-02-19', 8);
    expect(weeks.map((w) => w.weekStart)).toEqual(['2024-12-30', '2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27', '2025-02-03', '2025-02-10', '2025-02-17']);
    expect(weeks.map((w) => w.week?.rollingS ?? null)).toEqual([240, null, null, null, null, null, null, 5000]);
  });

  it('marks days with rolling; today and the days ahead', () => {
    const cal = calendarWeeks(HISTORY, '2025-02-19', 8);
    const all = cal.flatMap((w) => w.days);
    expect(all).toHaveLength(56);
    expect(all.filter((d) => d.rolled).map((d) => d.day)).toEqual(['2024-12-30', '2025-02-23']); // 1 January: a session with no rolling
    expect(all.find((d) => d.isToday)?.day).toBe('2025-02-19');
    expect(all.filter((d) => d.future).map((d) => d.day)).toEqual(['2025-02-20', '2025-02-21', '2025-02-22', '2025-02-23']);
    expect(daysRolled(cal)).toBe(2);
  });
});

describe('weekly trend charts', () => {
  const weeks = recentWeeks(HISTORY, '2025-02-19', 8);
  it('rolling minutes per week against the weekly budget; a week over it in orange', () => {
    const c = rollingChartConfig(weeks);
    expect(c.data.datasets[0]!.data).toEqual([4, null, null, null, null, null, null, 5000 / 60]);
    const ann = c.options?.plugins?.annotation?.annotations as Record<string, { yMin: number }>;
    expect(ann.budget!.yMin).toBe(70);
    expect(c.data.datasets[0]!.backgroundColor).toEqual(['#56B4E9', '#56B4E9', '#56B4E9', '#56B4E9', '#56B4E9', '#56B4E9', '#56B4E9', '#FF8A57']);
    expect(c.options?.scales?.y?.max).toBe(90);
  });
  it('share within the limit in %, warnings per 10 min; none where main had none', () => {
    expect(withinLimitChartConfig(weeks).data.datasets[0]!.data).toEqual([80, null, null, null, null, null, null, null]);
    expect(warningRateChartConfig(weeks).data.datasets[0]!.data).toEqual([2, null, null, null, null, null, null, null]);
  });
});
