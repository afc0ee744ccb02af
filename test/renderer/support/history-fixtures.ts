/** Contract data for the History and review screens: past sessions, a history, one session's review. */
import type { CompareAnswer, History, PastSession, SessionReview } from '../../../renderer/bridge/contract';
import { compareSessions } from '../../../electron/session/session-comparison';

type Summary = NonNullable<PastSession['summary']>;

export function summaryFixture(over: Partial<Summary> = {}): Summary {
  return {
    durationS: 300,
    rollingS: 240,
    distanceCm: 900,
    maxSpeedInPerS: 1.8,
    withinLimitShare: 0.87,
    longestDwellS: 22,
    zoneTimeS: { neck: 0, 'upper-back': 120, 'mid-back': 110, lumbar: 10 },
    eventCounts: { 'too-fast': 2, 'dwell-nudge': 1, 'dwell-limit': 0, lumbar: 1, neck: 0, 'time-budget': 0 },
    warnings: 4,
    excursions: { lumbar: { count: 1, deepestCm: 2.4 }, neck: { count: 0, deepestCm: null } },
    topCm: 18,
    bottomCm: -17,
    ...over,
  };
}

export function pastSessionFixture(id: number, startedAt: string, day: string, over: Partial<PastSession> = {}): PastSession {
  return { id, startedAt, day, endReason: 'completed', source: 'simulated', sensorName: null, summary: summaryFixture(), imported: false, importedFrom: null, note: null, routine: null, ...over };
}

type Day = History['days'][number];

export function dayFixture(day: string, sessionIds: number[], over: Partial<Day> = {}): Day {
  return {
    day,
    sessionIds,
    rollingS: 240 * sessionIds.length,
    budgetS: 600,
    overBudget: false,
    zoneTimeS: { neck: 0, 'upper-back': 0, 'mid-back': 0, lumbar: 0 },
    warnings: { 'too-fast': 0, 'dwell-nudge': 0, 'dwell-limit': 0, lumbar: 0, neck: 0, 'time-budget': 0 },
    stoppedForPain: 0,
    interrupted: 0,
    ...over,
  };
}

/** A session's review: a 60 s track at 2 Hz rolling up and down, with the events given. */
export function reviewFixture(session: PastSession, events: SessionReview['events'] = []): SessionReview {
  const n = 121;
  const t = Array.from({ length: n }, (_, i) => i * 0.5);
  const positionCm = t.map((x) => 15 * Math.sin(x / 6));
  const speedInPerS = t.map((x) => Math.abs(Math.cos(x / 6)) * 1.2);
  return {
    session,
    settings: { rollerDiameterIn: 6, speedLimitInPerS: 1, dwellNudgeS: 15, dwellLimitS: 30, neckAboveCm: 20, lumbarBelowCm: 14 },
    track: {
      t,
      positionCm,
      speedInPerS,
      zone: positionCm.map(() => 'mid-back' as const),
      atRest: t.map((x) => x > 58),
      gapBridged: t.map(() => false),
      accelRejected: t.map((x) => x === 20),
      axisConfidence: t.map(() => 0.93),
    },
    events,
    dwell: { binCm: 2.54, firstBinCm: -17.78, seconds: Array.from({ length: 14 }, (_, i) => (i % 5) + 1) },
  };
}

/** What `compare.get` answers for two reviews: main's own comparison of their stored figures, the earlier first. */
export function compareAnswerFixture(x: SessionReview, y: SessionReview): CompareAnswer {
  const compared = (r: SessionReview) => ({ id: r.session.id, startedAtMs: Date.parse(r.session.startedAt), endReason: r.session.endReason, summary: r.session.summary });
  const comparison = compareSessions(compared(x), compared(y));
  return { sessions: comparison.ids[0] === x.session.id ? [x, y] : [y, x], comparison };
}
