// @vitest-environment happy-dom
/** The printable one-page session report: what it shows, the note only when there is one, printing. */
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionReview } from '../../../../renderer/bridge/contract';
import { printedNote, REPORT_MAX_EVENTS, REPORT_MAX_NOTE_CHARS, reviewNote, SessionReport } from '../../../../renderer/features/review/SessionReport';
import { SessionReview as ReviewScreen } from '../../../../renderer/features/review/SessionReview';
import { pastSessionFixture, reviewFixture, summaryFixture } from '../../support/history-fixtures';
import { renderWithServices, stubCanvas } from '../../support/render-with-services';

beforeEach(() => stubCanvas());

const START = '2025-03-01T18:30:00.000Z';
const hhmm = (iso: string) => new Date(iso).toTimeString().slice(0, 5);
const events = (n: number): SessionReview['events'] => Array.from({ length: n }, (_, i) => ({ t: 2 + i, kind: i % 2 ? 'too-fast' : 'lumbar', positionCm: -16, detail: '' }));
const review = (over: Parameters<typeof pastSessionFixture>[3] = {}, n = 2) => reviewFixture(pastSessionFixture(4, START, '2025-03-01', over), events(n));

describe('SessionReport', () => {
  it('names the routine the session ran in its heading', () => {
    const { unmount } = renderWithServices(<SessionReport review={review({ routine: 'back-release' })} units="cm" onClose={vi.fn()} print={vi.fn()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Foam rolling session: Back release');
    unmount();
    renderWithServices(<SessionReport review={review()} units="cm" onClose={vi.fn()} print={vi.fn()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Foam rolling session');
  });

  it('the date, the stored figures, both charts in ink, the warnings and the time per zone', () => {
    const print = vi.fn();
    renderWithServices(<SessionReport review={review({ summary: summaryFixture({ durationS: 305, rollingS: 240, withinLimitShare: 0.87 }) })} units="cm" onClose={vi.fn()} print={print} />);
    expect(screen.getByTestId('report-when').textContent).toBe(`2025-03-01 at ${hhmm(START)} · 5 min 05 s · Completed`);
    const facts = [...screen.getByTestId('report-facts').querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(facts).toEqual([
      'Length: 5 min 05 s',
      'Rolling: 4 min',
      'Within 2.5 cm/s: 87 %',
      'Longest stay on one spot: 22 s',
      'Warnings: 4',
      'Past the lower-back line: 1 (up to 2.4 cm past the line)',
      'Past the neck line: none',
      'Ended: Completed',
    ]);
    type Chart = { options: { scales: { x: { ticks: { color: string } } } } };
    const speed = screen.getByTestId<HTMLCanvasElement & { __chart: Chart }>('report-speed-chart').__chart;
    expect(speed.options.scales.x.ticks.color).toBe('#000000');
    expect(screen.getByTestId('report-position-chart')).toBeTruthy();
    expect([...screen.getByTestId('report-events').querySelectorAll('li')].map((li) => li.textContent)).toEqual(['0:02 Lower back at −16.0 cm', '0:03 Too fast at −16.0 cm']);
    expect(within(screen.getByTestId('report-page')).getByText('Upper back')).toBeTruthy();
    expect(screen.queryByTestId('report-note')).toBeNull();
    screen.getByTestId('report-print').click();
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('lists the first warnings and counts the rest, so the page stays one page', () => {
    renderWithServices(<SessionReport review={review({}, REPORT_MAX_EVENTS + 5)} units="in" onClose={vi.fn()} print={vi.fn()} />);
    const items = [...screen.getByTestId('report-events').querySelectorAll('li')];
    expect(items).toHaveLength(REPORT_MAX_EVENTS + 1);
    expect(items.at(-1)!.textContent).toBe('… and 5 more');
  });

  it('a note shows only when the review carries one; a long one is cut', () => {
    renderWithServices(<SessionReport review={review()} units="in" note={'Left side felt tight.\nEasier than Monday.'} onClose={vi.fn()} print={vi.fn()} />);
    expect(screen.getByTestId('report-note').textContent).toBe('NoteLeft side felt tight.\nEasier than Monday.');
    const plain = review();
    expect(reviewNote(plain)).toBeNull();
    const note = (over: Partial<NonNullable<SessionReview['session']['note']>>) => ({
      ...plain,
      session: { ...plain.session, note: { discomfort: null, pain: false, numbness: false, text: '', updatedAt: 0, ...over } },
    });
    expect(reviewNote(note({ text: '  ' }))).toBeNull();
    expect(reviewNote(note({ text: ' after the gym ' }))).toBe('after the gym');
    expect(reviewNote(note({ discomfort: 4, numbness: true, text: 'left side' }))).toBe('Discomfort 4/10 · numbness — left side');
    expect(reviewNote(note({ pain: true }))).toBe('Felt: pain');
    const long = 'x'.repeat(REPORT_MAX_NOTE_CHARS + 50);
    expect(printedNote(long)).toHaveLength(REPORT_MAX_NOTE_CHARS);
    expect(printedNote(long).endsWith('…')).toBe(true);
  });

  it('a session stopped for pain says so at the top', () => {
    renderWithServices(<SessionReport review={review({ endReason: 'stopped: pain' })} units="in" onClose={vi.fn()} print={vi.fn()} />);
    expect(screen.getByTestId('report-page').textContent).toContain('Stopped because it hurt.');
  });

  it('opens from the review and goes back to it', async () => {
    const { user } = renderWithServices(<ReviewScreen id={4} onBack={vi.fn()} onDeleted={vi.fn()} />, { answers: { 'review.get': review() } });
    await user.click(await screen.findByTestId('review-report'));
    expect(screen.getByTestId('report-page')).toBeTruthy();
    expect(screen.queryByTestId('review-summary')).toBeNull();
    await user.click(screen.getByTestId('report-close'));
    expect(screen.getByTestId('review-summary')).toBeTruthy();
  });
});
