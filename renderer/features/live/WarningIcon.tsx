import type { CoachEventKind } from '../../bridge/contract';

/** A distinct shape per warning kind, beside the text. */
export function WarningIcon({ kind }: { kind: CoachEventKind }) {
  return (
    <svg className="warning__icon" viewBox="0 0 48 48" aria-hidden="true">
      <path className="warning__icon-bg" d="M24 3L46 43H2z" />
      {kind === 'too-fast' && <path className="warning__icon-fg" d="M13 36l7-8-7-8M24 36l7-8-7-8" />}
      {(kind === 'dwell-nudge' || kind === 'dwell-limit') && (
        <>
          <circle className="warning__icon-fg" cx="24" cy="30" r="9" />
          <path className="warning__icon-fg" d="M24 25v5l4 3" />
        </>
      )}
      {kind === 'lumbar' && <path className="warning__icon-fg" d="M24 38V20M17 27l7-7 7 7" />}
      {kind === 'neck' && <path className="warning__icon-fg" d="M24 18v18M17 29l7 7 7-7" />}
      {kind === 'time-budget' && <path className="warning__icon-solid" d="M16 17h16l-8 12zM24 29l8 12H16z" />}
    </svg>
  );
}
