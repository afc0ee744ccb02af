/**
 * What the last session came to, whether it could be saved, advice after a stop for pain, and
 * the way to its review (when it was stored).
 */
import { useNavigation } from '../../app/navigation';
import type { SessionStatus } from '../../bridge/contract';
import { formatDurationWords } from '../../common/time-format';

export function SessionSummary({ session }: { session: SessionStatus }) {
  const pain = session.endReason === 'stopped: pain';
  const { openReview } = useNavigation();
  const reviewId = session.endReason === 'not saved' ? null : session.sessionId;
  return (
    <section className={`summary ${pain ? 'summary--pain' : ''}`} aria-labelledby="summary-heading" data-testid="session-summary">
      <h2 id="summary-heading">{session.saveProblem ? `Last session — ${session.endReason === 'not saved' ? 'not saved' : 'partly saved'}` : 'Last session'}</h2>
      {session.saveProblem && (
        <p className="summary__not-saved" role="alert" data-testid="session-not-saved">
          {session.saveProblem}
        </p>
      )}
      <dl className="summary__facts">
        <div>
          <dt>Length</dt>
          <dd>{formatDurationWords(session.elapsedS)}</dd>
        </div>
        <div>
          <dt>Rolling</dt>
          <dd>{formatDurationWords(session.rollingS)}</dd>
        </div>
        <div>
          <dt>Warnings</dt>
          <dd>{session.warnings}</dd>
        </div>
        <div>
          <dt>Today</dt>
          <dd>
            {formatDurationWords(session.todayRollingS)} of {formatDurationWords(session.dailyBudgetS)}
          </dd>
        </div>
      </dl>
      {reviewId !== null && (
        <p className="summary__review">
          <button type="button" className="btn btn--secondary" data-testid="summary-review" onClick={() => openReview(reviewId)}>
            Review this session
          </button>
        </p>
      )}
      {pain && (
        <p className="summary__advice" role="note">
          You stopped because it hurt. Rest, and do not roll that area again until it feels normal. If pain, numbness
          or tingling stays or comes back, have it looked at by a doctor or physiotherapist.
        </p>
      )}
    </section>
  );
}
