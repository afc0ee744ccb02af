// @vitest-environment happy-dom
/** Two sessions side by side, and the heat map of where the time went (also in the review). */
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CompareSessions } from '../../../../renderer/features/review/CompareSessions';
import { DwellHeatmap } from '../../../../renderer/features/review/DwellHeatmap';
import { compareAnswerFixture, pastSessionFixture, reviewFixture, summaryFixture } from '../../support/history-fixtures';
import { renderWithServices, stubCanvas } from '../../support/render-with-services';

const earlier = reviewFixture(pastSessionFixture(3, '2025-03-01T18:30:00.000Z', '2025-03-01', { summary: summaryFixture({ withinLimitShare: 0.6, longestDwellS: 40 }) }));
const later = reviewFixture(pastSessionFixture(8, '2025-03-04T18:30:00.000Z', '2025-03-04', { summary: summaryFixture({ withinLimitShare: 0.9, longestDwellS: 40 }) }));

describe('CompareSessions', () => {
  it('asks main to compare, puts the earlier session first, and says whether the later went better', async () => {
    stubCanvas();
    const onBack = vi.fn();
    const { user, bridge } = renderWithServices(<CompareSessions ids={[8, 3]} onBack={onBack} />, {
      answers: { 'compare.get': compareAnswerFixture(later, earlier) },
    });
    const table = await screen.findByTestId('compare-table');
    expect(bridge.paramsOf('compare.get')).toEqual([{ ids: [8, 3] }]);
    const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(head[1]).toMatch(/^Earlier2025-03-01 /);
    expect(head[2]).toMatch(/^Later2025-03-04 /);
    const row = (key: string) => [...within(table).getAllByTestId('compare-row')].find((r) => r.dataset.key === key)!;
    expect([...row('within').querySelectorAll('td')].map((td) => td.textContent)).toEqual(['60 % (limit 1.0 in/s)', '90 % (limit 1.0 in/s)', '▲ better']);
    expect(row('longest-stay').querySelectorAll('td')[2]!.textContent).toBe('= same');
    expect(table.querySelector('.compare__trend-head')?.textContent).toBe('Later vs earlier');
    expect(screen.getByTestId('compare-verdict').textContent).toContain('per 10 minutes of rolling');
    expect(screen.queryByTestId('compare-limits')).toBeNull();
    // Both sessions overlaid from each one's start.
    type Chart = { data: { datasets: { label: string; data: { x: number }[] }[] } };
    // The chart is made in an effect, which may run after the table shows.
    const canvas = screen.getByTestId<HTMLCanvasElement & { __chart?: Chart }>('compare-speed-chart');
    await waitFor(() => expect(canvas.__chart).toBeDefined());
    const speed = canvas.__chart!;
    expect(speed.data.datasets.map((d) => d.label)).toEqual(['Earlier (2025-03-01)', 'Later (2025-03-04)']);
    expect(speed.data.datasets.map((d) => d.data[0]!.x)).toEqual([0, 0]);
    expect(screen.getByTestId('compare-position-chart')).toBeTruthy();
    expect(screen.getByTestId('overlay-legend').textContent).toMatch(/^Earlier: 2025-03-01 .*Later: 2025-03-04 /);
    await user.click(screen.getByTestId('compare-back'));
    expect(onBack).toHaveBeenCalled();
  });

  it('a 6-second session stopped for pain against a full one: says plainly they cannot be compared, and what still can', async () => {
    stubCanvas();
    const painful = reviewFixture(
      pastSessionFixture(8, '2025-03-04T18:30:00.000Z', '2025-03-04', { endReason: 'stopped: pain', summary: summaryFixture({ durationS: 7, rollingS: 6, withinLimitShare: 1, longestDwellS: 2 }) }),
    );
    renderWithServices(<CompareSessions ids={[3, 8]} onBack={vi.fn()} />, { answers: { 'compare.get': compareAnswerFixture(earlier, painful) } });
    const verdict = await screen.findByTestId('compare-verdict');
    expect(verdict.textContent).toContain('These two sessions are too different to call one better than the other.');
    expect([...screen.getByTestId('compare-limits').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'The later session rolled only 6 s, under the 1 min needed: its rates and shares say too little to compare.',
      'The later session was stopped for pain, so no figure here makes it better or worse. Mention it to your doctor or physiotherapist.',
    ]);
    expect(screen.getByTestId('compare-meaningful').textContent).toContain('Fastest');
    const table = screen.getByTestId('compare-table');
    expect(table.querySelectorAll('.compare__trend')).toHaveLength(0);
    expect(table.querySelector('.compare__trend-head')).toBeNull(); // no "later vs earlier" column at all
    const within6s = [...within(table).getAllByTestId('compare-row')].find((r) => r.dataset.key === 'within')!.querySelectorAll('td')[1]!;
    expect(within6s.textContent).toBe('100 % (limit 1.0 in/s) (too short to say)');
  });

  it('says why the sessions did not load', async () => {
    renderWithServices(<CompareSessions ids={[3, 8]} onBack={vi.fn()} />, { answers: { 'compare.get': () => Promise.reject(new Error('session 8 does not exist')) } });
    expect((await screen.findByTestId('compare-error')).textContent).toBe('⚠ Could not load the sessions: session 8 does not exist');
  });
});

describe('DwellHeatmap', () => {
  it('a bar per position step with its seconds, the hottest step named, time per zone with keep-off marks', () => {
    render(<DwellHeatmap review={earlier} units="in" />);
    const bins = screen.getByTestId('dwell-bins').querySelectorAll('rect');
    expect(bins).toHaveLength(earlier.dwell.seconds.filter((s) => s > 0).length);
    expect(screen.getByTestId('dwell-hottest').textContent).toBe('5 s');
    const zones = [...screen.getByTestId('zone-times').querySelectorAll('li')].map(
      (li) => `${li.dataset.zone}: ${li.querySelector('.zone-times__value')?.textContent}${li.querySelector('.zone-times__avoid') ? ' keep off' : ''}`,
    );
    expect(zones).toEqual(['neck: 0 s (0 %)', 'upper-back: 2 min (50 %)', 'mid-back: 1 min 50 s (46 %)', 'lumbar: 10 s (4 %) keep off']);
  });

  it('with no time recorded: says so', () => {
    render(<DwellHeatmap review={{ ...earlier, dwell: { ...earlier.dwell, seconds: [] } }} units="cm" />);
    expect(screen.getByTestId('dwell-heatmap').textContent).toContain('No time recorded');
  });
});
