// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NavBar } from '../../../renderer/app/NavBar';
import { StartPanel } from '../../../renderer/features/live/StartPanel';
import { runningSessionFixture } from './fixtures';
import { renderWithServices } from '../support/render-with-services';

describe('NavBar', () => {
  it('lists the six screens in order with their keys, the current one marked', () => {
    renderWithServices(<NavBar />, { screen: 'setup' });
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    const buttons = [...nav.querySelectorAll('button')];
    expect(buttons.map((b) => b.firstChild?.textContent)).toEqual(['Session', 'Pair', 'Setup', 'Settings', 'History', 'Sensor']);
    expect(buttons.map((b) => b.getAttribute('aria-keyshortcuts'))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(buttons.filter((b) => b.getAttribute('aria-current') === 'page').map((b) => b.dataset.testid)).toEqual(['nav-setup']);
  });

  it('Tab walks the items in order; Enter or Space on one, or a click, goes to that screen', async () => {
    const { nav, user } = renderWithServices(<NavBar />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('nav-session'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('nav-pair'));
    await user.keyboard('{Enter}');
    expect(nav.go).toHaveBeenLastCalledWith('pair');
    await user.tab();
    await user.keyboard(' ');
    expect(nav.go).toHaveBeenLastCalledWith('setup');
    await user.click(screen.getByTestId('nav-history'));
    expect(nav.go).toHaveBeenLastCalledWith('history');
    expect(nav.go).toHaveBeenCalledTimes(3);
  });

  it('after a click on a tab, Space starts the session instead of pressing the tab again', async () => {
    const { nav, user, bridge } = renderWithServices(
      <>
        <NavBar />
        <StartPanel />
      </>,
      { answers: { 'session.start': runningSessionFixture() } },
    );
    await user.click(screen.getByTestId('nav-session'));
    expect(nav.go).toHaveBeenCalledTimes(1);
    expect(document.activeElement).not.toBe(screen.getByTestId('nav-session'));
    await user.keyboard(' ');
    await waitFor(() => expect(bridge.paramsOf('session.start')).toHaveLength(1));
    expect(nav.go).toHaveBeenCalledTimes(1);
  });

  it('a tab reached with the keyboard keeps the focus: Space there presses the tab, not Start', async () => {
    const { nav, user, bridge } = renderWithServices(
      <>
        <NavBar />
        <StartPanel />
      </>,
      { answers: { 'session.start': runningSessionFixture() } },
    );
    await user.tab();
    await user.keyboard(' ');
    expect(nav.go).toHaveBeenLastCalledWith('session');
    expect(document.activeElement).toBe(screen.getByTestId('nav-session'));
    expect(bridge.paramsOf('session.start')).toHaveLength(0);
  });
});
