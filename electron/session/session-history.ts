/**
 * History over stored sessions: by local day, daily rolling time against the daily budget,
 * time per zone, warnings per kind, and weekly trends. Pure: sessions in, numbers out.
 *
 * A session belongs to the local day it started on, in the time zone it was recorded in (its
 * stored UTC offset), so travelling does not move past sessions between days. Weeks start on
 * Monday. Sessions without a summary (nothing stored) count as sessions with no rolling time.
 */
import { EVENT_KINDS, type CoachEventKind } from '../motion/motion-types';
import { ZONES, type Zone } from '../motion/spine-map';
import { warningsIn, type SessionFigures } from '../motion/session-figures-schema';
import { perTenMinutesOfRolling } from '../motion/figure-rates';
import type { EndReason } from './session-records';

export interface HistorySession {
  id: number;
  startedAt: number;
  utcOffsetMin: number;
  endReason: EndReason | null;
  summary: SessionFigures | null;
}

export interface DayTotal {
  /** Local date, `YYYY-MM-DD`. */
  day: string;
  sessionIds: number[];
  rollingS: number;
  durationS: number;
  budgetS: number;
  /** rollingS / budgetS. */
  budgetShare: number;
  overBudget: boolean;
  zoneTimeS: Record<Zone, number>;
  warnings: Record<CoachEventKind, number>;
  /** Sessions ended with "stopped: pain". */
  stoppedForPain: number;
  interrupted: number;
}

export interface WeekTrend {
  /** Monday of the week, `YYYY-MM-DD`. */
  weekStart: string;
  sessions: number;
  activeDays: number;
  daysOverBudget: number;
  rollingS: number;
  /** Share of rolling time within the speed limit, weighted by rolling time; null without rolling. */
  withinLimitShare: number | null;
  /** Coaching warnings (time-budget reminders excluded) per session. */
  warningsPerSession: number;
  /** Coaching warnings per 10 minutes of rolling; null without rolling. */
  warningsPer10Min: number | null;
  /** The week's rolling-time budget: 7 × the daily budget, s. */
  budgetS: number;
  warnings: Record<CoachEventKind, number>;
}

export interface History {
  days: DayTotal[];
  weeks: WeekTrend[];
  zoneTimeS: Record<Zone, number>;
  warnings: Record<CoachEventKind, number>;
}

const DAY_MS = 86_400_000;

/** The local date (`YYYY-MM-DD`) of `ms` at a UTC offset of `utcOffsetMin` minutes. */
export function localDay(ms: number, utcOffsetMin: number): string {
  return new Date(ms + utcOffsetMin * 60_000).toISOString().slice(0, 10);
}

/** Local midnight before `ms`, as ms since 1970. */
export function localDayStartMs(ms: number, utcOffsetMin: number): number {
  const shifted = ms + utcOffsetMin * 60_000;
  return shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - utcOffsetMin * 60_000;
}

/** Monday of the week holding `day` (`YYYY-MM-DD`). */
export function weekStartOf(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  const dow = new Date(ms).getUTCDay();
  return new Date(ms - ((dow + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Rolling time already done on the local day of `atMs`, before it: the engine's
 * `priorDailyRollingS` for a session starting then.
 */
export function priorDailyRollingS(store: { rollingTimeBetween(fromMs: number, toMs: number): number }, atMs: number, utcOffsetMin: number): number {
  return store.rollingTimeBetween(localDayStartMs(atMs, utcOffsetMin), atMs);
}

export function sessionsByDay<T extends HistorySession>(sessions: readonly T[]): { day: string; sessions: T[] }[] {
  const map = new Map<string, T[]>();
  for (const s of [...sessions].sort((a, b) => a.startedAt - b.startedAt)) {
    const day = localDay(s.startedAt, s.utcOffsetMin);
    const list = map.get(day) ?? [];
    list.push(s);
    map.set(day, list);
  }
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, list]) => ({ day, sessions: list }));
}

export function dailyTotals(sessions: readonly HistorySession[], dailyBudgetMin: number): DayTotal[] {
  const budgetS = dailyBudgetMin * 60;
  return sessionsByDay(sessions).map(({ day, sessions: list }) => {
    const zoneTimeS = zeroZones();
    const warnings = zeroKinds();
    let rollingS = 0;
    let durationS = 0;
    for (const s of list) {
      if (s.summary) {
        rollingS += s.summary.rollingS;
        durationS += s.summary.durationS;
        addZones(zoneTimeS, s.summary.zoneTimeS);
        addKinds(warnings, s.summary.eventCounts);
      }
    }
    return {
      day,
      sessionIds: list.map((s) => s.id),
      rollingS,
      durationS,
      budgetS,
      budgetShare: rollingS / budgetS,
      overBudget: rollingS > budgetS,
      zoneTimeS,
      warnings,
      stoppedForPain: list.filter((s) => s.endReason === 'stopped: pain').length,
      interrupted: list.filter((s) => s.endReason === 'interrupted').length,
    };
  });
}

export function zoneTotals(sessions: readonly HistorySession[]): Record<Zone, number> {
  const out = zeroZones();
  for (const s of sessions) if (s.summary) addZones(out, s.summary.zoneTimeS);
  return out;
}

export function warningCounts(sessions: readonly HistorySession[]): Record<CoachEventKind, number> {
  const out = zeroKinds();
  for (const s of sessions) if (s.summary) addKinds(out, s.summary.eventCounts);
  return out;
}

/** The weekly rolling-time budget: seven daily budgets, s. */
export function weeklyBudgetS(dailyBudgetMin: number): number {
  return dailyBudgetMin * 60 * 7;
}

export function weeklyTrends(sessions: readonly HistorySession[], dailyBudgetMin: number): WeekTrend[] {
  const days = dailyTotals(sessions, dailyBudgetMin);
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const weeks = new Map<string, DayTotal[]>();
  for (const d of days) {
    const w = weekStartOf(d.day);
    weeks.set(w, [...(weeks.get(w) ?? []), d]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([weekStart, list]) => {
      const warnings = zeroKinds();
      let rollingS = 0;
      let withinS = 0;
      let sessionCount = 0;
      for (const d of list) {
        addKinds(warnings, d.warnings);
        for (const id of d.sessionIds) {
          sessionCount++;
          const sum = byId.get(id)?.summary;
          if (!sum) continue;
          rollingS += sum.rollingS;
          withinS += sum.rollingS * sum.withinLimitShare;
        }
      }
      const coaching = warningsIn(warnings);
      return {
        weekStart,
        sessions: sessionCount,
        activeDays: list.length,
        daysOverBudget: list.filter((d) => d.overBudget).length,
        rollingS,
        withinLimitShare: rollingS > 0 ? withinS / rollingS : null,
        warningsPerSession: sessionCount > 0 ? coaching / sessionCount : 0,
        warningsPer10Min: perTenMinutesOfRolling(coaching, rollingS),
        budgetS: weeklyBudgetS(dailyBudgetMin),
        warnings,
      };
    });
}

export function buildHistory(sessions: readonly HistorySession[], dailyBudgetMin: number): History {
  return { days: dailyTotals(sessions, dailyBudgetMin), weeks: weeklyTrends(sessions, dailyBudgetMin), zoneTimeS: zoneTotals(sessions), warnings: warningCounts(sessions) };
}

function zeroZones(): Record<Zone, number> {
  return Object.fromEntries(ZONES.map((z) => [z, 0])) as Record<Zone, number>;
}

function zeroKinds(): Record<CoachEventKind, number> {
  return Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<CoachEventKind, number>;
}

function addZones(into: Record<Zone, number>, from: Record<Zone, number>): void {
  for (const z of ZONES) into[z] += from[z];
}

function addKinds(into: Record<CoachEventKind, number>, from: Record<CoachEventKind, number>): void {
  for (const k of EVENT_KINDS) into[k] += from[k];
}
