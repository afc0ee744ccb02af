/** The sensor connection state, always visible in the header (announced when it changes). */
import { useSnapshot } from '../../app/use-app-state';
import { ConnectionIcon } from './ConnectionIcon';
import { connectionText } from './connection-text';

export function ConnectionBadge() {
  const { connection } = useSnapshot();
  const t = connectionText(connection);
  return (
    <p className={`conn-badge conn-badge--${t.tone}`} data-testid="connection-state" data-state={connection.name} role="status" aria-live="polite" title={t.detail}>
      <ConnectionIcon tone={t.tone} />
      <span className="conn-badge__label">{t.label}</span>
      {connection.batteryPercent !== null && connection.name === 'streaming' && <span className="conn-badge__battery">battery {Math.round(connection.batteryPercent)} %</span>}
    </p>
  );
}
