/**
 * What the last session came to — main's figures for it, exactly as stored and as History and
 * Review show them — whether it could be saved, advice after a stop for pain, and the way to its
 * review (when it was stored), and a note on how it felt. A routine's session names the routine.
 */
import { useState } from 'react';
import { useNavigation } from '../../app/navigation';
import { SessionNoteEditor } from '../review/SessionNoteEditor';
import { durationText, routineName, sessionFigureTexts, type SessionStatus } from '../../bridge/contract';
import { lengthText, type Units } from '../../common/units';

export function SessionSummary({ session, units }: { session: SessionStatus; units: Units }) {
  const pain = session.endReason === 'stopped: pain';
  const f = session.figures ? sessionFigureTexts(session.figures, (cm) => lengthText(cm, units)) : null;
  const { openReview } = useNavigation();
  const reviewId = session.endReason === 'not saved' ? null : session.sessionId;
  const [noting, setNoting] = useState<number | null>(null);
  const routine = routineName(session.routine?.kind);
  const title = routine ? `Last session: ${routine}` : 'Last session';
  return (
    <section className={`summary ${pain ? 'summary--pain' : ''}`} aria-labelledby="summary-heading" data-testid="session-summary">
      <h2 id="summary-heading" data-testid="summary-heading">
        {session.saveProblem ? `${title} — ${session.endReason === 'not saved' ? 'not saved' : 'partly saved'}` : title}
      </h2>
      {session.saveProblem && (
        <p className="summary__not-saved" role="alert" data-testid="session-not-saved">
          {session.saveProblem}
        </p>
      )}
      <dl className="summary__facts">
        <div>
          <dt>Length</dt>
          <dd data-testid="summary-length">{f?.length ?? '–'}</dd>
        </div>
        <div>
          <dt>Rolling</dt>
          <dd data-testid="summary-rolling">{f?.rolling ?? '–'}</dd>
        </div>
        <div>
          <dt>Within limit</dt>
          <dd data-testid="summary-within-limit">{f?.withinLimit ?? '–'}</dd>
        </div>
        <div>
          <dt>Longest stay</dt>
          <dd data-testid="summary-longest-stay">{f?.longestStay ?? '–'}</dd>
        </div>
        <div>
          <dt>Warnings</dt>
          <dd data-testid="summary-warnings">{f?.warnings ?? '–'}</dd>
        </div>
        <div>
          <dt>Today</dt>
          <dd data-testid="summary-today">
            {durationText(session.todayRollingS)} of {durationText(session.dailyBudgetS)}
          </dd>
        </div>
      </dl>
      {reviewId !== null && (
        <p className="summary__review">
          <button type="button" className="btn btn--secondary" data-testid="summary-review" onClick={() => openReview(reviewId)}>
            Review this session
          </button>
          {noting !== reviewId && (
            <button type="button" className="btn btn--secondary" data-testid="summary-add-note" onClick={() => setNoting(reviewId)}>
              Add a note
            </button>
          )}
        </p>
      )}
      {reviewId !== null && noting === reviewId && <SessionNoteEditor key={reviewId} sessionId={reviewId} note={null} heading="How did it feel?" />}
      {pain && (
        <p className="summary__advice" role="note">
          You stopped because it hurt. Rest, and do not roll that area again until it feels normal. If pain, numbness or tingling stays or comes back, have it looked at by a doctor or physiotherapist.
        </p>
      )}
    </section>
  );
}
