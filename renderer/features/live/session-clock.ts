/**
 * The clock between `session` status updates: the status says how long the session has run when
 * it was sent; while running, the time since then is added.
 */
import type { RollingNow, SessionStatus } from '../../bridge/contract';

export function sessionElapsedS(session: SessionStatus, receivedAtMs: number, nowMs: number): number {
  if (session.state !== 'running') return session.elapsedS;
  return session.elapsedS + Math.max(0, nowMs - receivedAtMs) / 1000;
}

/**
 * Today's rolling time as main last sent it: the session status's, or the newer figure of the
 * latest live batch while the session runs (rolling time only grows, so the larger is the newer).
 */
export function todayRollingS(session: SessionStatus, live: RollingNow | null): number {
  if (session.state !== 'running' || !live) return session.todayRollingS;
  return Math.max(session.todayRollingS, live.todayRollingS);
}
