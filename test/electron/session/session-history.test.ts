import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';
import { motionSettings } from '../../../electron/motion/motion-settings';
import type { SessionFigures } from '../../../electron/motion/session-figures-schema';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { buildHistory, dailyTotals, localDay, localDayStartMs, priorDailyRollingS, sessionsByDay, weekStartOf, weeklyTrends, type HistorySession } from '../../../electron/session/session-history';
import { importRecordingText } from '../../../electron/session/session-import';
import { simulation } from './record-simulation';

const root = mkdtempSync(join(tmpdir(), 'roller-history-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function summary(rollingMin: number, within: number, fast: number, lumbar = 0): SessionFigures {
  const rollingS = rollingMin * 60;
  return {
    durationS: rollingS + 60,
    rollingS,
    distanceCm: 100,
    maxSpeedInPerS: 2,
    withinLimitShare: within,
    longestDwellS: 10,
    zoneTimeS: { neck: 0, 'upper-back': rollingS / 2 + 30, 'mid-back': rollingS / 2 + 30, lumbar: 0 },
    eventCounts: { 'too-fast': fast, 'dwell-nudge': 0, 'dwell-limit': 0, lumbar, neck: 0, 'time-budget': 0 },
    warnings: fast + lumbar,
    excursions: { lumbar: { count: lumbar, deepestCm: lumbar > 0 ? 2 : null }, neck: { count: 0, deepestCm: null } },
    topCm: 15,
    bottomCm: -10,
  };
}

let nextId = 1;
const at = (iso: string, offsetMin: number, s: SessionFigures | null, endReason: HistorySession['endReason'] = 'completed'): HistorySession => ({
  id: nextId++,
  startedAt: Date.parse(iso),
  utcOffsetMin: offsetMin,
  endReason,
  summary: s,
});

describe('history (pure)', () => {
  it('local days follow each session’s own UTC offset', () => {
    // 23:30 UTC on 3 March is 00:30 on 4 March in Berlin (+60) and 18:30 on 3 March in New York (−300).
    const t = Date.parse('2025-03-03T23:30:00Z');
    expect(localDay(t, 60)).toBe('2025-03-04');
    expect(localDay(t, -300)).toBe('2025-03-03');
    expect(localDay(t, 0)).toBe('2025-03-03');
    expect(new Date(localDayStartMs(t, 60)).toISOString()).toBe('2025-03-03T23:00:00.000Z');
    expect(new Date(localDayStartMs(t, -300)).toISOString()).toBe('2025-03-03T05:00:00.000Z');
    expect(weekStartOf('2025-03-09')).toBe('2025-03-03'); // Sunday → Monday before
    expect(weekStartOf('2025-03-03')).toBe('2025-03-03');
  });

  it('daily totals against the budget, zones, warnings, pain stops', () => {
    const sessions = [
      at('2025-03-03T07:00:00Z', 60, summary(4, 0.9, 1)),
      at('2025-03-03T19:00:00Z', 60, summary(7, 0.5, 3, 1), 'stopped: pain'),
      at('2025-03-03T23:30:00Z', 60, summary(2, 1, 0)), // already 4 March locally
      at('2025-03-05T08:00:00Z', 60, null, 'interrupted'),
    ];
    const days = dailyTotals(sessions, 10);
    expect(days.map((d) => d.day)).toEqual(['2025-03-03', '2025-03-04', '2025-03-05']);
    expect(days[0]).toMatchObject({ rollingS: 660, budgetS: 600, overBudget: true, stoppedForPain: 1, interrupted: 0 });
    expect(days[0]!.budgetShare).toBeCloseTo(1.1);
    expect(days[0]!.warnings).toMatchObject({ 'too-fast': 4, lumbar: 1 });
    expect(days[0]!.zoneTimeS['upper-back']).toBe(120 + 30 + 210 + 30);
    expect(days[1]).toMatchObject({ rollingS: 120, overBudget: false });
    expect(days[2]).toMatchObject({ rollingS: 0, interrupted: 1, sessionIds: [sessions[3]!.id] });
    expect(sessionsByDay(sessions).map((d) => d.sessions.length)).toEqual([2, 1, 1]);
  });

  it('weekly trends: rolling time, time within the limit, warnings per session', () => {
    const sessions = [
      at('2025-03-03T08:00:00Z', 0, summary(5, 0.6, 4)),
      at('2025-03-05T08:00:00Z', 0, summary(5, 0.8, 2)),
      at('2025-03-11T08:00:00Z', 0, summary(10, 0.95, 1)),
      at('2025-03-12T08:00:00Z', 0, summary(12, 1, 0)),
      at('2025-03-12T18:00:00Z', 0, summary(1, 1, 0)),
    ];
    const weeks = weeklyTrends(sessions, 10);
    expect(weeks.map((w) => w.weekStart)).toEqual(['2025-03-03', '2025-03-10']);
    expect(weeks[0]).toMatchObject({ sessions: 2, activeDays: 2, rollingS: 600, daysOverBudget: 0, warningsPerSession: 3 });
    expect(weeks[0]!.withinLimitShare).toBeCloseTo(0.7);
    expect(weeks[1]).toMatchObject({ sessions: 3, activeDays: 2, rollingS: 1380, daysOverBudget: 1 });
    expect(weeks[1]!.withinLimitShare).toBeCloseTo((600 * 0.95 + 720 + 60) / 1380);
    expect(weeks[1]!.warningsPerSession).toBeCloseTo(1 / 3);
    // Warnings per 10 minutes of rolling: week 1 has 6 warnings over 10 min, week 2 one over 23 min.
    expect(weeks[0]!.warningsPer10Min).toBeCloseTo(6);
    expect(weeks[1]!.warningsPer10Min).toBeCloseTo(10 / 23);
    expect(weeks.map((w) => w.budgetS)).toEqual([4200, 4200]);
    const h = buildHistory(sessions, 10);
    expect(h.warnings['too-fast']).toBe(7);
    expect(h.zoneTimeS['mid-back']).toBe((300 + 300 + 600 + 720 + 60) / 2 + 5 * 30);
  });
});

describe('weekly trends across time zones and empty weeks', () => {
  it('a session belongs to the week of its own local day, whatever the UTC day', () => {
    // Sunday 9 March 23:30 in Berlin is 22:30 UTC; Monday 10 March 00:30 in Berlin is 23:30 UTC on Sunday.
    // 8:00 on Monday 10 March in Los Angeles (−420) is 15:00 UTC.
    const sunday = at('2025-03-09T22:30:00Z', 60, summary(3, 1, 0));
    const monday = at('2025-03-09T23:30:00Z', 60, summary(4, 1, 2));
    const mondayLa = at('2025-03-10T15:00:00Z', -420, summary(2, 0.5, 1));
    // 23:00 on Sunday 16 March in New York (−240) is already Monday 03:00 UTC.
    const sundayNy = at('2025-03-17T03:00:00Z', -240, summary(1, 1, 0));
    const weeks = weeklyTrends([monday, sundayNy, sunday, mondayLa], 15);
    expect(weeks.map((w) => [w.weekStart, w.sessions, w.rollingS])).toEqual([
      ['2025-03-03', 1, 180],
      ['2025-03-10', 3, 420],
    ]);
    expect(weeks[1]!.warningsPer10Min).toBeCloseTo((3 / 7) * 10);
    expect(weeks[1]!.budgetS).toBe(15 * 60 * 7);
  });

  it('a week without rolling has no warning rate and no within-limit share', () => {
    const weeks = weeklyTrends([at('2025-03-04T08:00:00Z', 0, null, 'interrupted')], 10);
    expect(weeks[0]).toMatchObject({ sessions: 1, rollingS: 0, withinLimitShare: null, warningsPer10Min: null, warningsPerSession: 0 });
  });
});

describe('history from the store', () => {
  it('lists sessions by time and adds up rolling time of a local day', () => {
    const { store } = openSessionStore({ dataDir: join(root, 'store') });
    // Three recordings (three seeds: the same samples twice would be one recording, imported once).
    const csv = (seed: number, startedAt: string) => formatRecordingCsv(simulation('good-slow-session', { untilS: 40, seed }).samples, { started_at: startedAt });
    const settings = motionSettings({});
    const now = Date.parse('2025-03-10T12:00:00Z');
    const a = importRecordingText(store, csv(1, '2025-03-03T08:00:00+01:00'), { fileName: 'a.csv', settings, now }).session;
    const b = importRecordingText(store, csv(2, '2025-03-03T20:00:00+01:00'), { fileName: 'b.csv', settings, now }).session;
    const c = importRecordingText(store, csv(3, '2025-03-04T00:30:00+01:00'), { fileName: 'c.csv', settings, now }).session;
    expect(a.summary!.rollingS).toBeGreaterThan(10);
    // The second session of the day knew what the first had rolled.
    expect(b.settings.priorDailyRollingS).toBeCloseTo(a.summary!.rollingS, 6);
    expect(c.settings.priorDailyRollingS).toBe(0);
    expect(store.listSessions().map((s) => s.id)).toEqual([c.id, b.id, a.id]);
    expect(store.listSessions({ order: 'oldest', limit: 2 }).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(store.listSessions({ fromMs: Date.parse('2025-03-03T12:00:00Z') }).map((s) => s.id)).toEqual([c.id, b.id]);
    const days = dailyTotals(store.listSessions(), 10);
    expect(days.map((d) => [d.day, d.sessionIds.length])).toEqual([
      ['2025-03-03', 2],
      ['2025-03-04', 1],
    ]);
    expect(priorDailyRollingS(store, Date.parse('2025-03-03T22:00:00Z'), 60)).toBeCloseTo(a.summary!.rollingS + b.summary!.rollingS, 6);
    store.close();
  });
});
