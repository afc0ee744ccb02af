/** The safety answers on file: when they were given, whether clearance was advised; re-take. */
import { useNavigation } from '../../app/navigation';
import type { Screening } from '../../bridge/contract';
import { formatDate } from '../../common/time-format';
import { questionText, yesAnswers } from '../screening/screening-evaluation';

export function ScreeningSummary({ screening }: { screening: Screening | null }) {
  const { retakeScreening } = useNavigation();
  const yes = screening ? yesAnswers(screening.answers) : [];
  return (
    <section className="card" aria-labelledby="screening-summary-heading" data-testid="screening-summary">
      <h2 id="screening-summary-heading">Safety questions</h2>
      {screening ? (
        <>
          <p data-testid="screening-date">Answered on {formatDate(screening.answeredAt)}.</p>
          {screening.needsClearance ? (
            <p className="notice notice--warn">
              <span aria-hidden="true">⚠ </span>
              You answered yes to {yes.map(questionText).join('; ')}. Please check with a doctor or physiotherapist before rolling.
            </p>
          ) : (
            <p>You answered no to all of them.</p>
          )}
        </>
      ) : (
        <p>Not answered yet.</p>
      )}
      <button type="button" className="btn btn--secondary" onClick={retakeScreening} data-testid="retake-screening">
        Answer the questions again
      </button>
    </section>
  );
}
