/**
 * Pure helpers for the History screen: local days, day and week headings, times, shares and end
 * reasons as the user reads them, and the history's days newest first.
 */
import type { History, PastSession } from '../../bridge/contract';

export { percentText } from '../../bridge/contract';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The local calendar day (`YYYY-MM-DD`) of a Date. */
export function localDayOf(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/** `YYYY-MM-DD` → its parts, or null when it is not a date. */
function parseDay(day: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return { y, m, d };
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`), or null if either is unreadable. */
export function daysBetween(a: string, b: string): number | null {
  const pa = parseDay(a);
  const pb = parseDay(b);
  if (!pa || !pb) return null;
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86_400_000);
}

/** "Today", "Yesterday", or "Monday 3 March" (with the year when it is not `today`'s year). */
export function dayHeading(day: string, today: string): string {
  const p = parseDay(day);
  if (!p) return day;
  const diff = daysBetween(day, today);
  if (diff === 0) return 'Today';
  if (diff === 1) return 'Yesterday';
  const weekday = WEEKDAYS[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()] ?? '';
  const sameYear = today.slice(0, 4) === day.slice(0, 4);
  return `${weekday} ${p.d} ${MONTHS[p.m - 1] ?? ''}${sameYear ? '' : ` ${p.y}`}`;
}

/** "Week of 3 Mar" (with the year when it differs from `today`'s). */
export function weekLabel(weekStart: string, today: string): string {
  const p = parseDay(weekStart);
  if (!p) return weekStart;
  const sameYear = today.slice(0, 4) === weekStart.slice(0, 4);
  return `Week of ${p.d} ${(MONTHS[p.m - 1] ?? '').slice(0, 3)}${sameYear ? '' : ` ${p.y}`}`;
}

/** A session's local start time as "14:05", or "–" when unreadable. */
export function startTimeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '–';
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

export interface EndReasonView {
  text: string;
  /** Stopped because it hurt: shown loudly. */
  pain: boolean;
}

/** How a session ended, in words. */
export function endReasonView(reason: string | null): EndReasonView {
  switch (reason) {
    case 'stopped: pain':
      return { text: 'Stopped: pain', pain: true };
    case 'completed':
      return { text: 'Completed', pain: false };
    case 'interrupted':
      return { text: 'Interrupted', pain: false };
    case null:
      return { text: 'Not finished', pain: false };
    default:
      return { text: reason.charAt(0).toUpperCase() + reason.slice(1), pain: false };
  }
}

/** A session's coaching warnings as main stored them, or 0 without figures. */
export function sessionWarnings(session: PastSession): number {
  return session.summary?.warnings ?? 0;
}

/** Warnings per session with one decimal: "1.5". */
export function perSessionText(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : '–';
}

export type HistoryDay = History['days'][number];

export interface DayView {
  day: HistoryDay;
  /** The day's sessions, in start order. */
  sessions: PastSession[];
}

/** The history's days, newest first, each with its sessions (earliest first). */
export function daysNewestFirst(history: History): DayView[] {
  const byId = new Map(history.sessions.map((s) => [s.id, s]));
  return [...history.days]
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0))
    .map((day) => ({
      day,
      sessions: day.sessionIds
        .map((id) => byId.get(id))
        .filter((s): s is PastSession => s !== undefined)
        .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0)),
    }));
}

/** Weeks newest first. */
export function weeksNewestFirst(history: History): History['weeks'] {
  return [...history.weeks].sort((a, b) => (a.weekStart < b.weekStart ? 1 : a.weekStart > b.weekStart ? -1 : 0));
}

export interface TodayTotal {
  rollingS: number;
  budgetS: number;
  overBudget: boolean;
}

/** Today's rolling time against the daily budget; `fallbackBudgetS` when today has no sessions yet. */
export function todayTotal(history: History, today: string, fallbackBudgetS: number): TodayTotal {
  const d = history.days.find((x) => x.day === today);
  if (!d) return { rollingS: 0, budgetS: fallbackBudgetS, overBudget: false };
  return { rollingS: d.rollingS, budgetS: d.budgetS, overBudget: d.overBudget };
}

/** Share of the budget used, clamped to 0…1 for a progress bar. */
export function budgetFraction(t: TodayTotal): number {
  if (!(t.budgetS > 0)) return 0;
  return Math.min(1, Math.max(0, t.rollingS / t.budgetS));
}
