/** After a "yes": advice to get clearance first. The user may still go on. */
import type { ScreeningQuestionId } from '../../bridge/contract';
import { questionText } from './screening-evaluation';

interface Props {
  yes: ScreeningQuestionId[];
  onContinue(): void;
}

export function ClearanceAdvice({ yes, onContinue }: Props) {
  return (
    <section className="clearance" aria-labelledby="clearance-heading" data-testid="screening-clearance-advice">
      <h1 id="clearance-heading">
        <span className="clearance__icon" aria-hidden="true">
          ⚠
        </span>{' '}
        Please check with a professional first
      </h1>
      <p>You answered yes to:</p>
      <ul className="clearance__list">
        {yes.map((id) => (
          <li key={id}>{questionText(id)}</li>
        ))}
      </ul>
      <p>With this, rolling your back on a foam roller may not be safe for you. Before you use Roller Companion, ask a doctor or physiotherapist whether foam rolling is right for you, and how.</p>
      <p>If you choose to go on anyway: start very gently, and stop at once if anything hurts, or if you feel numbness, tingling or dizziness.</p>
      <button type="button" className="btn btn--secondary" onClick={onContinue} data-testid="screening-continue" autoFocus>
        I understand — continue
      </button>
    </section>
  );
}
