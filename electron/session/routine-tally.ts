/**
 * How often a routine was done lately: the count over the last 7 days and the most on one local
 * day. Extension over the roller is meant as an occasional exercise; done many times a day it
 * turns into a habit of chasing the "pop", which the app gently points out.
 */
import { localDay } from './session-history';

export const TALLY_DAYS = 7;
/** This many on one day (or more) is a many-times-a-day habit. */
export const MANY_A_DAY = 3;

export interface RoutineTally {
  /** Sessions of the routine started in the last 7 days. */
  lastWeek: number;
  /** The most on one local day among them. */
  mostInOneDay: number;
  /** `mostInOneDay` reached `MANY_A_DAY`: show the gentle note. */
  manyTimesADay: boolean;
}

/** The start of the tally's window for a tally at `nowMs`. */
export function tallyFromMs(nowMs: number): number {
  return nowMs - TALLY_DAYS * 86_400_000;
}

export function routineTally(starts: readonly { startedAt: number; utcOffsetMin: number }[], nowMs: number): RoutineTally {
  const from = tallyFromMs(nowMs);
  const perDay = new Map<string, number>();
  let lastWeek = 0;
  for (const s of starts) {
    if (s.startedAt < from || s.startedAt > nowMs) continue;
    lastWeek++;
    const day = localDay(s.startedAt, s.utcOffsetMin);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const mostInOneDay = Math.max(0, ...perDay.values());
  return { lastWeek, mostInOneDay, manyTimesADay: mostInOneDay >= MANY_A_DAY };
}
