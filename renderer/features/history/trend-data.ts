/**
 * The History screen's trend views, from main's history as it is: the last weeks in order (a week
 * without sessions has no figures, not zeros made up here) and a calendar of the last weeks with
 * the days rolled marked. Pure; only calendar arithmetic is done here, no figure is computed.
 */
import type { History } from '../../bridge/contract';
import { daysBetween } from './history-format';

export type Week = History['weeks'][number];
export type Day = History['days'][number];

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function utcOf(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** `day` (`YYYY-MM-DD`) moved by `n` days; the text itself when it is not a date. */
export function addDays(day: string, n: number): string {
  const ms = utcOf(day);
  return ms === null ? day : new Date(ms + n * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of `day`'s week (weeks start on Monday, as main's weekly trends). */
export function mondayOf(day: string): string {
  const ms = utcOf(day);
  if (ms === null) return day;
  return addDays(day, -((new Date(ms).getUTCDay() + 6) % 7));
}

/** "3 Mar". */
export function shortDate(day: string): string {
  const ms = utcOf(day);
  if (ms === null) return day;
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

export interface WeekSlot {
  weekStart: string;
  label: string;
  /** Main's figures of the week, or null when it had no sessions. */
  week: Week | null;
}

/** The `count` weeks up to and including `today`'s, oldest first. */
export function recentWeeks(history: History, today: string, count = 8): WeekSlot[] {
  const byStart = new Map(history.weeks.map((w) => [w.weekStart, w]));
  const last = mondayOf(today);
  return Array.from({ length: count }, (_, i) => {
    const weekStart = addDays(last, 7 * (i - count + 1));
    return { weekStart, label: shortDate(weekStart), week: byStart.get(weekStart) ?? null };
  });
}

export interface CalendarDay {
  day: string;
  /** Main's total of the day, or null when nothing was rolled or recorded that day. */
  total: Day | null;
  rolled: boolean;
  isToday: boolean;
  future: boolean;
}

export interface CalendarWeek {
  weekStart: string;
  days: CalendarDay[];
}

/** The last `count` weeks, Monday to Sunday, each day marked rolled (rolling time > 0) or not. */
export function calendarWeeks(history: History, today: string, count = 8): CalendarWeek[] {
  const byDay = new Map(history.days.map((d) => [d.day, d]));
  return recentWeeks(history, today, count).map(({ weekStart }) => ({
    weekStart,
    days: Array.from({ length: 7 }, (_, i) => {
      const day = addDays(weekStart, i);
      const total = byDay.get(day) ?? null;
      const ahead = daysBetween(today, day);
      return { day, total, rolled: (total?.rollingS ?? 0) > 0, isToday: day === today, future: ahead !== null && ahead > 0 };
    }),
  }));
}

/** Days rolled among the calendar's days. */
export function daysRolled(weeks: readonly CalendarWeek[]): number {
  return weeks.reduce((n, w) => n + w.days.filter((d) => d.rolled).length, 0);
}
