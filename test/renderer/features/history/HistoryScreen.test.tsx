// @vitest-environment happy-dom
/** History: today against the budget, days and their session rows, weekly trends, review and compare. */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { History } from '../../../../renderer/bridge/contract';
import { HistoryScreen } from '../../../../renderer/features/history/HistoryScreen';
import { runningSessionFixture } from '../../app/fixtures';
import { compareAnswerFixture, dayFixture, pastSessionFixture, reviewFixture, summaryFixture } from '../../support/history-fixtures';
import { renderWithServices, stubCanvas } from '../../support/render-with-services';

// "Today" is read from the clock: it is 5 March 2025, noon, here.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2025, 2, 5, 12, 0, 0));
  stubCanvas();
});
afterEach(() => vi.useRealTimers());

const at = (day: string, hh: number) => new Date(`${day}T${String(hh).padStart(2, '0')}:15:00`).toISOString();
const s1 = pastSessionFixture(1, at('2025-03-03', 9), '2025-03-03', { endReason: 'stopped: pain', summary: summaryFixture({ durationS: 200, withinLimitShare: 0.5 }) });
const s2 = pastSessionFixture(2, at('2025-03-04', 18), '2025-03-04', { routine: 'back-release' });
const s3 = pastSessionFixture(3, at('2025-03-05', 8), '2025-03-05', { summary: summaryFixture({ durationS: 420, rollingS: 400 }) });
const s4 = pastSessionFixture(4, at('2025-03-05', 10), '2025-03-05', { endReason: 'interrupted', summary: null });
const HISTORY: History = {
  sessions: [s1, s2, s3, s4],
  days: [dayFixture('2025-03-03', [1], { stoppedForPain: 1 }), dayFixture('2025-03-04', [2]), dayFixture('2025-03-05', [3, 4], { rollingS: 640, budgetS: 600, overBudget: true })],
  weeks: [{ weekStart: '2025-03-03', sessions: 4, activeDays: 3, rollingS: 1120, budgetS: 4200, withinLimitShare: 0.74, warningsPerSession: 2.25, warningsPer10Min: 4.8 }],
};

const reviewOf = (id: number) => reviewFixture(HISTORY.sessions.find((s) => s.id === id)!);

function history(answers: Parameters<typeof renderWithServices>[1] = {}) {
  return renderWithServices(<HistoryScreen />, {
    screen: 'history',
    answers: {
      'history.get': HISTORY,
      'review.get': (p) => reviewOf(p.id),
      'compare.get': (p) => compareAnswerFixture(reviewOf(p.ids[0]), reviewOf(p.ids[1])),
      ...answers.answers,
    },
  });
}

describe('HistoryScreen', () => {
  it('today’s rolling against the budget, over it here', async () => {
    const { bridge } = history();
    const today = await screen.findByTestId('history-today');
    expect(today.textContent).toContain('10 min 40 s of 10 min rolling — over the daily budget');
    expect(within(today).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(bridge.paramsOf('history.get')).toEqual([{ days: 90 }]);
  });

  it('days newest first, named Today / Yesterday / by date, a pain note, each session’s figures', async () => {
    history();
    const days = await screen.findAllByTestId('history-day');
    expect(days.map((d) => d.dataset.day)).toEqual(['2025-03-05', '2025-03-04', '2025-03-03']);
    expect(days.map((d) => d.querySelector('h2')?.firstChild?.textContent)).toEqual(['Today', 'Yesterday', 'Monday 3 March']);
    expect(days[0]!.textContent).toContain('(over budget)');
    expect(within(days[2]!).getByRole('note').textContent).toBe('⚠ Stopped for pain once this day.');
    const rows = within(days[0]!).getAllByTestId('history-session');
    expect(rows.map((r) => r.dataset.sessionId)).toEqual(['3', '4']);
    expect(rows[0]!.querySelector('.history__time')?.textContent).toBe('08:15');
    const facts = (row: HTMLElement) => [...row.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(facts(rows[0]!)).toEqual(['Length: 7 min', 'Rolling: 6 min 40 s', 'Within limit: 87 %', 'Longest stay: 22 s', 'Warnings: 4', 'Ended: Completed']);
    expect(facts(rows[1]!)).toEqual(['Length: –', 'Rolling: –', 'Within limit: –', 'Longest stay: –', 'Warnings: –', 'Ended: Interrupted']);
    const pain = within(days[2]!).getByTestId('history-session');
    expect(pain.className).toContain('history__session--pain');
    expect(within(pain).getByTestId('history-end-reason').textContent).toBe('⚠ Stopped: pain');
    expect(screen.getByRole('button', { name: 'Review the session at 08:15' })).toBe(screen.getByTestId('review-session-3'));
  });

  it('a session that ran a routine is labelled with its name; a free session has no label', async () => {
    history();
    const days = await screen.findAllByTestId('history-day');
    const release = within(days[1]!).getByTestId('history-session');
    expect(within(release).getByTestId('routine-badge').textContent).toBe('Back release');
    expect(screen.getByRole('button', { name: 'Review the Back release session at 18:15' })).toBe(screen.getByTestId('review-session-2'));
    for (const row of within(days[0]!).getAllByTestId('history-session')) expect(within(row).queryByTestId('routine-badge')).toBeNull();
  });

  it('weekly trends in a table', async () => {
    history();
    const week = await screen.findByTestId('history-week');
    expect([...week.children].map((c) => c.textContent)).toEqual(['Week of 3 Mar4 sessions, 3 days', '18 min 40 s', '74 %', '4.8']);
  });

  it('the last 8 weeks: a calendar marking the days rolled, and charts of main’s weekly figures', async () => {
    history();
    const trends = await screen.findByTestId('history-trends');
    const days = within(trends).getAllByTestId('calendar-day');
    expect(days).toHaveLength(56);
    expect(days[0]!.dataset.day).toBe('2025-01-13'); // the Monday seven weeks before this one
    expect(days.filter((d) => d.dataset.rolled === 'true').map((d) => d.dataset.day)).toEqual(['2025-03-03', '2025-03-04', '2025-03-05']);
    expect(within(trends).getByTestId('calendar-days-rolled').textContent).toBe('3');
    const today = days.find((d) => d.dataset.day === '2025-03-05')!;
    expect(today.className).toContain('calendar__cell--today');
    expect(today.className).toContain('calendar__cell--over');
    expect(days.find((d) => d.dataset.day === '2025-03-03')!.getAttribute('aria-label')).toBe('Monday 3 March: rolled 4 min, stopped for pain');
    expect(days.find((d) => d.dataset.day === '2025-03-06')!.className).toContain('calendar__cell--future');
    type Chart = { data: { labels: string[]; datasets: { data: (number | null)[] }[] } };
    const chartOf = (id: string) => within(trends).getByTestId<HTMLCanvasElement & { __chart: Chart }>(id).__chart;
    // Main's weekly figures as sent: 1120 s rolling, 74 % within, 4.8 warnings per 10 min; earlier weeks had no sessions.
    expect(chartOf('trend-rolling').data.labels.at(-1)).toBe('3 Mar');
    expect(chartOf('trend-rolling').data.datasets[0]!.data).toEqual([null, null, null, null, null, null, null, 1120 / 60]);
    expect(chartOf('trend-within').data.datasets[0]!.data.at(-1)).toBeCloseTo(74);
    expect(chartOf('trend-warning-rate').data.datasets[0]!.data.at(-1)).toBe(4.8);
    expect(within(trends).getByTestId('trend-rolling').getAttribute('aria-label')).toContain('against the weekly budget of 70 min. This week: 18 min 40 s.');
  });

  it('no sessions yet: says so for the days and the weeks', async () => {
    history({ answers: { 'history.get': { sessions: [], days: [], weeks: [] } } });
    expect(await screen.findByText('No sessions in the last 90 days yet.')).toBeTruthy();
    expect(screen.getByText('No weeks yet.')).toBeTruthy();
    expect(screen.queryByTestId('history-trends')).toBeNull();
    expect(screen.getByTestId('history-today').textContent).toContain('0 s of 10 min rolling');
  });

  it('says why the history did not load; Try again loads it', async () => {
    let fail = true;
    const { user } = history({ answers: { 'history.get': () => (fail ? Promise.reject(new Error('the database is locked')) : HISTORY) } });
    expect((await screen.findByTestId('history-error')).textContent).toBe('⚠ Could not load the history: the database is locked');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('history-day')).toHaveLength(3);
  });

  it('loads again when a session ends', async () => {
    const { bridge } = history();
    await screen.findAllByTestId('history-day');
    bridge.emit('session', { ...runningSessionFixture(), state: 'ended', endReason: 'completed' });
    await waitFor(() => expect(bridge.paramsOf('history.get')).toHaveLength(2));
  });

  it('Review opens the session; Back returns to the list with focus on its Review button', async () => {
    const { user, bridge } = history();
    await user.click(await screen.findByTestId('review-session-3'));
    expect(await screen.findByTestId('review-summary')).toBeTruthy();
    expect(bridge.paramsOf('review.get')).toEqual([{ id: 3 }]);
    await user.click(screen.getByTestId('review-back'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('review-session-3')));
  });

  it('Compare: two sessions chosen open side by side; a third choice replaces the earlier one', async () => {
    const { user, bridge } = history();
    await user.click(await screen.findByTestId('compare-session-1'));
    expect(screen.getByTestId('compare-bar').textContent).toContain('One session chosen: choose one more to compare.');
    expect(screen.getByTestId<HTMLButtonElement>('compare-open').disabled).toBe(true);
    expect(screen.getByTestId('compare-session-1').getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByTestId('compare-session-2'));
    await user.click(screen.getByTestId('compare-session-3'));
    expect(screen.getByTestId('compare-session-1').getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('compare-bar').textContent).toContain('Two sessions chosen.');
    await user.click(screen.getByTestId('compare-open'));
    expect(await screen.findByTestId('compare-table')).toBeTruthy();
    expect(bridge.paramsOf('compare.get')).toEqual([{ ids: [2, 3] }]);
  });
});
