import type { ConnectionTone } from './connection-text';

/** A shape per tone (not only a colour): dot, ring, check, triangle, cross. */
export function ConnectionIcon({ tone }: { tone: ConnectionTone }) {
  return (
    <svg className={`conn-icon conn-icon--${tone}`} viewBox="0 0 24 24" aria-hidden="true">
      {tone === 'good' && <path d="M4 12.5l5 5 11-11" fill="none" strokeWidth="3.5" />}
      {tone === 'busy' && <circle cx="12" cy="12" r="8" fill="none" strokeWidth="3.5" strokeDasharray="30 20" />}
      {tone === 'idle' && <circle cx="12" cy="12" r="6" />}
      {tone === 'warn' && <path d="M12 2.5L22.5 21H1.5z" />}
      {tone === 'bad' && <path d="M5 5l14 14M19 5L5 19" fill="none" strokeWidth="4" />}
    </svg>
  );
}
