// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Shell } from '../../../renderer/app/Shell';
import { OPEN_STATUS } from '../../../renderer/bridge/bridge-status';
import { runningSessionFixture, screeningFixture, snapshotFixture } from './fixtures';
import { renderWithServices } from '../support/render-with-services';

const shell = (snapshot = snapshotFixture({ screening: screeningFixture() }), showNav = true) =>
  renderWithServices(
    <Shell snapshot={snapshot} bridge={OPEN_STATUS} showNav={showNav} screenKey="session">
      <p>the screen</p>
    </Shell>,
    { snapshot },
  );

describe('Shell', () => {
  it('a skip link first, the header with navigation and connection, the notices, the screen in main', async () => {
    const { user } = shell(snapshotFixture({ notices: ['Kept aside a damaged database'] }));
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Skip to content');
    await user.click(screen.getByText('Skip to content'));
    expect(document.activeElement).toBe(screen.getByRole('main'));
    expect(screen.getByRole('navigation', { name: 'Screens' })).toBeTruthy();
    expect(screen.getByTestId('connection-state')).toBeTruthy();
    expect(screen.getByTestId('notices').textContent).toContain('Kept aside a damaged database');
    expect(screen.getByRole('main').textContent).toBe('the screen');
    expect(screen.queryByTestId('stop-button')).toBeNull();
  });

  it('without navigation while the safety questions show', () => {
    shell(snapshotFixture(), false);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('while a session runs: the stop controls on every screen, the notices held back, the run announced', () => {
    shell(snapshotFixture({ session: runningSessionFixture(), notices: ['Kept aside a damaged database'] }));
    expect(screen.getByTestId('stop-button')).toBeTruthy();
    expect(screen.getByTestId('pain-button')).toBeTruthy();
    expect(screen.queryByTestId('notices')).toBeNull();
    expect(screen.getByText('Session running.')).toBeTruthy();
  });
});
