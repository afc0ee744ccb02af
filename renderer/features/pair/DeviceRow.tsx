/** One sensor found by the scan: name, kind, signal, battery, remembered mark, Connect. */
import type { Connection, Device } from '../../bridge/contract';
import { SignalBars } from './SignalBars';
import { DEVICE_KIND_LABEL, batteryText } from './device-order';

interface Props {
  device: Device;
  connection: Connection;
  busy: boolean;
  onConnect(id: string): void;
}

export function DeviceRow({ device, connection, busy, onConnect }: Props) {
  const isCurrent = connection.deviceId === device.id && connection.source === 'ble';
  const state = isCurrent ? connection.name : null;
  return (
    <li className={`device ${device.remembered ? 'device--remembered' : ''}`} data-testid="device-row" data-device-id={device.id}>
      <div className="device__who">
        <p className="device__name">
          {device.name}
          {device.remembered && (
            <span className="tag tag--remembered" data-testid="remembered-tag">
              <span aria-hidden="true">★ </span>your sensor
            </span>
          )}
        </p>
        <p className="device__kind">{DEVICE_KIND_LABEL[device.kind]}</p>
      </div>
      <SignalBars rssiDbm={device.rssiDbm} />
      <p className="device__battery">{batteryText(device.batteryPercent)}</p>
      {state === 'streaming' ? (
        <p className="device__state">Connected</p>
      ) : (
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => onConnect(device.id)}
          disabled={busy || state === 'connecting'}
          data-testid="connect-button"
          aria-label={`Connect to ${device.name}`}
        >
          {state === 'connecting' ? 'Connecting…' : 'Connect'}
        </button>
      )}
    </li>
  );
}
