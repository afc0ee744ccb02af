// @vitest-environment happy-dom
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { CalibrationStatus } from '../../../../renderer/bridge/contract';
import { SetupScreen } from '../../../../renderer/features/setup/SetupScreen';
import { profileFixture, snapshotFixture } from '../../app/fixtures';
import { renderWithServices } from '../../support/render-with-services';

const idle = snapshotFixture().calibration;
const cal = (over: Partial<CalibrationStatus>): CalibrationStatus => ({ ...idle, ...over });
const setup = (calibration: CalibrationStatus, profile = profileFixture({ units: 'cm', bodyHeightCm: 175 })) =>
  renderWithServices(<SetupScreen />, {
    snapshot: snapshotFixture({ calibration, profile }),
    answers: { 'calibration.start': cal({ state: 'running', step: 'roll-up' }), 'calibration.cancel': idle, 'calibration.accept': profileFixture({ units: 'cm', neckAboveCm: 20, lumbarBelowCm: 15 }) },
  });

describe('Setup: the calibration pass', () => {
  it('idle: the estimate from the height, a hint to connect first, Start calibration', async () => {
    const { user, bridge, services } = setup(idle);
    expect(screen.getByTestId('calibration-current').textContent).toBe('Not calibrated yet: estimated from your height (neck 21.0 cm above, ribs 14.0 cm below the start spot).');
    expect(screen.getByText('Connect a sensor (or the simulated roller) on the Pair screen first.')).toBeTruthy();
    expect(screen.getByRole('form', { name: 'You and your roller' })).toBeTruthy();
    await user.click(screen.getByTestId('calibration-start'));
    await waitFor(() => expect(services.store.state.get().snapshot?.calibration.state).toBe('running'));
    expect(bridge.paramsOf('calibration.start')).toEqual([{}]);
  });

  it('running: the step in words, the hold countdown, where the roller is; the pass first, the profile form still there', async () => {
    const { user, bridge } = setup(cal({ state: 'running', step: 'hold-top', heldS: 1.2, positionCm: 19.5 }));
    const step = screen.getByTestId('calibration-step');
    expect(step.dataset.step).toBe('hold-top');
    expect(step.textContent).toContain('Hold still there');
    expect(screen.getByTestId('calibration-countdown').textContent).toBe('2');
    expect(screen.getByTestId('calibration-position').textContent).toMatch(/^The sensor sees the roller at \+?19\.5 cm.* from the start spot$/);
    const form = screen.getByRole('form', { name: 'You and your roller' });
    expect(screen.getByTestId('setup-screen').className).toContain('setup--pass-first');
    expect(form.querySelector('[data-testid="profile-save"]')).toBeTruthy();
    const steps = [...screen.getByTestId('calibration-steps').querySelectorAll('li')];
    expect(steps.map((li) => li.className.replace('cal-step cal-step--', ''))).toEqual(['done', 'done', 'now', 'later', 'later']);
    expect(steps[2]!.getAttribute('aria-current')).toBe('step');
    await user.click(screen.getByTestId('calibration-cancel'));
    await waitFor(() => expect(bridge.paramsOf('calibration.cancel')).toEqual([{}]));
  });

  it('done: the measured landmarks; Use these saves them, says what changed and leads on to the Session screen; the form stays', async () => {
    const { user, services, nav } = setup(cal({ state: 'done', step: 'done', neckAboveCm: 20, lumbarBelowCm: 15 }));
    expect(screen.getByTestId('calibration-neck').textContent).toBe('20.0 cm above the start');
    expect(screen.getByTestId('calibration-lumbar').textContent).toBe('15.0 cm below the start');
    // Opened with a result waiting: the form first, as always but during a pass.
    expect(screen.getByTestId('setup-screen').className).not.toContain('setup--pass-first');
    expect(screen.getByRole('form', { name: 'You and your roller' })).toBeTruthy();
    await user.click(screen.getByTestId('calibration-accept'));
    await waitFor(() => expect(services.store.state.get().snapshot?.profile.neckAboveCm).toBe(20));
    const saved = screen.getByTestId('calibration-saved');
    expect(saved.getAttribute('role')).toBe('status');
    expect(saved.textContent).toContain('Saved: your spine map is now calibrated');
    expect(screen.getByTestId('calibration-change-neck').textContent).toBe('Base of the neck 20.0 cm above the start spot (was 21.0 cm, estimated from your height)');
    expect(screen.getByTestId('calibration-change-lumbar').textContent).toBe('End of the ribs 15.0 cm below the start spot (was 14.0 cm, estimated from your height)');
    // The result is put away: no second "Use these", the profile form is still there.
    expect(screen.queryByTestId('calibration-accept')).toBeNull();
    expect(screen.getByRole('form', { name: 'You and your roller' })).toBeTruthy();
    expect(document.activeElement).toBe(saved);
    await user.click(screen.getByTestId('calibration-to-session'));
    expect(nav.go).toHaveBeenCalledWith('session');
  });

  it('done: Back puts the result away and keeps the spine map the profile had', async () => {
    const { user, bridge, services } = setup(cal({ state: 'done', step: 'done', neckAboveCm: 20, lumbarBelowCm: 15 }));
    expect(screen.getByText('Back keeps the spine map estimated from your height.')).toBeTruthy();
    await user.click(screen.getByTestId('calibration-back'));
    await waitFor(() => expect(services.store.state.get().snapshot?.calibration.state).toBe('idle'));
    expect(bridge.paramsOf('calibration.cancel')).toEqual([{}]);
    expect(bridge.paramsOf('calibration.accept')).toEqual([]);
    expect(screen.getByTestId('calibration-start')).toBeTruthy();
  });

  it('failed: an alert with the engine’s message, Repeat, and Back to the previous calibration', async () => {
    const calibrated = profileFixture({ units: 'cm', neckAboveCm: 19, lumbarBelowCm: 13, calibratedAt: '2025-03-01T18:00:00.000Z' });
    const { user, bridge, services } = setup(cal({ state: 'failed', message: 'The roller did not move up: roll up to the base of the neck.' }), calibrated);
    expect(screen.getByRole('alert').textContent).toContain('The pass did not work');
    expect(screen.getByTestId('calibration-message').textContent).toBe('The roller did not move up: roll up to the base of the neck.');
    expect(screen.getByText(/^Back keeps your calibration of .*2025\.$/)).toBeTruthy();
    expect(screen.getByRole('form', { name: 'You and your roller' })).toBeTruthy();
    await user.click(screen.getByTestId('calibration-repeat'));
    await waitFor(() => expect(bridge.paramsOf('calibration.start')).toHaveLength(1));
    services.store.applyCalibration(cal({ state: 'failed', message: 'Hold still.' }));
    await user.click(await screen.findByTestId('calibration-back'));
    await waitFor(() => expect(services.store.state.get().snapshot?.calibration.state).toBe('idle'));
    expect(services.store.state.get().snapshot?.profile).toEqual(calibrated);
    expect(screen.getByTestId('calibration-current').textContent).toMatch(/^Calibrated on .*2025: base of the neck 19\.0 cm/);
  });

  it('starting a pass keeps what was typed in the profile form (the form stays, only its place changes)', async () => {
    const { user } = setup(idle);
    const height = screen.getByTestId<HTMLInputElement>('height-input');
    await user.clear(height);
    await user.type(height, '181');
    await user.click(screen.getByTestId('calibration-start'));
    await waitFor(() => expect(screen.getByTestId('setup-screen').className).toContain('setup--pass-first'));
    expect(screen.getByTestId<HTMLInputElement>('height-input')).toBe(height);
    expect(height.value).toBe('181');
  });

  it('a pass that ends while watching scrolls its outcome into view; opening Setup with an outcome waiting scrolls nothing', async () => {
    const scrolled: Element[] = [];
    const original = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
    onTestFinished(() => {
      if (original) Object.defineProperty(Element.prototype, 'scrollIntoView', original);
    });
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const { services, unmount } = setup(cal({ state: 'running', step: 'hold-bottom', heldS: 2.5, positionCm: -14 }));
    act(() => services.store.applyCalibration(cal({ state: 'done', step: 'done', neckAboveCm: 20, lumbarBelowCm: 15 })));
    await screen.findByTestId('calibration-accept');
    expect(scrolled).toEqual([screen.getByTestId('calibration-panel')]);
    expect(screen.getByTestId('setup-screen').className).not.toContain('setup--pass-first');
    unmount();
    scrolled.length = 0;
    setup(cal({ state: 'done', step: 'done', neckAboveCm: 20, lumbarBelowCm: 15 }));
    expect(scrolled).toEqual([]);
  });

  it('calibrated: says when, and the measured distances', () => {
    setup(idle, profileFixture({ units: 'cm', neckAboveCm: 20, lumbarBelowCm: 15, calibratedAt: '2025-03-01T18:00:00.000Z' }));
    expect(screen.getByTestId('calibration-current').textContent).toMatch(/^Calibrated on .*2025: base of the neck 20\.0 cm above the start spot, end of the ribs 15\.0 cm below\.$/);
  });
});
