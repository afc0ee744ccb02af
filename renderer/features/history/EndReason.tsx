/** How a session ended, in words; a stop for pain stands out (colour and a warning sign). */
import { endReasonView } from './history-format';

export function EndReason({ reason, testId }: { reason: string | null; testId: string }) {
  const end = endReasonView(reason);
  return (
    <dd className={end.pain ? 'pain-text' : undefined} data-testid={testId}>
      {end.pain && <span aria-hidden="true">⚠ </span>}
      {end.text}
    </dd>
  );
}
