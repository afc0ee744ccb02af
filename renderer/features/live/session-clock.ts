/**
 * The clock between `session` status updates: the status says how long the session has run when
 * it was sent; while running, the time since then is added.
 */
import type { SessionStatus } from '../../bridge/contract';

export function sessionElapsedS(session: SessionStatus, receivedAtMs: number, nowMs: number): number {
  if (session.state !== 'running') return session.elapsedS;
  return session.elapsedS + Math.max(0, nowMs - receivedAtMs) / 1000;
}

/** Today's rolling time: the status's total plus rolling seen in live points since. */
export function todayRollingS(session: SessionStatus, rollingSinceStatusS: number): number {
  return session.todayRollingS + (session.state === 'running' ? rollingSinceStatusS : 0);
}
