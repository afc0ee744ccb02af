/**
 * A slow task's progress: a bar with the share done, or a moving bar while the amount of work is
 * unknown, and what is happening in words (announced politely).
 */
export function ProgressLine({ fraction, message, testId }: { fraction: number | null; message: string; testId?: string }) {
  const pct = fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="progress-line" data-testid={testId}>
      <div
        className={`progress-line__bar ${pct === null ? 'progress-line__bar--unknown' : ''}`}
        role="progressbar"
        aria-label={message}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(pct === null ? {} : { 'aria-valuenow': pct })}
      >
        <div className="progress-line__fill" style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
      <p className="progress-line__text" role="status" aria-live="polite">
        {message}
        {pct !== null && ` ${pct} %`}
      </p>
    </div>
  );
}
