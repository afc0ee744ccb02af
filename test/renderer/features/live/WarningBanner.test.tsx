// @vitest-environment happy-dom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WarningBanner } from '../../../../renderer/features/live/WarningBanner';
import { profileFixture, snapshotFixture } from '../../app/fixtures';
import { renderWithServices } from '../../support/render-with-services';

describe('WarningBanner', () => {
  it('shows nothing until a warning comes', () => {
    const { container } = renderWithServices(<WarningBanner reserveRoom={false} />);
    expect(container.innerHTML).toBe('');
  });

  it('keeps its room while a session runs, with a calm line when no warning shows', () => {
    const { services } = renderWithServices(<WarningBanner reserveRoom={true} />);
    expect(screen.getByTestId('warning-area').textContent).toMatch(/No warnings/);
    act(() => services.warnings.offer({ t: 1, kind: 'lumbar', positionCm: -15, detail: '' }));
    expect(screen.getByTestId('warning-area').textContent).not.toMatch(/No warnings/);
    expect(screen.getByRole('alert').dataset.kind).toBe('lumbar');
    act(() => services.warnings.clear());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('warning-area').textContent).toMatch(/No warnings/);
  });

  it('shows the warning as an alert with its words in the profile’s units, and plays its cue', () => {
    const snapshot = snapshotFixture({ profile: profileFixture({ units: 'cm', speedLimitInPerS: 1 }) });
    const { services, cues } = renderWithServices(<WarningBanner reserveRoom={false} />, { snapshot });
    act(() => services.warnings.offer({ t: 12, kind: 'too-fast', positionCm: 3, detail: '1.6 in/s' }));
    const alert = screen.getByRole('alert');
    expect(alert.dataset.kind).toBe('too-fast');
    expect(alert.textContent).toBe('Slow downKeep under 2.5 cm/s. Slow, even strokes let the muscles let go.');
    expect(cues.play).toHaveBeenCalledWith('too-fast', 'Slow down', expect.objectContaining({ sounds: true, speech: false }));
  });

  it('a more urgent warning replaces the one showing; clearing removes it', () => {
    const { services } = renderWithServices(<WarningBanner reserveRoom={false} />);
    act(() => services.warnings.offer({ t: 1, kind: 'dwell-nudge', positionCm: 0, detail: '' }));
    expect(screen.getByTestId('warning-banner').textContent).toContain('15 s on this spot');
    act(() => services.warnings.offer({ t: 2, kind: 'lumbar', positionCm: -15, detail: '' }));
    expect(screen.getByTestId('warning-banner').dataset.kind).toBe('lumbar');
    expect(screen.getByTestId('warning-banner').textContent).toContain('Too low: roll back up');
    act(() => services.warnings.clear());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
