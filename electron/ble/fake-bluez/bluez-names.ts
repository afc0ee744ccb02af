/** BlueZ's spellings: 128-bit UUID strings, device object paths, characteristic flags. */
import type { CharacteristicProperty } from '../sim-peripheral/gatt-server';

const BASE_SUFFIX = '-0000-1000-8000-00805f9b34fb';

/** noble's spelling (`2a19`, 32 hex digits) or any other → BlueZ's (`00002a19-0000-1000-8000-00805f9b34fb`). */
export function bluezUuid(uuid: string): string {
  const hex = uuid.replace(/-/g, '').toLowerCase();
  if (hex.length === 4) return `0000${hex}${BASE_SUFFIX}`;
  if (hex.length === 8) return `${hex}${BASE_SUFFIX}`;
  if (hex.length === 32) return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return uuid.toLowerCase();
}

/** `/org/bluez/hci0` + `c4:52:43:00:00:01` → `/org/bluez/hci0/dev_C4_52_43_00_00_01`. */
export function devicePath(adapterPath: string, address: string): string {
  return `${adapterPath}/dev_${address.toUpperCase().replace(/:/g, '_')}`;
}

/** GattCharacteristic1.Flags for noble's property names. */
export const BLUEZ_FLAGS: Readonly<Record<CharacteristicProperty, string>> = {
  broadcast: 'broadcast',
  read: 'read',
  writeWithoutResponse: 'write-without-response',
  write: 'write',
  notify: 'notify',
  indicate: 'indicate',
};
