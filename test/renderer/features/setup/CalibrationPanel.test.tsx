// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CalibrationStatus } from '../../../../renderer/bridge/contract';
import { SetupScreen } from '../../../../renderer/features/setup/SetupScreen';
import { profileFixture, snapshotFixture } from '../../app/fixtures';
import { renderWithServices } from '../../support/render-with-services';

const idle = snapshotFixture().calibration;
const cal = (over: Partial<CalibrationStatus>): CalibrationStatus => ({ ...idle, ...over });
const setup = (calibration: CalibrationStatus, profile = profileFixture({ units: 'cm', bodyHeightCm: 175 })) =>
  renderWithServices(<SetupScreen />, {
    snapshot: snapshotFixture({ calibration, profile }),
    answers: { 'calibration.start': cal({ state: 'running', step: 'roll-up' }), 'calibration.cancel': idle, 'calibration.accept': profileFixture({ neckAboveCm: 20, lumbarBelowCm: 15 }) },
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

  it('running: the step in words, the hold countdown, where the roller is; the profile form steps aside', async () => {
    const { user, bridge } = setup(cal({ state: 'running', step: 'hold-top', heldS: 1.2, positionCm: 19.5 }));
    const step = screen.getByTestId('calibration-step');
    expect(step.dataset.step).toBe('hold-top');
    expect(step.textContent).toContain('Hold still there');
    expect(screen.getByTestId('calibration-countdown').textContent).toBe('2');
    expect(screen.getByTestId('calibration-position').textContent).toMatch(/^The sensor sees the roller at \+?19\.5 cm.* from the start spot$/);
    expect(screen.queryByRole('form', { name: 'You and your roller' })).toBeNull();
    const steps = [...screen.getByTestId('calibration-steps').querySelectorAll('li')];
    expect(steps.map((li) => li.className.replace('cal-step cal-step--', ''))).toEqual(['done', 'done', 'now', 'later', 'later']);
    expect(steps[2]!.getAttribute('aria-current')).toBe('step');
    await user.click(screen.getByTestId('calibration-cancel'));
    await waitFor(() => expect(bridge.paramsOf('calibration.cancel')).toEqual([{}]));
  });

  it('done: the measured landmarks; Use these saves them into the profile', async () => {
    const { user, services } = setup(cal({ state: 'done', step: 'done', neckAboveCm: 20, lumbarBelowCm: 15 }));
    expect(screen.getByTestId('calibration-neck').textContent).toBe('20.0 cm above the start');
    expect(screen.getByTestId('calibration-lumbar').textContent).toBe('15.0 cm below the start');
    await user.click(screen.getByTestId('calibration-accept'));
    await waitFor(() => expect(services.store.state.get().snapshot?.profile.neckAboveCm).toBe(20));
  });

  it('failed: an alert with the engine’s message and Repeat', async () => {
    const { user, bridge } = setup(cal({ state: 'failed', message: 'The roller did not move up: roll up to the base of the neck.' }));
    expect(screen.getByRole('alert').textContent).toContain('The pass did not work');
    expect(screen.getByTestId('calibration-message').textContent).toBe('The roller did not move up: roll up to the base of the neck.');
    await user.click(screen.getByTestId('calibration-repeat'));
    await waitFor(() => expect(bridge.paramsOf('calibration.start')).toHaveLength(1));
  });

  it('calibrated: says when, and the measured distances', () => {
    setup(idle, profileFixture({ units: 'cm', neckAboveCm: 20, lumbarBelowCm: 15, calibratedAt: '2025-03-01T18:00:00.000Z' }));
    expect(screen.getByTestId('calibration-current').textContent).toMatch(/^Calibrated on .*2025: base of the neck 20\.0 cm above the start spot, end of the ribs 15\.0 cm below\.$/);
  });
});
