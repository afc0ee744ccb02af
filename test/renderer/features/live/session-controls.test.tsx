// @vitest-environment happy-dom
/** Starting and stopping: StartPanel, StopBar, and the Session screen that holds them. */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LiveScreen } from '../../../../renderer/features/live/LiveScreen';
import { StartPanel } from '../../../../renderer/features/live/StartPanel';
import { StopBar } from '../../../../renderer/features/live/StopBar';
import { profileFixture, runningSessionFixture, snapshotFixture } from '../../app/fixtures';
import { renderWithServices } from '../../support/render-with-services';

const streaming = { name: 'streaming' as const, source: 'simulated' as const, description: null, batteryPercent: null };

describe('StartPanel', () => {
  it('Start session asks the app to start, shows the running session and unlocks the sound', async () => {
    const running = runningSessionFixture();
    const { user, bridge, services, cues } = renderWithServices(<StartPanel />, { snapshot: snapshotFixture({ connection: streaming }), answers: { 'session.start': running } });
    await user.click(screen.getByRole('button', { name: 'Start session' }));
    expect(bridge.paramsOf('session.start')).toEqual([{}]);
    expect(cues.unlock).toHaveBeenCalled();
    await waitFor(() => expect(services.store.state.get().snapshot?.session).toEqual(running));
  });

  it('Space starts too, unless a control has the focus', async () => {
    const { user, bridge } = renderWithServices(<StartPanel />, { answers: { 'session.start': runningSessionFixture() } });
    await user.keyboard(' ');
    await waitFor(() => expect(bridge.paramsOf('session.start')).toHaveLength(1));
    screen.getByRole('button', { name: 'Calibrate it in Setup' }).focus();
    await user.keyboard(' ');
    expect(bridge.paramsOf('session.start')).toHaveLength(1);
  });

  it('says why the start failed', async () => {
    const { user } = renderWithServices(<StartPanel />, { answers: { 'session.start': () => Promise.reject(new Error('No sensor is streaming')) } });
    await user.click(screen.getByTestId('start-button'));
    expect((await screen.findByTestId('start-error')).textContent).toBe('⚠ No sensor is streaming');
  });

  it('without a sensor or a calibration: links to Pair and Setup; the speed limit in the steps', async () => {
    const { user, nav } = renderWithServices(<StartPanel />, { snapshot: snapshotFixture({ profile: profileFixture({ speedLimitInPerS: 1.5 }) }) });
    expect(screen.getByTestId('start-needs-sensor').textContent).toContain('No sensor is streaming yet.');
    expect(screen.getByRole('list').textContent).toContain('under 1.5 in/s');
    // Which height the estimate comes from, in the unit chosen (feet and inches here).
    expect(screen.getByText(/^The spine map is estimated from your height/).textContent).toContain('estimated from your height (5 ft 9 in).');
    await user.click(screen.getByRole('button', { name: 'Pair a sensor or use the simulated roller' }));
    expect(nav.go).toHaveBeenLastCalledWith('pair');
    await user.click(screen.getByRole('button', { name: 'Calibrate it in Setup' }));
    expect(nav.go).toHaveBeenLastCalledWith('setup');
  });

  it('today’s budget already used: says so plainly before the start; Space does not start, "Start anyway" does', async () => {
    const session = { ...snapshotFixture().session, todayRollingS: 610, dailyBudgetS: 600 };
    const { user, bridge } = renderWithServices(<StartPanel />, {
      snapshot: snapshotFixture({ connection: streaming, session, profile: profileFixture({ dailyBudgetMin: 10 }) }),
      answers: { 'session.start': runningSessionFixture() },
    });
    const notice = screen.getByTestId('budget-used-notice');
    expect(notice.textContent).toContain('Today’s rolling time is used up');
    expect(notice.textContent).toContain('You have rolled 10 min 10 s today; your daily limit is 10 min.');
    const start = screen.getByTestId('start-button');
    expect(start.textContent).toBe('Start anyway');
    expect(start.getAttribute('aria-describedby')).toBe(notice.id);
    await user.keyboard(' ');
    expect(bridge.paramsOf('session.start')).toHaveLength(0);
    await user.click(start);
    expect(bridge.paramsOf('session.start')).toEqual([{}]);
  });

  it('budget left (or a larger budget in the profile now): no notice, Start session as usual', () => {
    const session = { ...snapshotFixture().session, todayRollingS: 610, dailyBudgetS: 600 };
    renderWithServices(<StartPanel />, { snapshot: snapshotFixture({ session, profile: profileFixture({ dailyBudgetMin: 15 }) }) });
    expect(screen.queryByTestId('budget-used-notice')).toBeNull();
    expect(screen.getByTestId('start-button').textContent).toBe('Start session');
  });

  it('with a streaming, calibrated sensor: no hints', () => {
    renderWithServices(<StartPanel />, { snapshot: snapshotFixture({ connection: streaming, profile: profileFixture({ calibratedAt: '2025-03-01T18:00:00.000Z' }) }) });
    expect(screen.queryByTestId('start-needs-sensor')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Calibrate it in Setup' })).toBeNull();
  });
});

describe('StopBar', () => {
  const ended = (endReason: string) => ({ ...runningSessionFixture(), state: 'ended' as const, endReason });

  it('Stop ends the session as completed; "It hurts — stop" as stopped for pain, and hushes the cues', async () => {
    const { user, bridge, cues } = renderWithServices(<StopBar />, {
      snapshot: snapshotFixture({ session: runningSessionFixture() }),
      answers: { 'session.stop': (p) => ended(p.reason) },
    });
    await user.click(screen.getByTestId('stop-button'));
    await user.click(screen.getByRole('button', { name: /It hurts — stop/ }));
    await waitFor(() => expect(bridge.paramsOf('session.stop')).toEqual([{ reason: 'completed' }, { reason: 'stopped: pain' }]));
    await waitFor(() => expect(cues.hush).toHaveBeenCalledTimes(2));
  });

  it.each([
    ['{Escape}', 'stopped: pain'],
    ['h', 'stopped: pain'],
    [' ', 'completed'],
  ])('the key %s stops with %s', async (key, reason) => {
    const { user, bridge } = renderWithServices(<StopBar />, { snapshot: snapshotFixture({ session: runningSessionFixture() }), answers: { 'session.stop': (p) => ended(p.reason) } });
    await user.keyboard(key);
    await waitFor(() => expect(bridge.paramsOf('session.stop')).toEqual([{ reason }]));
  });
});

describe('LiveScreen', () => {
  it('before a session: the start panel and the spine map, no summary', () => {
    renderWithServices(<LiveScreen />);
    expect(screen.getByRole('heading', { name: 'Ready to roll' })).toBeTruthy();
    expect(screen.queryByTestId('session-summary')).toBeNull();
    expect(screen.getByTestId('roller-marker')).toBeTruthy();
  });

  it('after a session: its summary above the start panel', () => {
    renderWithServices(<LiveScreen />, { snapshot: snapshotFixture({ session: { ...runningSessionFixture(), state: 'ended', endReason: 'completed' } }) });
    expect(screen.getByTestId('session-summary')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Ready to roll' })).toBeTruthy();
  });

  it('while running: speed, dwell ring and times; a connection alert while the sensor reconnects', () => {
    renderWithServices(<LiveScreen />, {
      snapshot: snapshotFixture({
        session: runningSessionFixture(),
        connection: { name: 'reconnecting', attempt: 2, reason: 'out of range', source: 'ble', description: 'Roller A1', batteryPercent: 50 },
      }),
    });
    expect(screen.getByRole('heading', { name: 'Session in progress' })).toBeTruthy();
    expect(screen.getByTestId('speed-readout')).toBeTruthy();
    expect(screen.getByTestId('dwell-ring')).toBeTruthy();
    expect(screen.getByTestId('session-time')).toBeTruthy();
    const alert = screen.getByTestId('connection-alert');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('Reconnecting (attempt 2)Lost the link to Roller A1: out of range. Trying again…');
    expect(screen.queryByRole('heading', { name: 'Ready to roll' })).toBeNull();
  });
});
