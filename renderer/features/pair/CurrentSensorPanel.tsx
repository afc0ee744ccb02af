/** The sensor in use, in one strip: its state in full, and check / identify / disconnect / forget. */
import type { Connection, Device } from '../../bridge/contract';
import { ConnectionIcon } from '../connection/ConnectionIcon';
import { connectionText } from '../connection/connection-text';
import { batteryText } from './device-order';

interface Props {
  connection: Connection;
  devices: readonly Device[];
  busy: boolean;
  onIdentify(): void;
  onDisconnect(): void;
  onForget(): void;
  /** Opens the Sensor check screen. */
  onCheck(): void;
}

export function CurrentSensorPanel({ connection, devices, busy, onIdentify, onDisconnect, onForget, onCheck }: Props) {
  const t = connectionText(connection);
  const ble = connection.source === 'ble';
  const linked = connection.name !== 'idle' && connection.name !== 'scanning';
  const hasRemembered = devices.some((d) => d.remembered) || ble;
  return (
    <section className={`card current current--${t.tone}`} aria-label="Connection">
      <p className="current__state" data-testid="pair-connection-detail" data-state={connection.name}>
        <ConnectionIcon tone={t.tone} />
        <span>
          <strong>{t.label}</strong> — {t.detail}
          {linked && connection.batteryPercent !== null && <span className="current__battery"> ({batteryText(connection.batteryPercent)})</span>}
        </span>
      </p>
      <div className="current__actions">
        {linked && (
          <button type="button" className="btn btn--secondary" onClick={onCheck} data-testid="check-sensor-button">
            Check sensor
          </button>
        )}
        {ble && connection.name === 'streaming' && (
          <button type="button" className="btn btn--secondary" onClick={onIdentify} disabled={busy} data-testid="identify-button">
            Identify
          </button>
        )}
        {linked && (
          <button type="button" className="btn btn--secondary" onClick={onDisconnect} disabled={busy} data-testid="disconnect-button">
            Disconnect
          </button>
        )}
        {hasRemembered && (
          <button type="button" className="btn btn--danger" onClick={onForget} disabled={busy} data-testid="forget-button">
            Forget my sensor
          </button>
        )}
      </div>
    </section>
  );
}
