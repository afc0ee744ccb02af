/**
 * Past sessions as the review and history screens need them, read from the session store:
 * history by day and week against the daily budget, and one session's settings, decimated
 * track (columns, ≤ `maxPoints`), events, and the time spent per 1-inch bin along the spine;
 * two sessions compared like with like.
 */
import type { CompareAnswer, History, PastSession, SessionReview } from '../ipc/ipc-contract';
import { dwellHistogram } from '../motion/dwell-histogram';
import { spineMapFor, ZONES } from '../motion/spine-map';
import { FLAG_ACCEL_REJECTED, FLAG_AT_REST, FLAG_GAP_BRIDGED } from '../motion/track-columns';
import { loadSessionTrack, sessionTimeOrigin } from '../session/session-data';
import { compareSessions } from '../session/session-comparison';
import { buildHistory, localDay } from '../session/session-history';
import type { StoredSession } from '../session/session-records';
import type { SessionStore } from '../session/session-store';

const DAY_MS = 86_400_000;

export function pastSession(s: StoredSession): PastSession {
  return {
    id: s.id,
    startedAt: new Date(s.startedAt).toISOString(),
    day: localDay(s.startedAt, s.utcOffsetMin),
    endReason: s.endReason,
    source: s.source,
    sensorName: s.sensor?.name ?? null,
    summary: s.summary,
    imported: s.source === 'import',
    importedFrom: s.origin?.fileName ?? null,
    note: s.note,
    routine: s.routine,
  };
}

export function sessionHistory(store: SessionStore, days: number, at: Date): History {
  const sessions = store.listSessions({ fromMs: at.getTime() - days * DAY_MS, order: 'oldest', limit: 100_000 }).filter((s) => s.state === 'ended');
  const budgetMin = store.getProfile().dailyBudgetMin;
  const h = buildHistory(sessions, budgetMin);
  return {
    sessions: sessions.map(pastSession),
    days: h.days.map((d) => ({
      day: d.day,
      sessionIds: d.sessionIds,
      rollingS: d.rollingS,
      budgetS: d.budgetS,
      overBudget: d.overBudget,
      zoneTimeS: d.zoneTimeS,
      warnings: d.warnings,
      stoppedForPain: d.stoppedForPain,
      interrupted: d.interrupted,
    })),
    weeks: h.weeks.map((w) => ({
      weekStart: w.weekStart,
      sessions: w.sessions,
      activeDays: w.activeDays,
      rollingS: w.rollingS,
      budgetS: w.budgetS,
      withinLimitShare: w.withinLimitShare,
      warningsPerSession: w.warningsPerSession,
      warningsPer10Min: w.warningsPer10Min,
    })),
  };
}

export function sessionReview(store: SessionStore, id: number, maxPoints = 20_000): SessionReview {
  const session = store.getSession(id);
  const track = loadSessionTrack(store, id);
  const step = Math.max(1, Math.ceil(track.length / maxPoints));
  // Review times count from the session's first point (session-data.ts: sessionTimeOrigin).
  const t0 = sessionTimeOrigin(store, id);
  const cols: SessionReview['track'] = { t: [], positionCm: [], speedInPerS: [], zone: [], atRest: [], gapBridged: [], accelRejected: [], axisConfidence: [] };
  for (let i = 0; i < track.length; i += step) {
    const f = track.flags[i]!;
    cols.t.push(track.t[i]! - t0);
    cols.positionCm.push(track.positionCm[i]!);
    cols.speedInPerS.push(track.speedInPerS[i]!);
    cols.zone.push(ZONES[track.zone[i]!]!);
    cols.atRest.push((f & FLAG_AT_REST) !== 0);
    cols.gapBridged.push((f & FLAG_GAP_BRIDGED) !== 0);
    cols.accelRejected.push((f & FLAG_ACCEL_REJECTED) !== 0);
    cols.axisConfidence.push(track.axisConfidence[i]!);
  }
  const map = spineMapFor(session.settings);
  const s = session.settings;
  return {
    session: pastSession(session),
    settings: {
      rollerDiameterIn: s.rollerDiameterIn,
      speedLimitInPerS: s.speedLimitInPerS,
      dwellNudgeS: s.dwellNudgeS,
      dwellLimitS: s.dwellLimitS,
      neckAboveCm: map.neckAboveCm,
      lumbarBelowCm: map.lumbarBelowCm,
    },
    track: cols,
    events: store.events(id).map((e) => ({ ...e, t: e.t - t0 })),
    dwell: dwellHistogram(track),
  };
}

/** Two reviewed sessions, the earlier first, with the like-for-like comparison of their stored figures. */
export function comparePastSessions(x: SessionReview, y: SessionReview): CompareAnswer {
  const compared = (r: SessionReview) => ({ id: r.session.id, startedAtMs: Date.parse(r.session.startedAt), endReason: r.session.endReason, summary: r.session.summary });
  const comparison = compareSessions(compared(x), compared(y));
  const sessions: [SessionReview, SessionReview] = comparison.ids[0] === x.session.id ? [x, y] : [y, x];
  return { sessions, comparison };
}
