import { describe, expect, it } from 'vitest';
import type { History, PastSession } from '../../../../renderer/bridge/contract';
import { summaryFixture } from '../../support/history-fixtures';
import {
  budgetFraction,
  dayHeading,
  daysBetween,
  daysNewestFirst,
  endReasonView,
  localDayOf,
  percentText,
  perSessionText,
  sessionWarnings,
  todayTotal,
  weekLabel,
  weeksNewestFirst,
} from '../../../../renderer/features/history/history-format';

const session = (id: number, startedAt: string, day: string, extra: Partial<PastSession> = {}): PastSession => ({
  id,
  startedAt,
  day,
  endReason: 'completed',
  source: 'simulated',
  sensorName: null,
  summary: null,
  imported: false,
  importedFrom: null,
  note: null,
  routine: null,
  ...extra,
});

const dayEntry = (day: string, sessionIds: number[], rollingS = 60): History['days'][number] => ({
  day,
  sessionIds,
  rollingS,
  budgetS: 600,
  overBudget: rollingS > 600,
  zoneTimeS: {} as History['days'][number]['zoneTimeS'],
  warnings: {} as History['days'][number]['warnings'],
  stoppedForPain: 0,
  interrupted: 0,
});

describe('day and week formatting', () => {
  it('names today, yesterday, and other days with weekday and month', () => {
    expect(dayHeading('2025-03-05', '2025-03-05')).toBe('Today');
    expect(dayHeading('2025-03-04', '2025-03-05')).toBe('Yesterday');
    expect(dayHeading('2025-03-03', '2025-03-05')).toBe('Monday 3 March');
    expect(dayHeading('2024-12-30', '2025-01-02')).toBe('Monday 30 December 2024');
    expect(dayHeading('nonsense', '2025-01-02')).toBe('nonsense');
  });
  it('counts days across months', () => {
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('x', '2025-03-01')).toBeNull();
  });
  it('labels weeks', () => {
    expect(weekLabel('2025-03-03', '2025-03-05')).toBe('Week of 3 Mar');
    expect(weekLabel('2024-12-30', '2025-01-02')).toBe('Week of 30 Dec 2024');
  });
  it('gives the local day of a date', () => {
    expect(localDayOf(new Date(2025, 0, 9, 23, 59))).toBe('2025-01-09');
  });
});

describe('figures', () => {
  it('formats shares and per-session numbers', () => {
    expect(percentText(0.874)).toBe('87 %');
    expect(percentText(null)).toBe('–');
    expect(percentText(1.2)).toBe('100 %');
    expect(perSessionText(1.25)).toBe('1.3');
  });
  it('makes "stopped: pain" visible', () => {
    expect(endReasonView('stopped: pain')).toEqual({ text: 'Stopped: pain', pain: true });
    expect(endReasonView('completed').pain).toBe(false);
    expect(endReasonView(null).text).toBe('Not finished');
    expect(endReasonView('timeout').text).toBe('Timeout');
  });
  it('shows a session’s warnings as main counted them', () => {
    const s = session(1, '2025-03-03T10:00:00Z', '2025-03-03', {
      summary: summaryFixture({
        eventCounts: { 'too-fast': 2, 'dwell-nudge': 0, 'dwell-limit': 0, lumbar: 1, neck: 0, 'time-budget': 1 },
        warnings: 3,
      }),
    });
    expect(sessionWarnings(s)).toBe(3);
    expect(sessionWarnings(session(2, '', ''))).toBe(0);
  });
});

describe('history ordering and today', () => {
  const history: History = {
    sessions: [session(1, '2025-03-03T10:00:00Z', '2025-03-03'), session(3, '2025-03-05T18:00:00Z', '2025-03-05'), session(2, '2025-03-05T08:00:00Z', '2025-03-05')],
    days: [dayEntry('2025-03-03', [1]), dayEntry('2025-03-05', [3, 2, 99], 700)],
    weeks: [
      { weekStart: '2025-02-24', sessions: 0, activeDays: 0, rollingS: 0, budgetS: 4200, withinLimitShare: null, warningsPerSession: 0, warningsPer10Min: null },
      { weekStart: '2025-03-03', sessions: 3, activeDays: 2, rollingS: 760, budgetS: 4200, withinLimitShare: 0.8, warningsPerSession: 1, warningsPer10Min: 2.4 },
    ],
  };
  it('lists days newest first with their sessions in start order (unknown ids dropped)', () => {
    const days = daysNewestFirst(history);
    expect(days.map((d) => d.day.day)).toEqual(['2025-03-05', '2025-03-03']);
    expect(days[0]?.sessions.map((s) => s.id)).toEqual([2, 3]);
  });
  it('lists weeks newest first', () => {
    expect(weeksNewestFirst(history).map((w) => w.weekStart)).toEqual(['2025-03-03', '2025-02-24']);
  });
  it('totals today against the budget, with a fallback budget on a day without sessions', () => {
    const t = todayTotal(history, '2025-03-05', 300);
    expect(t).toEqual({ rollingS: 700, budgetS: 600, overBudget: true });
    expect(budgetFraction(t)).toBe(1);
    expect(todayTotal(history, '2025-03-06', 300)).toEqual({ rollingS: 0, budgetS: 300, overBudget: false });
    expect(budgetFraction({ rollingS: 150, budgetS: 600, overBudget: false })).toBe(0.25);
  });
});
