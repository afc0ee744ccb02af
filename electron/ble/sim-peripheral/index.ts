/**
 * Simulated BLE peripherals under the real noble object model. See README.md.
 *
 * ```ts
 * const scheduler = new ManualScheduler();            // or realScheduler for the demo
 * const { noble, bindings, peripherals } = createSimulatedNoble({
 *   scheduler,
 *   peripherals: [{ kind: 'roller', scenario: 'too-fast' }, { kind: 'witmotion' }],
 * });
 * noble.on('discover', (p) => …);                     // the real Noble, Peripheral, Characteristic
 * ```
 */
import type { SimulatedPeripheral } from './peripheral-link';
import { realScheduler, type Scheduler } from './scheduler';
import { SimulatedBindings, type SimulatedBindingsOptions } from './simulated-bindings';
import { SimulatedRollerPeripheral, type RollerPeripheralOptions } from './simulated-roller-peripheral';
import { SimulatedWitmotionPeripheral, type WitmotionPeripheralOptions } from './simulated-witmotion-peripheral';
import { SimulatedFirmwareRollerPeripheral, type FirmwareRollerOptions } from './simulated-firmware-roller-peripheral';
import { nobleWithBindings, type NobleInstance } from './noble-with-bindings';

export { ManualScheduler, realScheduler, type Scheduler } from './scheduler';
export { SimulatedBindings, type AdapterPowerState, type AttErrorEvent, type SimulatedBindingsOptions } from './simulated-bindings';
export { SimulatedRollerPeripheral, RollerPeripheralSettingsSchema, type RollerPeripheralOptions } from './simulated-roller-peripheral';
export { SimulatedWitmotionPeripheral, WitmotionPeripheralSettingsSchema, type WitmotionPeripheralOptions } from './simulated-witmotion-peripheral';
export { SimulatedFirmwareRollerPeripheral, FirmwareRollerSettingsSchema, type FirmwareRollerOptions, type FirmwareRollerCounters } from './simulated-firmware-roller-peripheral';
export { buildFirmwareLoop, C_COMPILER_INSTALL_HINT, type FirmwareBuild } from './firmware-build';
export { FaultSchema, FaultPlanSchema, type Fault, type FaultPlan, type FaultPlanEntry } from './fault-plan';
export { DISCONNECT_REASONS, type DisconnectCause, type SimulatedPeripheral, type PeripheralLink, type SimAdvertisement } from './peripheral-link';
export { ATT_ERROR, type AttErrorCode } from './att-error';
export { nobleWithBindings, type NobleInstance } from './noble-with-bindings';

/** A peripheral to create with the shared scheduler. */
export type PeripheralSpec =
  | ({ kind: 'roller' } & Omit<RollerPeripheralOptions, 'scheduler'>)
  | ({ kind: 'witmotion' } & Omit<WitmotionPeripheralOptions, 'scheduler'>)
  /** The firmware core in the C host loop (build it first: `buildFirmwareLoop()` gives `executable`). */
  | ({ kind: 'firmware-roller' } & Omit<FirmwareRollerOptions, 'scheduler'>);

export type CreateSimulatedNobleOptions = Omit<SimulatedBindingsOptions, 'scheduler'> & {
  /** Default: {@link realScheduler} (paced in real time). */
  scheduler?: Scheduler;
  /** Ready-made peripherals (built with the same scheduler) or specs to build. Default: one roller. */
  peripherals?: readonly (SimulatedPeripheral | PeripheralSpec)[];
};

export interface SimulatedNoble {
  /** A real Noble instance on simulated bindings. */
  noble: NobleInstance;
  bindings: SimulatedBindings;
  peripherals: SimulatedPeripheral[];
  scheduler: Scheduler;
  /** Stops every timer of the bindings and the peripherals. */
  dispose(): void;
}

export function createSimulatedNoble(options: CreateSimulatedNobleOptions = {}): SimulatedNoble {
  const { scheduler = realScheduler, peripherals: specs = [{ kind: 'roller' }], ...bindingsOptions } = options;
  const bindings = new SimulatedBindings({ ...bindingsOptions, scheduler });
  const peripherals = createSimulatedPeripherals(specs, scheduler);
  peripherals.forEach((p) => bindings.addPeripheral(p));
  const noble = nobleWithBindings(bindings);
  return {
    noble,
    bindings,
    peripherals,
    scheduler,
    dispose() {
      bindings.dispose();
      for (const p of peripherals) if (hasDispose(p)) p.dispose();
    },
  };
}

/** The peripherals alone, for another host of the same model (the fake BlueZ). */
export function createSimulatedPeripherals(specs: readonly (SimulatedPeripheral | PeripheralSpec)[], scheduler: Scheduler): SimulatedPeripheral[] {
  return specs.map((spec) => buildPeripheral(spec, scheduler));
}

function buildPeripheral(spec: SimulatedPeripheral | PeripheralSpec, scheduler: Scheduler): SimulatedPeripheral {
  if (!('kind' in spec)) return spec;
  switch (spec.kind) {
    case 'roller': {
      const { kind: _, ...options } = spec;
      return new SimulatedRollerPeripheral({ ...options, scheduler });
    }
    case 'witmotion': {
      const { kind: _, ...options } = spec;
      return new SimulatedWitmotionPeripheral({ ...options, scheduler });
    }
    case 'firmware-roller': {
      const { kind: _, ...options } = spec;
      return new SimulatedFirmwareRollerPeripheral({ ...options, scheduler });
    }
  }
}

function hasDispose(p: SimulatedPeripheral): p is SimulatedPeripheral & { dispose(): void } {
  return typeof (p as { dispose?: unknown }).dispose === 'function';
}
