/** A form's save button with "Saving…" while busy and "✓ Saved" once done (announced). */
export function SaveRow({ label, busy, saved, testId }: { label: string; busy: boolean; saved: boolean; testId: string }) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn--primary" disabled={busy} data-testid={testId}>
        {busy ? 'Saving…' : label}
      </button>
      <p className="saved-note" role="status" aria-live="polite">
        {saved ? '✓ Saved' : ''}
      </p>
    </div>
  );
}
