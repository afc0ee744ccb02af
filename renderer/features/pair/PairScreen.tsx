/**
 * Pairing: the connection with identify / disconnect / forget, Bluetooth's condition (with the
 * fix when it is not usable), what the sources said (a failed scan, unreadable frames), Scan / Stop
 * scan, the live list of sensors, the simulated roller, and a recording played live.
 */
import { useNavigation } from '../../app/navigation';
import { useServices } from '../../app/services-context';
import { useSnapshot } from '../../app/use-app-state';
import { ErrorLine } from '../../common/ErrorLine';
import { useAction } from '../../common/use-action';
import { AdapterNotice } from './AdapterNotice';
import { CurrentSensorPanel } from './CurrentSensorPanel';
import { DeviceRow } from './DeviceRow';
import { SimulatedRollerCard } from './SimulatedRollerCard';
import { ReplayCard } from './ReplayCard';
import { SourceNotes } from './SourceNotes';
import { canScan } from './adapter-text';
import { orderDevices } from './device-order';
import './pair.css';

export function PairScreen() {
  const { bridge } = useServices();
  const { go } = useNavigation();
  const { adapter, devices, connection, simulatedScenarios, source } = useSnapshot();
  const act = useAction(async (fn: () => Promise<unknown>) => fn());
  const scanning = connection.name === 'scanning';
  const scanAllowed = canScan(adapter);
  const ordered = orderDevices(devices);

  return (
    <div className="pair">
      <h1>Pair your sensor</h1>
      <CurrentSensorPanel
        connection={connection}
        devices={devices}
        busy={act.busy}
        onIdentify={() => void act.run(() => bridge.request('sensors.identify', {}))}
        onDisconnect={() => void act.run(() => bridge.request('sensors.disconnect', {}))}
        onForget={() => void act.run(() => bridge.request('sensors.forget', {}))}
        onCheck={() => go('sensor')}
      />
      <ErrorLine error={act.error} testId="pair-error" />
      <div className="pair__grid">
        <section className="card pair__ble" aria-labelledby="ble-heading">
          <div className="pair__ble-head">
            <h2 id="ble-heading">Bluetooth sensors</h2>
            {scanning ? (
              <button type="button" className="btn btn--secondary" onClick={() => void act.run(() => bridge.request('sensors.scan', { on: false }))} disabled={act.busy} data-testid="stop-scan-button">
                <span className="spinner" aria-hidden="true" /> Stop scan
              </button>
            ) : (
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => void act.run(() => bridge.request('sensors.scan', { on: true }))}
                disabled={act.busy || !scanAllowed}
                data-testid="scan-button"
              >
                Scan
              </button>
            )}
          </div>
          <AdapterNotice adapter={adapter} />
          <SourceNotes source={source} />
          <ul className="devices" aria-label="Sensors found" aria-live="polite" data-testid="device-list">
            {ordered.map((d) => (
              <DeviceRow key={d.id} device={d} connection={connection} busy={act.busy} onConnect={(id) => void act.run(() => bridge.request('sensors.connect', { id }))} />
            ))}
          </ul>
          {ordered.length === 0 && (
            <p className="devices__empty" data-testid="device-list-empty">
              {scanning ? 'No sensors found yet. Switch the sensor on and keep it close.' : 'No sensors in the list. Press Scan to look for one.'}
            </p>
          )}
        </section>
        <SimulatedRollerCard
          connection={connection}
          busy={act.busy}
          prominent={!scanAllowed}
          scenarios={simulatedScenarios}
          onUse={(scenario) => void act.run(() => bridge.request('sensors.useSimulated', { scenario }))}
        />
        <ReplayCard
          connection={connection}
          busy={act.busy}
          onPlay={(fileName, text) => void act.run(() => bridge.request('sensors.useReplay', { fileName, text }))}
          onRefused={(message) => void act.run(() => Promise.reject(new Error(message)))}
        />
      </div>
    </div>
  );
}
