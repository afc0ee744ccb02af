// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NavBar } from '../../../renderer/app/NavBar';
import { renderWithServices } from '../support/render-with-services';

describe('NavBar', () => {
  it('lists the five screens in order with their keys, the current one marked', () => {
    renderWithServices(<NavBar />, { screen: 'setup' });
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    const buttons = [...nav.querySelectorAll('button')];
    expect(buttons.map((b) => b.firstChild?.textContent)).toEqual(['Session', 'Pair', 'Setup', 'Settings', 'History']);
    expect(buttons.map((b) => b.getAttribute('aria-keyshortcuts'))).toEqual(['1', '2', '3', '4', '5']);
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
});
