/** A large notice while the sensor link is down (reconnecting or lost), for the live view. */
import { useSnapshot } from '../../app/use-app-state';
import { ConnectionIcon } from './ConnectionIcon';
import { connectionText, isConnectionTrouble } from './connection-text';

export function ConnectionAlert() {
  const { connection } = useSnapshot();
  if (!isConnectionTrouble(connection)) return null;
  const t = connectionText(connection);
  return (
    <div className={`conn-alert conn-alert--${t.tone}`} role="alert" data-testid="connection-alert" data-state={connection.name}>
      <ConnectionIcon tone={t.tone} />
      <div>
        <p className="conn-alert__label">{t.label}</p>
        <p className="conn-alert__detail">{t.detail}</p>
      </div>
    </div>
  );
}
