/** Safety screening answers for tests: "no" to every question (or "yes" to the given ones), acknowledged. */
import { SCREENING_QUESTIONS, type ScreeningAnswers, type ScreeningQuestionId } from '../../electron/ipc/ipc-contract';

export function screeningAnswers(yes: readonly ScreeningQuestionId[] = []): ScreeningAnswers {
  const answers = Object.fromEntries(SCREENING_QUESTIONS.map((q) => [q.id, yes.includes(q.id)])) as ScreeningAnswers['answers'];
  return { answers, acknowledgedNotMedicalAdvice: true };
}
