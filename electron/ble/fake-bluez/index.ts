/**
 * A private dbus-daemon with the fake BlueZ on it, serving simulated sensors: what
 * `npm run fake-bluez`, the D-Bus integration tests and the bench start. See README.md.
 */
import { createSimulatedPeripherals, type PeripheralSpec } from '../sim-peripheral';
import type { SimulatedPeripheral } from '../sim-peripheral/peripheral-link';
import type { Scheduler } from '../scheduler';
import { FakeBluez, type FakeBluezOptions } from './fake-bluez';
import { startPrivateBus, type BusPolicy } from './private-bus';
import { scaledScheduler } from './scaled-scheduler';

export { FakeBluez, type FakeBluezOptions } from './fake-bluez';
export { startPrivateBus, busConfig, DBUS_DAEMON_MISSING, type BusPolicy, type PrivateBus } from './private-bus';
export { scaledScheduler } from './scaled-scheduler';

export interface FakeBluezSessionOptions extends Partial<Omit<FakeBluezOptions, 'busAddress' | 'scheduler' | 'peripherals'>> {
  /** Sensors to serve. Default: one simulated roller. */
  peripherals?: readonly PeripheralSpec[];
  /** The simulated clock runs this many times faster than real time. Default 1. */
  speed?: number;
  policy?: BusPolicy;
  /** false: the bus runs without anyone owning org.bluez (BlueZ not running). */
  bluez?: boolean;
}

export interface FakeBluezSession {
  /** For `DBUS_SYSTEM_BUS_ADDRESS`. */
  address: string;
  fake: FakeBluez | null;
  peripherals: SimulatedPeripheral[];
  scheduler: Scheduler;
  stop(): Promise<void>;
}

export async function startFakeBluezSession(options: FakeBluezSessionOptions = {}): Promise<FakeBluezSession> {
  const { peripherals: specs = [{ kind: 'roller' }], speed = 1, policy = 'allow', bluez = true, ...fakeOptions } = options;
  const scheduler = scaledScheduler(speed);
  const bus = await startPrivateBus(policy);
  const peripherals = createSimulatedPeripherals(specs, scheduler);
  const fake = bluez ? new FakeBluez({ ...fakeOptions, busAddress: bus.address, scheduler, peripherals }) : null;
  try {
    await fake?.start();
  } catch (err) {
    await bus.stop();
    throw err;
  }
  return {
    address: bus.address,
    fake,
    peripherals,
    scheduler,
    async stop() {
      await fake?.stop();
      for (const p of peripherals) (p as { dispose?: () => void }).dispose?.();
      await bus.stop();
    },
  };
}
