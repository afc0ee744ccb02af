// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SCREENING_QUESTIONS, type Screening, type ScreeningAnswers } from '../../../../renderer/bridge/contract';
import { ScreeningScreen } from '../../../../renderer/features/screening/ScreeningScreen';
import { screeningFixture } from '../../app/fixtures';
import { renderWithServices } from '../../support/render-with-services';

const saved = (p: ScreeningAnswers): Screening => ({ ...p, answeredAt: '2025-03-01T18:00:00.000Z', needsClearance: Object.values(p.answers).some(Boolean) });

function screening(previous: Screening | null = null, onCancel?: () => void) {
  const onDone = vi.fn();
  const r = renderWithServices(<ScreeningScreen previous={previous} onDone={onDone} onCancel={onCancel} />, { answers: { 'screening.submit': saved } });
  const answerAll = async (yes: string[] = []) => {
    for (const q of SCREENING_QUESTIONS) await r.user.click(screen.getByTestId(`screening-${yes.includes(q.id) ? 'yes' : 'no'}-${q.id}`));
  };
  return { ...r, onDone, answerAll };
}

describe('ScreeningScreen', () => {
  it('asks the eight questions, each a yes/no group with why it is asked', () => {
    screening();
    const groups = screen.getAllByRole('group');
    expect(groups).toHaveLength(SCREENING_QUESTIONS.length);
    expect(groups[0]!.querySelector('legend')?.textContent).toBe(`1. ${SCREENING_QUESTIONS[0].text}`);
    const yes = screen.getByTestId(`screening-yes-${SCREENING_QUESTIONS[0].id}`);
    expect(document.getElementById(yes.getAttribute('aria-describedby')!)?.textContent).not.toBe('');
    expect(screen.queryByTestId('screening-cancel')).toBeNull();
  });

  it('saving with nothing done: says what is missing, marks each open question, moves focus to the message', async () => {
    const { user, bridge } = screening();
    await user.click(screen.getByTestId('screening-submit'));
    const problems = screen.getByTestId('screening-problems');
    expect(problems.textContent).toBe('Please tick the box to confirm you read that this is not medical advice. Please answer all questions (8 still open).');
    expect(document.activeElement).toBe(problems);
    expect(screen.getAllByText('Please answer yes or no.')).toHaveLength(8);
    expect(bridge.calls).toEqual([]);
  });

  it('all no and the box ticked: sends the answers and is done', async () => {
    const { user, bridge, onDone, services, answerAll } = screening();
    await user.click(screen.getByTestId('screening-ack'));
    await answerAll();
    await user.click(screen.getByTestId('screening-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    const [sent] = bridge.paramsOf('screening.submit');
    expect(sent!.acknowledgedNotMedicalAdvice).toBe(true);
    expect(Object.values(sent!.answers)).toEqual(SCREENING_QUESTIONS.map(() => false));
    expect(services.store.state.get().snapshot?.screening?.needsClearance).toBe(false);
  });

  it('a yes: advice to check with a professional first, naming the answers; continuing is done', async () => {
    const { user, onDone, answerAll } = screening();
    await user.click(screen.getByTestId('screening-ack'));
    await answerAll(['osteoporosis', 'dizziness']);
    await user.click(screen.getByTestId('screening-submit'));
    const advice = await screen.findByTestId('screening-clearance-advice');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('⚠ Please check with a professional first');
    expect([...advice.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Osteoporosis or weak bones', 'Dizziness or loss of balance']);
    expect(document.activeElement).toBe(screen.getByTestId('screening-continue'));
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('screening-continue'));
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ needsClearance: true }));
  });

  it('a re-take starts from the previous answers and can be cancelled', async () => {
    const onCancel = vi.fn();
    const { user } = screening(screeningFixture(['pregnancy']), onCancel);
    expect(screen.getByTestId<HTMLInputElement>('screening-yes-pregnancy').checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('screening-no-osteoporosis').checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('screening-ack').checked).toBe(false);
    await user.click(screen.getByTestId('screening-cancel'));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('says why the answers were not saved', async () => {
    const { user, bridge, answerAll } = screening();
    bridge.answer({ 'screening.submit': () => Promise.reject(new Error('the profile could not be saved')) });
    await user.click(screen.getByTestId('screening-ack'));
    await answerAll();
    await user.click(screen.getByTestId('screening-submit'));
    await waitFor(() => expect(screen.getByTestId('screening-error').textContent).toBe('⚠ the profile could not be saved'));
  });
});
