/**
 * The Bluetooth source the CLI commands use: the system's (BlueZ over D-Bus on Linux, at
 * DBUS_SYSTEM_BUS_ADDRESS when set; `ROLLER_BLE_BINDINGS=hci` for the raw socket), or the
 * simulated roller (`--simulated`).
 */
import { BleSensorSource } from '../ble/ble-sensor-source';
import { bleBindingsChoice, loadDbusNoble, loadSystemNoble } from '../ble/noble-loader';
import { realScheduler, type Scheduler } from '../ble/scheduler';
import { buildFirmwareLoop, createSimulatedNoble } from '../ble/sim-peripheral';
import { CliError } from './cli-args';
import type { CliIo } from './cli-io';
import { logSourceEvents } from '../app/source-log';
import { silentLog } from '../app/support-log';
import { DEFAULT_SIMULATED_SCENARIO } from '../sim/default-scenario';

export function cliSensorSource(
  simulated: boolean,
  scenario = DEFAULT_SIMULATED_SCENARIO,
  scheduler: Scheduler = realScheduler,
  sampleRateHz?: number,
): { source: BleSensorSource; dispose: () => void } {
  if (!simulated && bleBindingsChoice() === 'dbus') {
    // One D-Bus connection per command, closed when it ends (an open bus would keep the process alive).
    const load = loadDbusNoble();
    return { source: new BleSensorSource({ loadNoble: () => load, scheduler, sampleRateHz }), dispose: () => load.ok && load.dispose?.() };
  }
  if (!simulated) return { source: new BleSensorSource({ loadNoble: () => loadSystemNoble(), scheduler, sampleRateHz }), dispose: () => undefined };
  const sim = createSimulatedNoble({ scheduler, peripherals: [{ kind: 'roller', scenario }] });
  return { source: new BleSensorSource({ loadNoble: () => ({ ok: true, noble: sim.noble }), scheduler, sampleRateHz }), dispose: () => sim.dispose() };
}

/**
 * The firmware core's host loop (firmware-notes/host-loop), compiled with the machine's C
 * compiler on first use: its executable, or a CliError saying what to install.
 */
export function firmwareLoopExecutable(): string {
  const built = buildFirmwareLoop();
  if (!built.ok) throw new CliError(`--firmware: ${built.message}`);
  return built.executable;
}

/** Resolves once the adapter has said what it is (or after `ms`). */
export function adapterSettled(source: BleSensorSource, ms = 5000): Promise<void> {
  return new Promise((done) => {
    if (source.adapter.state !== 'unknown') return done();
    const timer = setTimeout(finish, ms);
    const off = source.on('adapter', (a) => a.state !== 'unknown' && finish());
    function finish() {
      clearTimeout(timer);
      off();
      done();
    }
  });
}

/** The source's adapter, scans, connections, gaps and rejected frames in the command's support log; returns how to stop. */
export function logCliSource(source: BleSensorSource, io: CliIo, simulated: boolean, scheduler: Scheduler = realScheduler): () => void {
  return logSourceEvents(source, {
    log: io.log ?? silentLog,
    scheduler,
    label: simulated ? 'simulated' : 'bluetooth',
    bluetooth: { onAdapter: (fn) => source.on('adapter', fn), devicesFound: () => source.deviceList.length },
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
