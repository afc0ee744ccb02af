// @vitest-environment happy-dom
/** The whole UI on a fake bridge: loading, the forced safety questions, the number-key navigation. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { fakeServices } from '../support/render-with-services';
import { SCREENING_QUESTIONS } from '../../../renderer/bridge/contract';
import { profileFixture, screeningFixture, snapshotFixture } from './fixtures';

describe('App', () => {
  it('says why the first load failed, and Try again loads the app', async () => {
    const { services, bridge } = fakeServices({ snapshot: null, answers: { 'app.snapshot': () => Promise.reject(new Error('Connection to the app lost')) } });
    render(<App services={services} />);
    expect(await screen.findByTestId('load-error')).toHaveProperty('textContent', 'Could not load the app’s state: Connection to the app lost');
    bridge.answer({ 'app.snapshot': snapshotFixture({ screening: screeningFixture() }) });
    await userEvent.setup().click(screen.getByTestId('load-retry'));
    expect(await screen.findByRole('heading', { name: 'Ready to roll' })).toBeTruthy();
  });

  it('on first run: only the safety questions, without the navigation or its keys', async () => {
    const { services } = fakeServices({ snapshot: null, answers: { 'app.snapshot': snapshotFixture({ screening: null }) } });
    render(<App services={services} />);
    expect(await screen.findByRole('heading', { name: 'Before you roll: a safety check' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    await userEvent.setup().keyboard('2');
    expect(screen.queryByRole('heading', { name: 'Pair your sensor' })).toBeNull();
  });

  it('on first run: after the safety questions, the height (before any session), then Pair; Setup has it', async () => {
    const snapshot = snapshotFixture({ screening: null, profile: profileFixture({ units: 'in', bodyHeightCm: 175 }) });
    const { services, bridge } = fakeServices({
      snapshot: null,
      answers: {
        'app.snapshot': snapshot,
        'screening.submit': (p) => ({ ...p, needsClearance: false, answeredAt: '2026-11-21T09:00:00.000Z' }),
        'profile.update': (patch) => ({ ...snapshot.profile, ...patch }),
      },
    });
    render(<App services={services} />);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Before you roll: a safety check' });
    await user.click(screen.getByTestId('screening-ack'));
    for (const q of SCREENING_QUESTIONS) await user.click(screen.getByTestId(`screening-no-${q.id}`));
    await user.click(screen.getByTestId('screening-submit'));
    // The height, in the profile's units (feet and inches), still without the navigation.
    expect(await screen.findByRole('heading', { name: 'Your height' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByTestId('first-run-estimate').textContent).toBe('Estimate: the base of the neck 8.3 in above the start spot, the end of the ribs 5.5 in below it.');
    await user.clear(screen.getByTestId('height-feet'));
    await user.click(screen.getByTestId('height-continue'));
    expect(screen.getByTestId('height-error').textContent).toBe('Height (feet): type a whole number of feet, such as 5.');
    expect(document.activeElement).toBe(screen.getByTestId('height-feet'));
    await user.type(screen.getByTestId('height-feet'), '6');
    await user.clear(screen.getByTestId('height-inches'));
    await user.type(screen.getByTestId('height-inches'), '2');
    await user.click(screen.getByTestId('height-continue'));
    expect(await screen.findByRole('heading', { name: 'Pair your sensor' })).toBeTruthy();
    expect(bridge.paramsOf('profile.update')).toEqual([{ bodyHeightCm: 188, units: 'in' }]);
    await user.keyboard('3');
    expect(await screen.findByRole('heading', { name: 'Setup' })).toBeTruthy();
    expect(screen.getByTestId<HTMLInputElement>('height-feet').value).toBe('6');
    expect(screen.getByTestId<HTMLInputElement>('height-inches').value).toBe('2');
  });

  it('number keys switch screens (and move the current mark), but not while typing in a field', async () => {
    const { services } = fakeServices({ snapshot: null, answers: { 'app.snapshot': snapshotFixture({ screening: screeningFixture() }) } });
    const user = userEvent.setup();
    render(<App services={services} />);
    await screen.findByRole('heading', { name: 'Ready to roll' });
    await user.keyboard('2');
    expect(screen.getByRole('heading', { level: 1, name: 'Pair your sensor' })).toBeTruthy();
    expect(screen.getByTestId('nav-pair').getAttribute('aria-current')).toBe('page');
    // Focus moves to the new screen's content.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('main')));
    await user.keyboard('3');
    expect(screen.getByRole('heading', { level: 1, name: 'Setup' })).toBeTruthy();
    await user.click(screen.getByTestId('height-feet'));
    await user.keyboard('5');
    expect(screen.getByRole('heading', { level: 1, name: 'Setup' })).toBeTruthy();
    await user.click(screen.getByTestId('nav-history'));
    expect(screen.getByTestId('nav-history').getAttribute('aria-current')).toBe('page');
  });

  it('the end-of-session card opens that session’s review on the History screen; History from the tabs shows the list', async () => {
    const ended = { ...snapshotFixture().session, state: 'ended' as const, sessionId: 42, endReason: 'completed', elapsedS: 300, rollingS: 240 };
    const { services, bridge } = fakeServices({
      snapshot: null,
      answers: {
        'app.snapshot': snapshotFixture({ screening: screeningFixture(), session: ended }),
        'review.get': () => new Promise(() => {}),
        'history.get': () => new Promise(() => {}),
      },
    });
    const user = userEvent.setup();
    render(<App services={services} />);
    await user.click(await screen.findByRole('button', { name: 'Review this session' }));
    expect(screen.getByTestId('nav-history').getAttribute('aria-current')).toBe('page');
    expect(bridge.paramsOf('review.get')).toEqual([{ id: 42 }]);
    expect(screen.getByTestId('session-review')).toBeTruthy();
    await user.click(screen.getByTestId('nav-history'));
    expect(screen.getByTestId('history-screen')).toBeTruthy();
  });
});
