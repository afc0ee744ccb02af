// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LoadScreen } from '../../../renderer/app/LoadScreen';
import { OPEN_STATUS } from '../../../renderer/bridge/bridge-status';
import '../support/render-with-services';

describe('LoadScreen', () => {
  it('while loading: says it is connecting, the main region busy, no retry', () => {
    render(<LoadScreen failed={false} error={null} bridge={OPEN_STATUS} onRetry={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toContain('Connecting to the app…');
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('after a failure: the reason, and Try again calls the retry', async () => {
    const onRetry = vi.fn();
    render(<LoadScreen failed error="Connection to the app lost" bridge={OPEN_STATUS} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toBe('Could not load the app’s state: Connection to the app lost');
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('shows the lost-link banner above when the app cannot be reached', () => {
    render(<LoadScreen failed={false} error={null} bridge={{ state: 'reconnecting', attempt: 2, retryAtMs: 5, reason: null }} onRetry={vi.fn()} />);
    expect(screen.getByTestId('app-link-lost').textContent).toContain('Reconnecting (attempt 2)');
  });
});
