// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ReanalysisResult } from '../../../../renderer/bridge/contract';
import { ReviewActions } from '../../../../renderer/features/review/ReviewActions';
import { profileFixture, snapshotFixture } from '../../app/fixtures';
import { pastSessionFixture, reviewFixture, summaryFixture } from '../../support/history-fixtures';
import { renderWithServices } from '../../support/render-with-services';

const START = '2025-03-01T18:30:00.000Z';
const session = pastSessionFixture(4, START, '2025-03-01');
const reanalysis: ReanalysisResult = {
  session: { ...session, summary: summaryFixture({ rollingS: 250 }) },
  before: { summary: summaryFixture({ rollingS: 240 }), events: 4, engineVersion: '1' },
  after: { events: 2, engineVersion: '2' },
  samples: 30000,
};

function actions(chartImage: () => string | null = () => null, host: 'browser' | 'electron' = 'browser') {
  const onReanalysed = vi.fn();
  const onDeleted = vi.fn();
  const r = renderWithServices(<ReviewActions review={reviewFixture(session)} units="in" chartImage={chartImage} onReanalysed={onReanalysed} onDeleted={onDeleted} />, {
    snapshot: snapshotFixture({ host, profile: profileFixture({ speedLimitInPerS: 1.5, dwellNudgeS: 12, dwellLimitS: 25, bodyHeightCm: 172 }) }),
    answers: {
      'exports.openFolder': { folder: '/home/ann/Downloads/Roller Companion' },
      'sessions.export': {
        folder: '/home/ann/Downloads/Roller Companion',
        files: [
          { kind: 'csv', name: 's4.csv', path: '/x/s4.csv' },
          { kind: 'png', name: 's4.png', path: '/x/s4.png' },
        ],
        samples: 100,
      },
      'sessions.reanalyze': reanalysis,
      'sessions.delete': { ok: true },
    },
  });
  return { ...r, onReanalysed, onDeleted };
}

describe('ReviewActions', () => {
  it('Export sends the chart image when there is one, and lists the files saved', async () => {
    const { user, bridge } = actions(() => 'iVBORw0KGgo=');
    await user.click(screen.getByTestId('review-export'));
    const done = await screen.findByTestId('export-done');
    expect(bridge.paramsOf('sessions.export')).toEqual([{ id: 4, chartPngBase64: 'iVBORw0KGgo=' }]);
    expect(done.querySelector('p')?.textContent).toBe('Saved in /home/ann/Downloads/Roller Companion:');
    expect(done.querySelector('ul')?.textContent).toBe('s4.csvs4.png');
  });

  it('after an export, the desktop app offers Open folder (main opens it)', async () => {
    const { user, bridge } = actions(() => null, 'electron');
    await user.click(screen.getByTestId('review-export'));
    await screen.findByTestId('export-done');
    expect(screen.queryByTestId('export-copy-path')).toBeNull();
    await user.click(screen.getByTestId('export-open-folder'));
    await waitFor(() => expect(bridge.paramsOf('exports.openFolder')).toEqual([{}]));
  });

  it('after an export in a browser, the folder is shown with a button that copies its path', async () => {
    const { user, bridge } = actions();
    await user.click(screen.getByTestId('review-export'));
    await screen.findByTestId('export-done');
    expect(screen.queryByTestId('export-open-folder')).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>('export-folder-path').value).toBe('/home/ann/Downloads/Roller Companion');
    await user.click(screen.getByTestId('export-copy-path'));
    await waitFor(() => expect(screen.getByTestId('export-copy-status').textContent).toBe('✓ Copied'));
    // user-event stands in for the system clipboard.
    expect(await navigator.clipboard.readText()).toBe('/home/ann/Downloads/Roller Companion');
    expect(bridge.paramsOf('exports.openFolder')).toEqual([]);
  });

  it('Export without drawn charts sends only the id', async () => {
    const { user, bridge } = actions();
    await user.click(screen.getByTestId('review-export'));
    await screen.findByTestId('export-done');
    expect(bridge.paramsOf('sessions.export')).toEqual([{ id: 4 }]);
  });

  it('Analyse again asks first, naming the current settings; confirming re-analyses and reports before → after', async () => {
    const { user, bridge, onReanalysed } = actions();
    await user.click(screen.getByTestId('review-reanalyze'));
    const dialog = screen.getByRole('alertdialog', { name: 'Analyse this session again?' });
    expect(dialog.textContent).toContain('speed limit 1.5 in/s, a nudge after 12 s and a limit of 25 s on one spot, spine map from your height (172 cm)');
    expect(document.activeElement).toBe(screen.getByTestId('reanalyze-confirm-yes'));
    await user.click(screen.getByTestId('reanalyze-confirm-yes'));
    const done = await screen.findByTestId('reanalyze-done');
    expect(bridge.paramsOf('sessions.reanalyze')).toEqual([{ id: 4 }]);
    expect(done.textContent).toBe(`Analysed again (${(30000).toLocaleString()} samples): warnings 4 → 2, rolling 4 min → 4 min 10 s.`);
    expect(onReanalysed).toHaveBeenCalledWith(reanalysis);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('Delete asks first with "Keep it" focused; Escape keeps it, confirming deletes it', async () => {
    const { user, bridge, onDeleted } = actions();
    await user.click(screen.getByTestId('review-delete'));
    expect(screen.getByRole('alertdialog', { name: 'Delete this session for good?' }).textContent).toContain('This cannot be undone.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep it' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await user.click(screen.getByTestId('review-delete'));
    await user.click(screen.getByTestId('delete-confirm-yes'));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith(4));
    expect(bridge.paramsOf('sessions.delete')).toEqual([{ id: 4 }]);
  });

  it('a failed export says why', async () => {
    const { user, bridge } = actions();
    bridge.answer({ 'sessions.export': () => Promise.reject(new Error('the export folder is not writable')) });
    await user.click(screen.getByTestId('review-export'));
    await waitFor(() => expect(screen.getByTestId('export-error').textContent).toBe('⚠ Could not export: the export folder is not writable'));
    expect(screen.queryByTestId('export-done')).toBeNull();
  });
});
