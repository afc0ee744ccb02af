// @vitest-environment happy-dom
/** Two sessions side by side, and the heat map of where the time went (also in the review). */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CompareSessions } from '../../../../renderer/features/review/CompareSessions';
import { DwellHeatmap } from '../../../../renderer/features/review/DwellHeatmap';
import { pastSessionFixture, reviewFixture, summaryFixture } from '../../support/history-fixtures';
import { renderWithServices } from '../../support/render-with-services';

const earlier = reviewFixture(pastSessionFixture(3, '2025-03-01T18:30:00.000Z', '2025-03-01', { summary: summaryFixture({ withinLimitShare: 0.6, longestDwellS: 40 }) }));
const later = reviewFixture(pastSessionFixture(8, '2025-03-04T18:30:00.000Z', '2025-03-04', { summary: summaryFixture({ withinLimitShare: 0.9, longestDwellS: 40 }) }));

describe('CompareSessions', () => {
  it('puts the earlier session first whatever the order asked, and says whether the later went better', async () => {
    const onBack = vi.fn();
    const { user, bridge } = renderWithServices(<CompareSessions ids={[8, 3]} onBack={onBack} />, {
      answers: { 'review.get': (p) => (p.id === 8 ? later : earlier) },
    });
    const table = await screen.findByTestId('compare-table');
    const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(head[1]).toMatch(/^Earlier2025-03-01 /);
    expect(head[2]).toMatch(/^Later2025-03-04 /);
    const row = (key: string) => [...within(table).getAllByTestId('compare-row')].find((r) => r.dataset.key === key)!;
    expect([...row('within').querySelectorAll('td')].map((td) => td.textContent)).toEqual(['60 % (limit 1.0 in/s)', '90 % (limit 1.0 in/s)', '▲ better']);
    expect(row('longest').querySelectorAll('td')[2]!.textContent).toBe('= same');
    expect(
      bridge
        .paramsOf('review.get')
        .map((p) => p.id)
        .sort(),
    ).toEqual([3, 8]);
    await user.click(screen.getByTestId('compare-back'));
    expect(onBack).toHaveBeenCalled();
  });

  it('says why the sessions did not load', async () => {
    renderWithServices(<CompareSessions ids={[3, 8]} onBack={vi.fn()} />, { answers: { 'review.get': () => Promise.reject(new Error('session 8 does not exist')) } });
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
