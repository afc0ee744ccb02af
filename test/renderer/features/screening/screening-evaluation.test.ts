import { describe, expect, it } from 'vitest';
import { ScreeningAnswersSchema, SCREENING_QUESTIONS } from '../../../../electron/ipc/ipc-contract';
import { checkScreening, needsClearance, questionText, toSubmission, unansweredQuestions, yesAnswers, type ScreeningDraft } from '../../../../renderer/features/screening/screening-evaluation';
import { SCREENING_WHY } from '../../../../renderer/features/screening/screening-why';

const allNo = (): ScreeningDraft => Object.fromEntries(SCREENING_QUESTIONS.map((q) => [q.id, false]));

describe('screening evaluation', () => {
  it('lists the questions still open', () => {
    expect(unansweredQuestions({})).toHaveLength(8);
    expect(unansweredQuestions({ ...allNo(), dizziness: undefined })).toEqual(['dizziness']);
  });

  it('advises clearance on any yes, never on all no', () => {
    expect(needsClearance(allNo())).toBe(false);
    expect(needsClearance({ ...allNo(), pregnancy: true })).toBe(true);
    expect(yesAnswers({ ...allNo(), osteoporosis: true, 'nerve-symptoms': true })).toEqual(['osteoporosis', 'nerve-symptoms']);
  });

  it('needs the acknowledgement and every answer before submitting', () => {
    expect(checkScreening(allNo(), false)).toEqual({ ok: false, missingAcknowledgement: true, unanswered: [] });
    expect(toSubmission(allNo(), false)).toBeNull();
    expect(toSubmission({ pregnancy: false }, true)).toBeNull();
  });

  it('builds params the contract accepts', () => {
    const params = toSubmission({ ...allNo(), 'recent-injury': true }, true);
    expect(params).not.toBeNull();
    expect(ScreeningAnswersSchema.safeParse(params).success).toBe(true);
    expect(params?.answers['recent-injury']).toBe(true);
  });

  it('explains why for every question', () => {
    for (const q of SCREENING_QUESTIONS) {
      expect(SCREENING_WHY[q.id].length).toBeGreaterThan(20);
      expect(questionText(q.id)).toBe(q.text);
    }
  });
});
