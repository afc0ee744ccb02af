/** A request's error, announced politely, or nothing. */
export function ErrorLine({ error, testId }: { error: string | null; testId?: string }) {
  return (
    <p className="error-line" role="status" aria-live="polite" data-testid={testId}>
      {error ? (
        <>
          <span className="error-line__icon" aria-hidden="true">
            ⚠
          </span>{' '}
          {error}
        </>
      ) : null}
    </p>
  );
}
