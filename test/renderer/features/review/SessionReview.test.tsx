// @vitest-environment happy-dom
/**
 * One session's review: the summary card, loading and failure, the warnings list with what the
 * engine saw, and what the charts are told to show (on a canvas that draws nothing; how they
 * look is checked end to end in test/e2e/review.e2e.test.ts).
 */
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionReview as Review } from '../../../../renderer/bridge/contract';
import type { LineChart } from '../../../../renderer/features/review/ReviewChart';
import { SessionReview } from '../../../../renderer/features/review/SessionReview';
import { profileFixture, snapshotFixture } from '../../app/fixtures';
import { pastSessionFixture, reviewFixture, summaryFixture } from '../../support/history-fixtures';
import { renderWithServices, stubCanvas } from '../../support/render-with-services';

const START = '2025-03-01T18:30:00.000Z';
const hhmm = (iso: string) => new Date(iso).toTimeString().slice(0, 5);
const EVENTS: Review['events'] = [
  { t: 20, kind: 'too-fast', positionCm: 5, detail: '1.6 in/s for 1.2 s' },
  { t: 40, kind: 'lumbar', positionCm: -17, detail: '3 cm past the line' },
];

beforeEach(() => stubCanvas());

function review(over: Parameters<typeof pastSessionFixture>[3] = {}, events = EVENTS, units: 'in' | 'cm' = 'in') {
  const r = reviewFixture(pastSessionFixture(4, START, '2025-03-01', over), events);
  const onBack = vi.fn();
  const rendered = renderWithServices(<SessionReview id={4} onBack={onBack} onDeleted={vi.fn()} />, {
    snapshot: snapshotFixture({ profile: profileFixture({ units }) }),
    answers: { 'review.get': r },
  });
  return { ...rendered, onBack, review: r };
}

describe('SessionReview', () => {
  it('keys the warning markers: one entry per kind the session has, and a scale for the heat column', async () => {
    review({}, [...EVENTS, { t: 50, kind: 'too-fast', positionCm: 2, detail: 'again' }]);
    const legend = await screen.findByTestId('marker-legend');
    expect([...legend.querySelectorAll('li')].map((li) => [li.dataset.kind, li.textContent])).toEqual([
      ['too-fast', 'Too fast'],
      ['lumbar', 'Lower back'],
    ]);
    const scale = screen.getByTestId('dwell-scale');
    expect([...scale.querySelectorAll('li')].map((li) => li.textContent)[0]).toBe('0 s');
  });

  it('the summary card: when, length, rolling, time within the limit, longest stay, excursions, how it ended', async () => {
    review({ summary: summaryFixture({ durationS: 305, rollingS: 240, withinLimitShare: 0.87, longestDwellS: 22 }) });
    const card = await screen.findByTestId('review-summary');
    expect(within(card).getByRole('heading').textContent).toBe(`2025-03-01 at ${hhmm(START)}`);
    const facts = [...card.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(facts.slice(0, 4)).toEqual(['Length: 5 min 05 s', 'Rolling: 4 min', 'Within 1.0 in/s: 87 %', 'Longest stay: 22 s']);
    expect(screen.getByTestId('review-lumbar').textContent).toMatch(/^1 \(up to .* past the line\)$/);
    expect(screen.getByTestId('review-neck').textContent).toBe('none');
    expect(screen.getByTestId('review-end-reason').textContent).toBe('Completed');
    expect(card.className).not.toContain('review__summary--pain');
  });

  it('the summary card names the routine the session ran beside when it was', async () => {
    review({ routine: 'thoracic-extension' });
    const card = await screen.findByTestId('review-summary');
    expect(within(card).getByRole('heading').textContent).toBe(`2025-03-01 at ${hhmm(START)} · Thoracic extension`);
    expect(screen.getByTestId('review-routine').textContent).toBe(' · Thoracic extension');
  });

  it('a session stopped for pain stands out; one without a summary shows dashes', async () => {
    review({ endReason: 'stopped: pain', summary: null });
    const card = await screen.findByTestId('review-summary');
    expect(card.className).toContain('review__summary--pain');
    expect(screen.getByTestId('review-end-reason').textContent).toBe('⚠ Stopped: pain');
    expect(screen.getByTestId('review-duration').textContent).toBe('–');
    expect(screen.getByTestId('review-within-limit').textContent).toBe('–');
  });

  it('the charts carry text alternatives with the limit, the stretches above it and the warnings', async () => {
    review();
    const speed = await screen.findByTestId('speed-chart');
    expect(speed.getAttribute('role')).toBe('img');
    expect(speed.getAttribute('aria-label')).toMatch(/^Speed over time\. Limit 1\.0 in\/s\. \d+ stretch(es)? above the limit; 87 % of rolling time within it\.$/);
    expect(screen.getByTestId('position-chart').getAttribute('aria-label')).toMatch(/2 warnings marked; 1 lower-back and 0 neck excursions\.$/);
  });

  it('lists the warnings; picking one shows what the engine saw there', async () => {
    const { user } = review();
    const list = await screen.findByTestId('review-events');
    expect(screen.getByRole('heading', { name: 'Events (2)' })).toBeTruthy();
    const items = within(list).getAllByTestId('review-event');
    expect(items.map((b) => b.dataset.kind)).toEqual(['too-fast', 'lumbar']);
    expect(screen.queryByTestId('review-event-detail')).toBeNull();
    await user.click(items[0]!);
    expect(items[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(items[1]!.getAttribute('aria-pressed')).toBe('false');
    const detail = screen.getByTestId('review-event-detail');
    expect(detail.textContent).toContain('1.6 in/s for 1.2 s');
    // The engine's lengths in the user's units (inches here), with the minus sign.
    await user.click(items[1]!);
    expect(screen.getByTestId('review-event-detail').textContent).toContain('1.2 in past the line');
    expect(screen.getByTestId('review-event-detail').textContent).not.toMatch(/\bcm\b/);
    await user.click(items[0]!);
    expect(screen.getByTestId('diag-at-rest').textContent).toBe('no');
    expect(screen.getByTestId('diag-accel-rejected').textContent).toBe('yes');
    expect(screen.getByTestId('diag-axis-confidence').textContent).toBe('0.93');
    // Both charts move to 30 s either side of the warning, with a line at it.
    for (const id of ['speed-chart', 'position-chart']) {
      const chart = screen.getByTestId<HTMLCanvasElement & { __chart: LineChart }>(id).__chart;
      expect([chart.options.scales?.x?.min, chart.options.scales?.x?.max]).toEqual([0, 60]);
      expect((chart.options.plugins?.annotation?.annotations as Record<string, unknown>).selected).toBeDefined();
    }
    await user.click(screen.getByTestId('review-show-all'));
    const speed = screen.getByTestId<HTMLCanvasElement & { __chart: LineChart }>('speed-chart').__chart;
    expect([speed.options.scales?.x?.min, speed.options.scales?.x?.max]).toEqual([0, 300]);
    expect(items[0]!.getAttribute('aria-pressed')).toBe('false');
  });

  it('no warnings: says so', async () => {
    review({}, []);
    expect(await screen.findByText('No warnings in this session.')).toBeTruthy();
  });

  it('while loading: says so; Back goes back', async () => {
    const { user, onBack, bridge } = review();
    expect(screen.getByText('Loading the session…').getAttribute('role')).toBe('status');
    expect(bridge.paramsOf('review.get')).toEqual([{ id: 4 }]);
    await user.click(screen.getByTestId('review-back'));
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('says why the session did not load, and Try again asks again', async () => {
    let fail = true;
    const r = reviewFixture(pastSessionFixture(4, START, '2025-03-01'), []);
    const { user, bridge } = renderWithServices(<SessionReview id={4} onBack={vi.fn()} onDeleted={vi.fn()} />, {
      answers: { 'review.get': () => (fail ? Promise.reject(new Error('session 4 does not exist')) : r) },
    });
    expect((await screen.findByTestId('review-error')).textContent).toBe('⚠ Could not load this session: session 4 does not exist');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('review-summary');
    expect(bridge.paramsOf('review.get')).toHaveLength(2);
  });
});
