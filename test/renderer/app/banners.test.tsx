// @vitest-environment happy-dom
/** The shell's banners and announcements: LinkLostBanner, the connection badge, Notices, SessionAnnouncer. */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LinkLostBanner } from '../../../renderer/app/LinkLostBanner';
import { Notices } from '../../../renderer/app/Notices';
import { SessionAnnouncer } from '../../../renderer/app/SessionAnnouncer';
import { OPEN_STATUS, STOPPED_AFTER_ATTEMPTS } from '../../../renderer/bridge/bridge-status';
import { ConnectionBadge } from '../../../renderer/features/connection/ConnectionBadge';
import { snapshotFixture } from './fixtures';
import { renderWithServices } from '../support/render-with-services';

describe('LinkLostBanner', () => {
  it('shows nothing while the link is open or connecting', () => {
    const { container, rerender } = render(<LinkLostBanner status={OPEN_STATUS} />);
    expect(container.innerHTML).toBe('');
    rerender(<LinkLostBanner status={{ state: 'connecting', attempt: 0, retryAtMs: null, reason: null }} />);
    expect(container.innerHTML).toBe('');
  });

  it('at first (a blip?): reconnecting with the attempt and the reason; the sensor state unknown; no claim that recording goes on', () => {
    render(<LinkLostBanner status={{ state: 'reconnecting', attempt: 1, retryAtMs: 1000, reason: 'the socket closed' }} />);
    const alert = screen.getByRole('alert');
    expect(alert.dataset.state).toBe('reconnecting');
    expect(alert.dataset.stopped).toBe('no');
    expect(alert.textContent).toContain('Connection to the app lost');
    expect(alert.textContent).toContain('Reconnecting (attempt 1); the socket closed. The sensor’s state is unknown until the app answers.');
    expect(alert.textContent).not.toMatch(/keeps recording/);
    expect(screen.queryByTestId('app-restart')).toBeNull();
  });

  it('after a few attempts: the app is not running, nothing is recorded, the sensor state unknown, and how to start it again', () => {
    render(<LinkLostBanner status={{ state: 'reconnecting', attempt: STOPPED_AFTER_ATTEMPTS, retryAtMs: 1000, reason: 'the socket closed' }} />);
    const alert = screen.getByRole('alert');
    expect(alert.dataset.stopped).toBe('yes');
    expect(alert.textContent).toContain('The app is not running');
    expect(alert.textContent).toContain(
      `This page cannot reach the app (tried ${STOPPED_AFTER_ATTEMPTS} times), so it has most likely stopped. Nothing is being recorded, and the sensor’s state is unknown.`,
    );
    expect(screen.getByTestId('app-restart').textContent).toMatch(/^To start it again, run npm start .* open the new address it prints/);
    expect(alert.textContent).not.toMatch(/keeps recording/);
  });

  it('when unavailable: the reason, that the app is not running, and how to start it', () => {
    const { rerender } = render(<LinkLostBanner status={{ state: 'unavailable', attempt: 0, retryAtMs: null, reason: 'this page was opened without the app' }} />);
    expect(screen.getByTestId('app-link-lost').textContent).toContain('This page was opened without the app. Nothing is being recorded, and the sensor’s state is unknown.');
    rerender(<LinkLostBanner status={{ state: 'unavailable', attempt: 0, retryAtMs: null, reason: null }} />);
    expect(screen.getByTestId('app-link-lost').textContent).toContain('The app is not running');
    expect(screen.getByTestId('app-restart')).toBeTruthy();
  });
});

describe('ConnectionBadge', () => {
  const streaming = snapshotFixture({ connection: { name: 'streaming', source: 'simulated', description: null, batteryPercent: 80 } });
  it('the sensor state from the snapshot while the app answers; unknown once the app cannot be reached', () => {
    const { unmount } = renderWithServices(<ConnectionBadge />, { snapshot: streaming });
    const badge = screen.getByTestId('connection-state');
    expect(badge.dataset.state).toBe('streaming');
    expect(badge.textContent).toContain('Simulated roller');
    unmount();
    renderWithServices(<ConnectionBadge />, { snapshot: streaming, bridgeStatus: { state: 'reconnecting', attempt: 1, retryAtMs: 1000, reason: 'the socket closed' } });
    const lost = screen.getByTestId('connection-state');
    expect(lost.dataset.state).toBe('unknown');
    expect(lost.textContent).toBe('Sensor: unknown');
    expect(lost.title).toBe('The app is not answering, so the sensor’s state is unknown.');
  });
});

describe('Notices', () => {
  it('shows nothing without notices, else each notice as a list item', () => {
    const { container, rerender } = render(<Notices notices={[]} />);
    expect(container.innerHTML).toBe('');
    rerender(<Notices notices={['Kept aside a damaged database', 'Session 4 was interrupted']} />);
    const list = screen.getByRole('status', { name: 'Notices' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['ℹ Kept aside a damaged database', 'ℹ Session 4 was interrupted']);
  });
});

describe('SessionAnnouncer', () => {
  const session = snapshotFixture().session;
  it.each([
    [{ ...session, state: 'none' as const }, ''],
    [{ ...session, state: 'running' as const }, 'Session running.'],
    [{ ...session, state: 'ended' as const, endReason: 'completed' as const }, 'Session ended.'],
    [{ ...session, state: 'ended' as const, endReason: 'stopped: pain' as const }, 'Session stopped because it hurt.'],
  ])('announces %#', (s, text) => {
    render(<SessionAnnouncer session={s} />);
    expect(screen.getByRole('status').textContent).toBe(text);
  });
});
