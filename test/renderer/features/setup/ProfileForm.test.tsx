// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProfileForm } from '../../../../renderer/features/setup/ProfileForm';
import { profileFixture } from '../../app/fixtures';
import { renderWithServices } from '../../support/render-with-services';

function form(profile = profileFixture({ units: 'cm', bodyHeightCm: 175, rollerDiameterIn: 6 })) {
  return renderWithServices(<ProfileForm profile={profile} />, { answers: { 'profile.update': (patch) => ({ ...profile, ...patch }) } });
}
const height = () => screen.getByTestId<HTMLInputElement>('height-input');

describe('ProfileForm', () => {
  it('starts from the profile: its roller size chosen, its height in its units', () => {
    form();
    expect(screen.getByTestId<HTMLInputElement>('diameter-6').checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('units-cm').checked).toBe(true);
    expect(screen.getByLabelText('Body height (cm)')).toBe(height());
    expect(height().value).toBe('175');
    // In cm, each preset shows its size in cm beside the inches.
    expect(screen.getByTestId('diameter-4').parentElement?.textContent).toBe('4 in (10.2 cm)');
  });

  it('saves the roller, the height in cm and the units, and says Saved until the next edit', async () => {
    const { user, bridge, services } = form();
    await user.click(screen.getByTestId('diameter-5.5'));
    await user.clear(height());
    await user.type(height(), '182');
    await user.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(screen.getByText('✓ Saved')).toBeTruthy());
    expect(bridge.paramsOf('profile.update')).toEqual([{ rollerDiameterIn: 5.5, bodyHeightCm: 182, units: 'cm' }]);
    expect(services.store.state.get().snapshot?.profile.bodyHeightCm).toBe(182);
    await user.type(height(), '0');
    expect(screen.queryByText('✓ Saved')).toBeNull();
  });

  it('switching units converts the typed height', async () => {
    const { user } = form();
    await user.click(screen.getByTestId('units-in'));
    expect(height().value).toBe('68.9');
    expect(screen.getByLabelText('Body height (in)')).toBe(height());
  });

  it('a height out of range: the range in the units shown, the field marked and focused, nothing sent', async () => {
    const { user, bridge } = form();
    await user.clear(height());
    await user.type(height(), '250');
    await user.click(screen.getByTestId('profile-save'));
    expect(screen.getByText('Height must be between 120 and 220 cm.')).toBeTruthy();
    expect(height().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(height());
    expect(bridge.paramsOf('profile.update')).toEqual([]);
  });

  it('a custom roller diameter: typed in inches, checked against 3–8 in', async () => {
    const { user, bridge } = form();
    await user.click(screen.getByTestId('diameter-custom'));
    const custom = screen.getByLabelText<HTMLInputElement>('Diameter in inches (3–8)');
    await user.type(custom, '9');
    await user.click(screen.getByTestId('profile-save'));
    expect(screen.getByText('The diameter must be between 3 and 8 in.')).toBeTruthy();
    expect(custom.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(custom);
    await user.clear(custom);
    await user.type(custom, '4.5');
    await user.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(bridge.paramsOf('profile.update')).toEqual([{ rollerDiameterIn: 4.5, bodyHeightCm: 175, units: 'cm' }]));
  });

  it('says why the save failed', async () => {
    const { user } = renderWithServices(<ProfileForm profile={profileFixture()} />, { answers: { 'profile.update': () => Promise.reject(new Error('profile.update: bodyHeightCm: too small')) } });
    await user.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(screen.getByTestId('profile-error').textContent).toBe('⚠ profile.update: bodyHeightCm: too small'));
    expect(screen.queryByText('✓ Saved')).toBeNull();
  });
});
