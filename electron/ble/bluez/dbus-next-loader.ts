/**
 * `dbus-next` (CommonJS) and the BlueZ D-Bus bindings of `@stoprocent/noble`, loaded with
 * `createRequire` when the D-Bus path is first used: nothing on macOS or Windows, and nothing
 * when `ROLLER_BLE_BINDINGS=hci`, ever loads them.
 */
import { createRequire } from 'node:module';
import type { EventEmitter } from 'node:events';
import type * as DbusNext from 'dbus-next';

const require = createRequire(import.meta.url);

export type DbusNextModule = typeof DbusNext;

export function loadDbusNext(): DbusNextModule {
  return require('dbus-next') as DbusNextModule;
}

/** The bindings object `@stoprocent/noble` 2.x builds on BlueZ (constructor options: `adapterId`). */
export interface StoprocentDbusBindings extends EventEmitter {
  start(): void;
  stop(): void;
  setScanParameters(interval: number, window: number): void;
  startScanning(serviceUuids: string[] | undefined, allowDuplicates: boolean): void;
  stopScanning(): void;
  connect(peripheralUuid: string, parameters?: unknown): void;
  cancelConnect(peripheralUuid: string, parameters?: unknown): void;
  disconnect(peripheralUuid: string): void;
  updateRssi(peripheralUuid: string): void;
  discoverServices(peripheralUuid: string, uuids: string[]): void;
  discoverIncludedServices(peripheralUuid: string, serviceUuid: string, serviceUuids: string[]): void;
  discoverCharacteristics(peripheralUuid: string, serviceUuid: string, characteristicUuids: string[]): void;
  read(peripheralUuid: string, serviceUuid: string, characteristicUuid: string): void;
  write(peripheralUuid: string, serviceUuid: string, characteristicUuid: string, data: Buffer, withoutResponse: boolean): void;
  broadcast(peripheralUuid: string, serviceUuid: string, characteristicUuid: string, broadcast: boolean): void;
  notify(peripheralUuid: string, serviceUuid: string, characteristicUuid: string, notify: boolean): void;
  discoverDescriptors(peripheralUuid: string, serviceUuid: string, characteristicUuid: string): void;
  readValue(peripheralUuid: string, serviceUuid: string, characteristicUuid: string, descriptorUuid: string): void;
  writeValue(peripheralUuid: string, serviceUuid: string, characteristicUuid: string, descriptorUuid: string, data: Buffer): void;
  readHandle(peripheralUuid: string, handle: number): void;
  writeHandle(peripheralUuid: string, handle: number, data: Buffer, withoutResponse: boolean): void;
}

type BindingsConstructor = new (options?: { adapterId?: string }) => StoprocentDbusBindings;

export function loadStoprocentDbusBindings(): BindingsConstructor {
  return require('@stoprocent/noble/lib/dbus/bindings') as BindingsConstructor;
}
