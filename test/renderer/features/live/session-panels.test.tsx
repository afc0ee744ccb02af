// @vitest-environment happy-dom
/** The session's times and the last session's summary. */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SessionSummary } from '../../../../renderer/features/live/SessionSummary';
import { SessionTimes } from '../../../../renderer/features/live/SessionTimes';
import { livePointFixture, runningSessionFixture, snapshotFixture } from '../../app/fixtures';
import { pastSessionFixture, summaryFixture } from '../../support/history-fixtures';
import { manualFrames, renderWithServices } from '../../support/render-with-services';

describe('SessionTimes', () => {
  it('shows the status’s figures at once, then runs the clock from when the status arrived', () => {
    const frames = manualFrames();
    renderWithServices(<SessionTimes session={runningSessionFixture({ elapsedS: 65, todayRollingS: 300, dailyBudgetS: 600 })} receivedAtMs={1000} />);
    const clock = screen.getByTestId('session-time');
    const bar = screen.getByRole('progressbar', { name: 'Rolling today against the daily budget' });
    expect(clock.textContent).toBe('1:05');
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByText('5:00 of 10:00 today')).toBeTruthy();
    frames.run(3400);
    expect(clock.textContent).toBe('1:07');
  });

  it('shows today’s rolling time as main sends it with the live points, adding nothing itself', () => {
    const frames = manualFrames();
    const { services } = renderWithServices(<SessionTimes session={runningSessionFixture({ todayRollingS: 590, dailyBudgetS: 600 })} receivedAtMs={0} />);
    const points = Array.from({ length: 151 }, (_, i) => livePointFixture({ t: i * 0.1, speedInPerS: 0.5 }));
    services.liveFeed.push(points, 0, { rollingS: 65, todayRollingS: 605 });
    frames.run(16);
    const bar = screen.getByTestId('budget-progress');
    expect(bar.getAttribute('aria-valuetext')).toBe('10:05 of 10:00 today');
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.classList.contains('budget--over')).toBe(true);
  });

  it('an ended session’s clock stands still', () => {
    const frames = manualFrames();
    renderWithServices(<SessionTimes session={{ ...runningSessionFixture({ elapsedS: 30 }), state: 'ended' }} receivedAtMs={0} />);
    frames.run(60_000);
    expect(screen.getByTestId('session-time').textContent).toBe('0:30');
  });
});

describe('SessionSummary', () => {
  const ended = {
    ...snapshotFixture().session,
    state: 'ended' as const,
    elapsedS: 245,
    figures: summaryFixture({ durationS: 245, rollingS: 180, warnings: 3 }),
    todayRollingS: 400,
    dailyBudgetS: 600,
  };

  it('lists length, rolling time, warnings and today against the budget', () => {
    renderWithServices(<SessionSummary session={{ ...ended, endReason: 'completed' }} units="cm" />);
    const facts = [...screen.getByTestId('session-summary').querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(facts).toEqual(['Length: 4 min 05 s', 'Rolling: 3 min', 'Within limit: 87 %', 'Longest stay: 22 s', 'Warnings: 3', 'Today: 6 min 40 s of 10 min']);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('names the routine the session ran in its heading; a free session is just the last session', () => {
    const { unmount } = renderWithServices(
      <SessionSummary session={{ ...ended, endReason: 'completed', routine: { kind: 'thoracic-extension', step: 'done', rep: 10, reps: 10, leftS: 0 } }} units="cm" />,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Last session: Thoracic extension');
    unmount();
    renderWithServices(<SessionSummary session={{ ...ended, endReason: 'completed', routine: null }} units="cm" />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Last session');
  });

  it('after a stop for pain: advice to rest and to have it looked at', () => {
    renderWithServices(<SessionSummary session={{ ...ended, endReason: 'stopped: pain' }} units="cm" />);
    expect(screen.getByRole('note').textContent).toMatch(/^You stopped because it hurt\. Rest.*doctor or physiotherapist\.$/);
  });

  it('a stored session links to its review', async () => {
    const { user, nav } = renderWithServices(<SessionSummary session={{ ...ended, sessionId: 42, endReason: 'completed' }} units="cm" />);
    await user.click(screen.getByRole('button', { name: 'Review this session' }));
    expect(nav.openReview).toHaveBeenCalledWith(42);
  });

  it('offers a note on a stored session: Add a note opens the editor for that session', async () => {
    const { user, bridge } = renderWithServices(<SessionSummary session={{ ...ended, sessionId: 42, endReason: 'completed' }} units="cm" />, {
      answers: { 'notes.save': (p) => ({ ...pastSessionFixture(42, '2025-03-01T18:30:00.000Z', '2025-03-01'), note: { ...p.note, updatedAt: 1 } }) },
    });
    expect(screen.queryByTestId('note-editor')).toBeNull();
    await user.click(screen.getByTestId('summary-add-note'));
    expect(screen.getByRole('heading', { name: 'How did it feel?' })).toBeTruthy();
    await user.click(screen.getByTestId('note-discomfort-2'));
    await user.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(bridge.paramsOf('notes.save')).toEqual([{ id: 42, note: { discomfort: 2, pain: false, numbness: false, text: '' } }]));
  });

  it('no review link for a session that was not saved, or has no id', () => {
    renderWithServices(<SessionSummary session={{ ...ended, sessionId: 42, endReason: 'not saved', saveProblem: 'The disk is full.' }} units="cm" />);
    expect(screen.queryByRole('button', { name: 'Review this session' })).toBeNull();
    renderWithServices(<SessionSummary session={{ ...ended, sessionId: null, endReason: 'completed' }} units="cm" />);
    expect(screen.queryByRole('button', { name: 'Review this session' })).toBeNull();
    expect(screen.queryByTestId('summary-add-note')).toBeNull();
  });
});
