// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ThresholdsForm } from '../../../../renderer/features/settings/ThresholdsForm';
import { profileFixture } from '../../app/fixtures';
import { renderWithServices } from '../../support/render-with-services';

function form(profile = profileFixture()) {
  return renderWithServices(<ThresholdsForm profile={profile} />, { answers: { 'profile.update': (patch) => ({ ...profile, ...patch }) } });
}
const input = (testId: string) => screen.getByTestId<HTMLInputElement>(testId);

describe('ThresholdsForm', () => {
  it('shows the profile’s thresholds, each with its unit and range', () => {
    form(profileFixture({ speedLimitInPerS: 1.5, dwellNudgeS: 12, dwellLimitS: 40, dailyBudgetMin: 8, sounds: true, speech: false }));
    expect(screen.getByLabelText('Speed limit')).toBe(input('speed-limit-input'));
    expect(input('speed-limit-input').value).toBe('1.5');
    expect(input('dwell-nudge-input').value).toBe('12');
    expect(input('dwell-limit-input').value).toBe('40');
    expect(input('daily-budget-input').value).toBe('8');
    const hint = (id: string) => document.getElementById(input(id).getAttribute('aria-describedby')!)!.textContent;
    expect(hint('speed-limit-input')).toBe('0.5–4 in/s. The advice is about 1 in/s.');
    expect(hint('dwell-nudge-input')).toBe('10–30 s');
    expect(hint('dwell-limit-input')).toBe('15–60 s, longer than the nudge');
    expect(hint('daily-budget-input')).toBe('1–60 min. About 10 minutes a day is plenty.');
    expect(input('sounds-toggle').checked).toBe(true);
    expect(input('speech-toggle').checked).toBe(false);
    // Hands-free and the voice guide are off by default: Start and Stop work by hand.
    expect(input('hands-free-toggle').checked).toBe(false);
    expect(input('voice-guide-toggle').checked).toBe(false);
  });

  it('saves every setting (speeds in in/s) and says Saved', async () => {
    const { user, bridge, services } = form();
    await user.click(screen.getByTestId('preset-research'));
    expect(input('speed-limit-input').value).toBe('4');
    await user.clear(input('daily-budget-input'));
    await user.type(input('daily-budget-input'), '12');
    await user.click(input('speech-toggle'));
    await user.click(input('hands-free-toggle'));
    await user.click(input('voice-guide-toggle'));
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.getByText('✓ Saved')).toBeTruthy());
    expect(bridge.paramsOf('profile.update')).toEqual([
      { speedLimitInPerS: 4, dwellNudgeS: 15, dwellLimitS: 30, dailyBudgetMin: 12, units: 'in', sounds: true, speech: true, handsFree: true, voiceGuide: true },
    ]);
    expect(services.store.state.get().snapshot?.profile.dailyBudgetMin).toBe(12);
  });

  it('in cm/s: the limit converts, the presets and the range are in cm/s, and it is sent in in/s', async () => {
    const { user, bridge } = form();
    await user.click(screen.getByTestId('settings-units-cm'));
    expect(input('speed-limit-input').value).toBe('2.54');
    expect(screen.getByTestId('preset-guided').textContent).toBe('Slow pace (2.54 cm/s)');
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(bridge.paramsOf('profile.update')[0]).toMatchObject({ speedLimitInPerS: 1, units: 'cm' }));
  });

  it('values out of range: a message per field, a summary alert, focus on the first, nothing sent', async () => {
    const { user, bridge } = form();
    await user.clear(input('speed-limit-input'));
    await user.type(input('speed-limit-input'), '9');
    await user.clear(input('dwell-limit-input'));
    await user.type(input('dwell-limit-input'), '12');
    await user.clear(input('daily-budget-input'));
    await user.click(screen.getByTestId('settings-save'));
    expect(screen.getByText('The speed limit must be between 0.5 and 4 in/s.')).toBeTruthy();
    expect(screen.getByText('The limit must be between 15 and 60 s.')).toBeTruthy();
    expect(screen.getByText('Type the daily time in minutes.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Some values need fixing (see above).');
    expect(input('speed-limit-input').getAttribute('aria-invalid')).toBe('true');
    expect(input('dwell-nudge-input').hasAttribute('aria-invalid')).toBe(false);
    expect(document.activeElement).toBe(input('speed-limit-input'));
    expect(bridge.paramsOf('profile.update')).toEqual([]);
  });

  it('a limit not longer than the nudge is refused', async () => {
    const { user } = form();
    await user.clear(input('dwell-limit-input'));
    await user.type(input('dwell-limit-input'), '15');
    await user.click(screen.getByTestId('settings-save'));
    expect(screen.getByText('The limit must be longer than the nudge.')).toBeTruthy();
    expect(document.activeElement).toBe(input('dwell-limit-input'));
  });

  it('Try a warning sound plays the too-fast cue with the switches as set', async () => {
    const { user, cues } = form(profileFixture({ sounds: false, speech: true }));
    await user.click(screen.getByTestId('test-sound'));
    expect(cues.unlock).toHaveBeenCalled();
    expect(cues.play).toHaveBeenCalledWith('too-fast', 'Slow down', { sounds: false, speech: true });
  });
});
