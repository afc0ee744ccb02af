/** Tells screen readers when a session starts or ends. */
import type { SessionStatus } from '../bridge/contract';

export function SessionAnnouncer({ session }: { session: SessionStatus }) {
  const text =
    session.state === 'running'
      ? 'Session running.'
      : session.state === 'ended'
        ? `${session.endReason === 'stopped: pain' ? 'Session stopped because it hurt.' : 'Session ended.'}${session.saveProblem ? ` ${session.saveProblem}` : ''}`
        : '';
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {text}
    </p>
  );
}
