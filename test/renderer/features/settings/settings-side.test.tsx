// @vitest-environment happy-dom
/** The Settings screen's side cards: the profile, the safety answers, and erasing your data. */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProfileSummary } from '../../../../renderer/features/settings/ProfileSummary';
import { ScreeningSummary } from '../../../../renderer/features/settings/ScreeningSummary';
import { SettingsScreen } from '../../../../renderer/features/settings/SettingsScreen';
import { YourData } from '../../../../renderer/features/settings/YourData';
import { profileFixture, runningSessionFixture, screeningFixture, snapshotFixture } from '../../app/fixtures';
import { renderWithServices } from '../../support/render-with-services';

const facts = (root: HTMLElement) => [...root.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);

describe('ProfileSummary', () => {
  it('roller, height and spine map in brief; Change in Setup goes there', async () => {
    const { user, nav } = renderWithServices(<ProfileSummary profile={profileFixture({ rollerDiameterIn: 5.5, bodyHeightCm: 180, units: 'cm' })} />);
    expect(facts(screen.getByRole('region', { name: 'Profile' }))).toEqual(['Roller: 5.5 in', 'Height: 180 cm', 'Spine map: estimated from height']);
    await user.click(screen.getByTestId('edit-profile'));
    expect(nav.go).toHaveBeenCalledWith('setup');
  });

  it('in inches mode: the height in feet and inches, the map in inches, no cm anywhere', () => {
    renderWithServices(<ProfileSummary profile={profileFixture({ units: 'in', bodyHeightCm: 175, neckAboveCm: 20, lumbarBelowCm: 15, calibratedAt: '2025-03-01T18:00:00.000Z' })} />);
    const shown = facts(screen.getByRole('region', { name: 'Profile' }));
    expect(shown[1]).toBe('Height: 5 ft 9 in');
    expect(shown[2]).toMatch(/\(neck \+7\.9 in, ribs −5\.9 in\)$/);
    expect(shown.join(' ')).not.toMatch(/\bcm\b/);
  });

  it('a calibrated map with its distances', () => {
    renderWithServices(<ProfileSummary profile={profileFixture({ units: 'cm', neckAboveCm: 20, lumbarBelowCm: 15, calibratedAt: '2025-03-01T18:00:00.000Z' })} />);
    expect(facts(screen.getByRole('region', { name: 'Profile' }))[2]).toMatch(/^Spine map: calibrated .*2025 \(neck \+20\.0 cm, ribs −15\.0 cm\)$/);
  });
});

describe('ScreeningSummary', () => {
  it('no answers yet; the re-take button asks to re-take', async () => {
    const { user, nav } = renderWithServices(<ScreeningSummary screening={null} />);
    expect(screen.getByTestId('screening-summary').textContent).toContain('Not answered yet.');
    await user.click(screen.getByTestId('retake-screening'));
    expect(nav.retakeScreening).toHaveBeenCalledTimes(1);
  });

  it('all no; or the yes answers with the advice to check first', () => {
    const { unmount } = renderWithServices(<ScreeningSummary screening={screeningFixture()} />);
    expect(screen.getByTestId('screening-summary').textContent).toContain('You answered no to all of them.');
    unmount();
    renderWithServices(<ScreeningSummary screening={screeningFixture(['osteoporosis', 'pregnancy'])} />);
    expect(screen.getByTestId('screening-summary').textContent).toContain('You answered yes to Osteoporosis or weak bones; Pregnancy. Please check with a doctor or physiotherapist before rolling.');
  });
});

describe('YourData', () => {
  const storage = snapshotFixture().storage;

  it('shows where the data and the exports are', () => {
    renderWithServices(<YourData storage={storage} sessionRunning={false} />);
    expect(screen.getByTestId('data-folder').textContent).toBe('/home/ann/.config/roller-companion');
    expect(screen.getByTestId('your-data').textContent).toContain('/home/ann/Downloads/Roller Companion');
    expect(screen.getByTestId('log-file').textContent).toBe('/home/ann/.config/roller-companion/logs/support.log');
  });

  it('an app without a support log file shows no line for it', () => {
    renderWithServices(<YourData storage={{ ...storage, logFile: null }} sessionRunning={false} />);
    expect(screen.queryByTestId('log-file')).toBeNull();
  });

  it('an app that keeps data in memory says so', () => {
    renderWithServices(<YourData storage={{ ...storage, dataFolder: null }} sessionRunning={false} />);
    expect(screen.getByTestId('data-folder').textContent).toBe('kept in memory only (not saved)');
  });

  it('erasing asks first, with the safe choice focused; Keep my data sends nothing', async () => {
    const { user, bridge } = renderWithServices(<YourData storage={storage} sessionRunning={false} />, { answers: { 'data.eraseAll': { ok: true } } });
    await user.click(screen.getByTestId('erase-all'));
    expect(screen.getByRole('alertdialog', { name: 'Erase all your data?' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep my data' }));
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(bridge.calls).toEqual([]);
  });

  it('Erase everything sends the confirmation and closes the question', async () => {
    const { user, bridge } = renderWithServices(<YourData storage={storage} sessionRunning={false} />, { answers: { 'data.eraseAll': { ok: true } } });
    await user.click(screen.getByTestId('erase-all'));
    await user.click(screen.getByTestId('erase-confirm-yes'));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(bridge.paramsOf('data.eraseAll')).toEqual([{ confirm: 'erase everything' }]);
  });

  it('a failed erase keeps the question open and says why', async () => {
    const { user } = renderWithServices(<YourData storage={storage} sessionRunning={false} />, { answers: { 'data.eraseAll': () => Promise.reject(new Error('the database is locked')) } });
    await user.click(screen.getByTestId('erase-all'));
    await user.click(screen.getByTestId('erase-confirm-yes'));
    await waitFor(() => expect(screen.getByTestId('erase-error').textContent).toBe('⚠ Could not erase: the database is locked'));
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });

  it('while a session runs: erasing is disabled, and says to stop first', () => {
    renderWithServices(<YourData storage={storage} sessionRunning />);
    expect(screen.getByTestId<HTMLButtonElement>('erase-all').disabled).toBe(true);
    expect(screen.getByText('Stop the session first.')).toBeTruthy();
  });
});

describe('SettingsScreen', () => {
  it('holds the coaching form and the three cards, from the snapshot', () => {
    renderWithServices(<SettingsScreen />, { snapshot: snapshotFixture({ screening: screeningFixture(), session: runningSessionFixture() }) });
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    for (const name of ['Coaching', 'Profile', 'Safety questions', 'Your data']) expect(screen.getByRole('heading', { name })).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('erase-all').disabled).toBe(true);
  });
});
