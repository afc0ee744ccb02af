/**
 * GATT profile of the WitMotion BLE 5.0 IMUs (WT901BLECL, BWT901BLECL and relatives).
 *
 * | role                     | UUID                                   | properties                     |
 * |--------------------------|----------------------------------------|--------------------------------|
 * | service                  | 0000ffe5-0000-1000-8000-00805f9a34fb   | primary                        |
 * | data (records out)       | 0000ffe4-0000-1000-8000-00805f9a34fb   | notify                         |
 * | command (5-byte in)      | 0000ffe9-0000-1000-8000-00805f9a34fb   | write, write-without-response  |
 *
 * Careful: the suffix is `…00805f9a34fb` (9**a**), not the Bluetooth base UUID `…00805f9b34fb`
 * (9**b**). These are therefore full 128-bit vendor UUIDs: they must not be shortened to `ffe5`,
 * and noble reports them as 32 hex digits without dashes ({@link WITMOTION_NOBLE_UUIDS}).
 *
 * Spec: WT901BLECL datasheet, "Bluetooth 5.0 communication protocol"
 * (https://wit-motion.gitbook.io/witmotion-sdk/ble-5.0-protocol/bluetooth-5.0-communication-protocol).
 */

export const WITMOTION_SERVICE_UUID = '0000ffe5-0000-1000-8000-00805f9a34fb';
/** Notifications carrying 20-byte records (witmotion-record.ts). */
export const WITMOTION_NOTIFY_CHAR_UUID = '0000ffe4-0000-1000-8000-00805f9a34fb';
/** Commands (witmotion-commands.ts) are written here. */
export const WITMOTION_WRITE_CHAR_UUID = '0000ffe9-0000-1000-8000-00805f9a34fb';

/** The same UUIDs as noble reports them: lower case, no dashes. */
export const WITMOTION_NOBLE_UUIDS = Object.freeze({
  service: WITMOTION_SERVICE_UUID.replaceAll('-', ''),
  notifyChar: WITMOTION_NOTIFY_CHAR_UUID.replaceAll('-', ''),
  writeChar: WITMOTION_WRITE_CHAR_UUID.replaceAll('-', ''),
});

/**
 * Advertised local-name prefixes seen on these units (e.g. "WT901BLE68" on a WT901BLECL).
 * A scan hint only: the names are user-changeable and WitMotion's own SDK merely looks for "WT"
 * in the name. The service UUID above is what identifies a unit once connected.
 */
export const WITMOTION_NAME_PREFIXES = Object.freeze(['WT901BLE', 'BWT901BLE', 'WT9011DCL'] as const);

/** True when an advertised local name starts with one of {@link WITMOTION_NAME_PREFIXES} (case-insensitive). */
export function isWitmotionAdvertisedName(name: string | undefined | null): boolean {
  if (typeof name !== 'string') return false;
  const upper = name.trim().toUpperCase();
  return WITMOTION_NAME_PREFIXES.some((prefix) => upper.startsWith(prefix));
}
