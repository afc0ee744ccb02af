/**
 * The app's services as tests build them: no system Bluetooth ("unavailable"), the simulated
 * roller on the test's scheduler, and whatever store and options the test gives.
 */
import { RollerApp, type RollerAppOptions } from '../../electron/app/roller-app';
import { createSimulatedNoble, type SimulatedRollerPeripheral } from '../../electron/ble/sim-peripheral';

export type TestRollerAppOptions = Pick<RollerAppOptions, 'scheduler' | 'store'> & Partial<RollerAppOptions>;

export function testRollerApp(o: TestRollerAppOptions): RollerApp {
  return new RollerApp({
    host: 'browser',
    loadSystemNoble: () => ({ ok: false, adapter: { state: 'unavailable', message: 'Bluetooth unavailable', fix: 'x' } }),
    makeSimulatedNoble: (scenario) => {
      const sim = createSimulatedNoble({ scheduler: o.scheduler, peripherals: [{ kind: 'roller', scenario }] });
      return { noble: sim.noble, dispose: () => sim.dispose(), person: sim.peripherals[0] as SimulatedRollerPeripheral };
    },
    ...o,
  });
}

/** For tests where choosing the simulated roller must fail at once (it would stream in real time). */
export function noSimulatedRoller(): never {
  throw new Error('no simulated roller in this test');
}
