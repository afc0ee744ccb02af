// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../../renderer/common/ConfirmDialog';
import '../support/render-with-services';

function dialog(props: { danger?: boolean; busy?: boolean } = {}) {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    <ConfirmDialog
      title="Delete all data?"
      confirmLabel="Delete everything"
      cancelLabel="Keep my data"
      onConfirm={onConfirm}
      onCancel={onCancel}
      testId="erase-dialog"
      confirmTestId="erase-confirm"
      {...props}
    >
      Sessions, settings and answers are removed.
    </ConfirmDialog>,
  );
  return { onConfirm, onCancel };
}

describe('ConfirmDialog', () => {
  it('is a modal alert dialog named by its title and described by its body', () => {
    dialog();
    const d = screen.getByRole('alertdialog', { name: 'Delete all data?' });
    expect(d.getAttribute('aria-modal')).toBe('true');
    expect(d).toBe(screen.getByTestId('erase-dialog'));
    expect(document.getElementById(d.getAttribute('aria-describedby')!)?.textContent).toBe('Sessions, settings and answers are removed.');
  });

  it('puts focus on the safe choice for a dangerous action', () => {
    dialog({ danger: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep my data' }));
  });

  it('puts focus on the confirm button otherwise', () => {
    dialog();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete everything' }));
  });

  it('Escape and the cancel button cancel; the confirm button confirms', async () => {
    const user = userEvent.setup();
    const { onConfirm, onCancel } = dialog({ danger: true });
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Keep my data' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onConfirm).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('erase-confirm'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('while busy: both buttons are disabled and Escape does nothing', async () => {
    const user = userEvent.setup();
    const { onCancel } = dialog({ busy: true });
    expect(screen.getByRole('button', { name: 'Delete everything' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Keep my data' })).toHaveProperty('disabled', true);
    await user.keyboard('{Escape}');
    expect(onCancel).not.toHaveBeenCalled();
  });
});
