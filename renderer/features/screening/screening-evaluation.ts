/**
 * The screening form's logic: which questions are still open, whether the answers call for
 * clearance first, and the request to send. The app never diagnoses: any "yes" only means
 * "ask a professional first".
 */
import { SCREENING_QUESTIONS, type ScreeningAnswers, type ScreeningQuestionId } from '../../bridge/contract';

export type ScreeningDraft = Partial<Record<ScreeningQuestionId, boolean>>;

export function unansweredQuestions(draft: ScreeningDraft): ScreeningQuestionId[] {
  return SCREENING_QUESTIONS.filter((q) => typeof draft[q.id] !== 'boolean').map((q) => q.id);
}

export function yesAnswers(draft: ScreeningDraft): ScreeningQuestionId[] {
  return SCREENING_QUESTIONS.filter((q) => draft[q.id] === true).map((q) => q.id);
}

export const needsClearance = (draft: ScreeningDraft): boolean => yesAnswers(draft).length > 0;

export interface ScreeningCheck {
  ok: boolean;
  missingAcknowledgement: boolean;
  unanswered: ScreeningQuestionId[];
}

export function checkScreening(draft: ScreeningDraft, acknowledged: boolean): ScreeningCheck {
  const unanswered = unansweredQuestions(draft);
  return { ok: acknowledged && unanswered.length === 0, missingAcknowledgement: !acknowledged, unanswered };
}

/** The `screening.submit` params, or null while something is missing. */
export function toSubmission(draft: ScreeningDraft, acknowledged: boolean): ScreeningAnswers | null {
  if (!checkScreening(draft, acknowledged).ok) return null;
  const answers = {} as Record<ScreeningQuestionId, boolean>;
  for (const q of SCREENING_QUESTIONS) answers[q.id] = draft[q.id] === true;
  return { answers, acknowledgedNotMedicalAdvice: true };
}

/** The question's text by id. */
export function questionText(id: ScreeningQuestionId): string {
  return SCREENING_QUESTIONS.find((q) => q.id === id)?.text ?? id;
}
