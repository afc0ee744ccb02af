/** One yes/no screening question, with why it is asked. */
import type { ScreeningQuestionId } from '../../bridge/contract';

interface Props {
  id: ScreeningQuestionId;
  index: number;
  text: string;
  why: string;
  value: boolean | undefined;
  invalid: boolean;
  onChange(value: boolean): void;
}

export function ScreeningQuestion({ id, index, text, why, value, invalid, onChange }: Props) {
  const name = `screening-${id}`;
  return (
    <fieldset className={`question ${invalid ? 'question--invalid' : ''}`} id={`q-${id}`} data-testid={`screening-question-${id}`}>
      <legend className="question__text">
        <span className="question__num">{index + 1}.</span> {text}
      </legend>
      <p className="question__why" id={`${name}-why`}>
        {why}
      </p>
      <div className="question__choices">
        <label className={`choice ${value === true ? 'choice--on choice--yes' : ''}`}>
          <input type="radio" name={name} value="yes" checked={value === true} onChange={() => onChange(true)} aria-describedby={`${name}-why`} data-testid={`screening-yes-${id}`} />
          Yes
        </label>
        <label className={`choice ${value === false ? 'choice--on' : ''}`}>
          <input type="radio" name={name} value="no" checked={value === false} onChange={() => onChange(false)} aria-describedby={`${name}-why`} data-testid={`screening-no-${id}`} />
          No
        </label>
      </div>
      {invalid && <p className="field-error">Please answer yes or no.</p>}
    </fieldset>
  );
}
