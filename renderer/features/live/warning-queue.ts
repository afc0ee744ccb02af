/**
 * Which warning the banner shows: the newest one, unless a more urgent one is still showing.
 * Pure: the time comes in as an argument.
 */
import type { CoachEventMessage } from '../../bridge/contract';

export interface ActiveWarning {
  /** Increases with every warning shown (a new id means "announce again"). */
  id: number;
  event: CoachEventMessage;
  priority: number;
  shownAtMs: number;
  clearAtMs: number;
}

/** The warning after `event` arrives at `nowMs`; null result never happens (the event shows or the current stays). */
export function offerWarning(current: ActiveWarning | null, event: CoachEventMessage, priority: number, showForMs: number, nowMs: number): { active: ActiveWarning; shown: boolean } {
  const live = current && current.clearAtMs > nowMs ? current : null;
  if (live && live.priority > priority) return { active: live, shown: false };
  const id = (current?.id ?? 0) + 1;
  return { active: { id, event, priority, shownAtMs: nowMs, clearAtMs: nowMs + showForMs }, shown: true };
}

/** The warning still showing at `nowMs`, or null once its time is up. */
export function expireWarning(current: ActiveWarning | null, nowMs: number): ActiveWarning | null {
  return current && current.clearAtMs > nowMs ? current : null;
}
