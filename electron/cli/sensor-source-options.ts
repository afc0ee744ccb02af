/** The Bluetooth source the CLI commands use: the system's, or the simulated roller (`--simulated`). */
import { BleSensorSource } from '../ble/ble-sensor-source';
import { loadSystemNoble } from '../ble/noble-loader';
import { realScheduler, type Scheduler } from '../ble/scheduler';
import { createSimulatedNoble } from '../ble/sim-peripheral';
import { DEFAULT_SIMULATED_SCENARIO } from '../sim/default-scenario';

export function cliSensorSource(simulated: boolean, scenario = DEFAULT_SIMULATED_SCENARIO, scheduler: Scheduler = realScheduler): { source: BleSensorSource; dispose: () => void } {
  if (!simulated) return { source: new BleSensorSource({ loadNoble: () => loadSystemNoble(), scheduler }), dispose: () => undefined };
  const sim = createSimulatedNoble({ scheduler, peripherals: [{ kind: 'roller', scenario }] });
  return { source: new BleSensorSource({ loadNoble: () => ({ ok: true, noble: sim.noble }), scheduler }), dispose: () => sim.dispose() };
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

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
