// @vitest-environment happy-dom
/** ErrorLine, ProgressLine and SaveRow: the small status lines forms and tasks share. */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorLine } from '../../../renderer/common/ErrorLine';
import { ProgressLine } from '../../../renderer/common/ProgressLine';
import { SaveRow } from '../../../renderer/common/SaveRow';
import '../support/render-with-services';

describe('ErrorLine', () => {
  it('stays in the page empty (a live region must exist before it speaks), then shows the error', () => {
    const { rerender } = render(<ErrorLine error={null} testId="e" />);
    const line = screen.getByTestId('e');
    expect(line.getAttribute('role')).toBe('status');
    expect(line.getAttribute('aria-live')).toBe('polite');
    expect(line.textContent).toBe('');
    rerender(<ErrorLine error="The sensor did not answer" testId="e" />);
    expect(screen.getByTestId('e').textContent).toBe('⚠ The sensor did not answer');
  });
});

describe('ProgressLine', () => {
  it('shows the share done in the bar and in words', () => {
    render(<ProgressLine fraction={0.426} message="Writing the export" testId="p" />);
    const bar = screen.getByRole('progressbar', { name: 'Writing the export' });
    expect(bar.getAttribute('aria-valuenow')).toBe('43');
    expect(screen.getByRole('status').textContent).toBe('Writing the export 43 %');
    expect((screen.getByTestId('p').querySelector('.progress-line__fill') as HTMLElement).style.width).toBe('43%');
  });

  it('clamps the share to 0–100 %', () => {
    const { rerender } = render(<ProgressLine fraction={1.7} message="Saving" />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    rerender(<ProgressLine fraction={-0.2} message="Saving" />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
  });

  it('without a known amount: a moving bar with no value, and only the words', () => {
    render(<ProgressLine fraction={null} message="Reading the file" />);
    const bar = screen.getByRole('progressbar');
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(bar.className).toContain('progress-line__bar--unknown');
    expect(screen.getByRole('status').textContent).toBe('Reading the file');
  });
});

describe('SaveRow', () => {
  it('a submit button with its label, "Saving…" while busy, and "✓ Saved" once done', () => {
    const { rerender } = render(<SaveRow label="Save settings" busy={false} saved={false} testId="save" />);
    const button = screen.getByTestId<HTMLButtonElement>('save');
    expect(button.type).toBe('submit');
    expect(button.textContent).toBe('Save settings');
    expect(screen.getByRole('status').textContent).toBe('');
    rerender(<SaveRow label="Save settings" busy saved={false} testId="save" />);
    expect(screen.getByTestId('save').textContent).toBe('Saving…');
    expect(screen.getByTestId<HTMLButtonElement>('save').disabled).toBe(true);
    rerender(<SaveRow label="Save settings" busy={false} saved testId="save" />);
    expect(screen.getByTestId('save').textContent).toBe('Save settings');
    expect(screen.getByRole('status').textContent).toBe('✓ Saved');
  });
});
