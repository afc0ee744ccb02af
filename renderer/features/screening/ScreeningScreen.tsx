/**
 * The safety questions: asked on first run (the app is unusable until answered) and again from
 * Settings. Says what the app is, that it is not medical advice (acknowledged with a checkbox),
 * asks the eight questions with why, and sends `screening.submit`.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useServices } from '../../app/services-context';
import { SCREENING_QUESTIONS, type Screening, type ScreeningQuestionId } from '../../bridge/contract';
import { ErrorLine } from '../../common/ErrorLine';
import { useAction } from '../../common/use-action';
import { ClearanceAdvice } from './ClearanceAdvice';
import { ScreeningQuestion } from './ScreeningQuestion';
import { checkScreening, toSubmission, yesAnswers, type ScreeningDraft } from './screening-evaluation';
import { SCREENING_WHY } from './screening-why';
import './screening.css';

interface Props {
  previous: Screening | null;
  /** Called when the user is done (after reading the advice, when there was any "yes"). */
  onDone(screening: Screening): void;
  onCancel?: () => void;
}

export function ScreeningScreen({ previous, onDone, onCancel }: Props) {
  const { bridge, store } = useServices();
  const [draft, setDraft] = useState<ScreeningDraft>(() => ({ ...(previous?.answers ?? {}) }));
  const [ack, setAck] = useState(false);
  const [tried, setTried] = useState(false);
  const [result, setResult] = useState<Screening | null>(null);
  const problems = useRef<HTMLDivElement>(null);
  const submit = useAction(async (params: NonNullable<ReturnType<typeof toSubmission>>) => bridge.request('screening.submit', params));

  const check = checkScreening(draft, ack);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    const params = toSubmission(draft, ack);
    if (!params) {
      problems.current?.focus();
      return;
    }
    const saved = await submit.run(params);
    if (!saved) return;
    store.applyScreening(saved);
    if (saved.needsClearance) setResult(saved);
    else onDone(saved);
  }

  if (result) {
    return (
      <div className="screening">
        <ClearanceAdvice yes={yesAnswers(result.answers)} onContinue={() => onDone(result)} />
      </div>
    );
  }

  const set = (id: ScreeningQuestionId, v: boolean) => setDraft((d) => ({ ...d, [id]: v }));
  return (
    <form className="screening" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="screening-heading">
      <h1 id="screening-heading">Before you roll: a safety check</h1>
      <section className="screening__about" aria-label="About Roller Companion">
        <p>
          Roller Companion follows a small motion sensor clipped to your foam roller. While you roll your back it shows where the roller is along your spine and how fast it moves, and it tells you
          when you go too fast, stay on one spot too long, or drift toward your lower back or your neck.
        </p>
        <p className="screening__not-advice">
          <strong>This app is not medical advice.</strong> It cannot tell whether foam rolling is right for you, and it does not diagnose anything. If in doubt, ask a doctor or physiotherapist.
        </p>
        <label className={`check ${tried && !ack ? 'check--invalid' : ''}`}>
          <input type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} data-testid="screening-ack" />
          <span>I understand that Roller Companion is not medical advice.</span>
        </label>
      </section>
      <h2 className="screening__ask">Do you have, or have you recently had, any of these?</h2>
      {SCREENING_QUESTIONS.map((q, i) => (
        <ScreeningQuestion
          key={q.id}
          id={q.id}
          index={i}
          text={q.text}
          why={SCREENING_WHY[q.id]}
          value={draft[q.id]}
          invalid={tried && typeof draft[q.id] !== 'boolean'}
          onChange={(v) => set(q.id, v)}
        />
      ))}
      <div ref={problems} tabIndex={-1} className="screening__problems" role="status" aria-live="polite" data-testid="screening-problems">
        {tried && !check.ok && (
          <p className="field-error">
            {check.missingAcknowledgement ? 'Please tick the box to confirm you read that this is not medical advice. ' : ''}
            {check.unanswered.length > 0 ? `Please answer all questions (${check.unanswered.length} still open).` : ''}
          </p>
        )}
      </div>
      <div className="screening__actions">
        <button type="submit" className="btn btn--primary" disabled={submit.busy} data-testid="screening-submit">
          {submit.busy ? 'Saving…' : 'Save my answers'}
        </button>
        {onCancel && (
          <button type="button" className="btn btn--secondary" onClick={onCancel} data-testid="screening-cancel">
            Cancel
          </button>
        )}
      </div>
      <ErrorLine error={submit.error} testId="screening-error" />
    </form>
  );
}
