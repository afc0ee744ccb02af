// @vitest-environment happy-dom
/** The shell's banners and announcements: LinkLostBanner, Notices, SessionAnnouncer. */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LinkLostBanner } from '../../../renderer/app/LinkLostBanner';
import { Notices } from '../../../renderer/app/Notices';
import { SessionAnnouncer } from '../../../renderer/app/SessionAnnouncer';
import { OPEN_STATUS } from '../../../renderer/bridge/bridge-status';
import { snapshotFixture } from './fixtures';
import '../support/render-with-services';

describe('LinkLostBanner', () => {
  it('shows nothing while the link is open or connecting', () => {
    const { container, rerender } = render(<LinkLostBanner status={OPEN_STATUS} />);
    expect(container.innerHTML).toBe('');
    rerender(<LinkLostBanner status={{ state: 'connecting', attempt: 0, retryAtMs: null, reason: null }} />);
    expect(container.innerHTML).toBe('');
  });

  it('while reconnecting: an alert with the attempt, the reason, and that recording goes on', () => {
    render(<LinkLostBanner status={{ state: 'reconnecting', attempt: 3, retryAtMs: 1000, reason: 'the socket closed' }} />);
    const alert = screen.getByRole('alert');
    expect(alert.dataset.state).toBe('reconnecting');
    expect(alert.textContent).toContain('Connection to the app lost');
    expect(alert.textContent).toContain('Reconnecting (attempt 3); the socket closed. The app keeps recording on its own');
  });

  it('when unavailable: the reason, or a plain sentence without one', () => {
    const { rerender } = render(<LinkLostBanner status={{ state: 'unavailable', attempt: 0, retryAtMs: null, reason: 'this page was opened without the app' }} />);
    expect(screen.getByTestId('app-link-lost').textContent).toContain('this page was opened without the app');
    rerender(<LinkLostBanner status={{ state: 'unavailable', attempt: 0, retryAtMs: null, reason: null }} />);
    expect(screen.getByTestId('app-link-lost').textContent).toContain('The app cannot be reached.');
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
