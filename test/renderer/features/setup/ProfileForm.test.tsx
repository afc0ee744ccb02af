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
const feet = () => screen.getByTestId<HTMLInputElement>('height-feet');
const inches = () => screen.getByTestId<HTMLInputElement>('height-inches');

describe('ProfileForm', () => {
  it('starts from the profile: its roller size chosen, its height in its units', () => {
    form();
    expect(screen.getByTestId<HTMLInputElement>('diameter-6').checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('units-cm').checked).toBe(true);
    expect(screen.getByRole('group', { name: 'Body height' }).contains(height())).toBe(true);
    expect(screen.getByLabelText('cm')).toBe(height());
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

  it('switching units converts the typed height: feet and inches in inches mode', async () => {
    const { user } = form();
    await user.click(screen.getByTestId('units-in'));
    expect(screen.queryByTestId('height-input')).toBeNull();
    expect([feet().value, inches().value]).toEqual(['5', '9']);
    expect(screen.getByLabelText('ft')).toBe(feet());
    expect(screen.getByLabelText('in')).toBe(inches());
  });

  it('in inches mode saves feet and inches as cm; a bad inches value is named and focused', async () => {
    const { user, bridge } = form(profileFixture({ units: 'in', bodyHeightCm: 175, rollerDiameterIn: 6 }));
    await user.clear(inches());
    await user.type(inches(), '13');
    await user.click(screen.getByTestId('profile-save'));
    expect(screen.getByTestId('height-error').textContent).toBe('Height (inches): type the inches over the feet, from 0 to 11.9, such as 9.');
    expect(inches().getAttribute('aria-invalid')).toBe('true');
    expect(feet().getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(inches());
    expect(bridge.paramsOf('profile.update')).toEqual([]);
    await user.clear(feet());
    await user.type(feet(), '6');
    await user.clear(inches());
    await user.type(inches(), '1');
    await user.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(bridge.paramsOf('profile.update')).toEqual([{ rollerDiameterIn: 6, bodyHeightCm: 185.4, units: 'in' }]));
  });

  it('a height out of range: the range in the units shown, the field marked and focused, nothing sent', async () => {
    const { user, bridge } = form();
    await user.clear(height());
    await user.type(height(), '250');
    await user.click(screen.getByTestId('profile-save'));
    expect(screen.getByTestId('height-error').textContent).toBe('Height: must be between 120 and 220 cm.');
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
    expect(screen.getByText('Roller diameter: must be between 3 and 8 in.')).toBeTruthy();
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
