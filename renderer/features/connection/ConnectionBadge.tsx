/**
 * The sensor connection state, always visible in the header (announced when it changes). While
 * the app itself cannot be reached, the last snapshot says nothing true: the state is unknown.
 */
import type { AppState } from '../../app/app-state';
import { useAppState, useSnapshot } from '../../app/use-app-state';
import { isAppLinkLost } from '../../bridge/bridge-status';
import { ConnectionIcon } from './ConnectionIcon';
import { UNKNOWN_CONNECTION, connectionText } from './connection-text';

const selectLinkLost = (s: AppState) => isAppLinkLost(s.bridge);

export function ConnectionBadge() {
  const { connection } = useSnapshot();
  const linkLost = useAppState(selectLinkLost);
  const t = linkLost ? UNKNOWN_CONNECTION : connectionText(connection);
  return (
    <p className={`conn-badge conn-badge--${t.tone}`} data-testid="connection-state" data-state={linkLost ? 'unknown' : connection.name} role="status" aria-live="polite" title={t.detail}>
      <ConnectionIcon tone={t.tone} />
      <span className="conn-badge__label">{t.label}</span>
      {!linkLost && connection.batteryPercent !== null && connection.name === 'streaming' && <span className="conn-badge__battery">battery {Math.round(connection.batteryPercent)} %</span>}
    </p>
  );
}
