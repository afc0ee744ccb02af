/**
 * GATT profile of the Roller Companion sensor, protocol v1.
 *
 * One primary 128-bit service carries the IMU stream and its control; the standard
 * Battery Service and Device Information Service sit beside it. The sensor advertises
 * the primary service UUID and the short local name {@link ROLLER_LOCAL_NAME}.
 *
 * | characteristic       | UUID (suffix shared with the service)  | properties    | payload |
 * |----------------------|----------------------------------------|---------------|---------|
 * | IMU stream           | 52430002-…                             | notify        | IMU frame (frame/frame-layout.ts) |
 * | sensor configuration | 52430003-…                             | read, write   | 7 bytes (gatt/sensor-config.ts) |
 * | control point        | 52430004-…                             | write w/ resp | 1–2 bytes (gatt/control-point.ts) |
 * | status               | 52430005-…                             | read, notify  | 9 bytes (gatt/sensor-status.ts) |
 *
 * UUIDs are lower case with dashes here; noble reports them lower case without dashes,
 * see {@link toNobleUuid}.
 */

const BASE_SUFFIX = '-8f5e-4b2a-9c3d-1e7f0a6b5c4d';

export const ROLLER_SERVICE_UUID = `52430001${BASE_SUFFIX}`;
export const IMU_STREAM_CHAR_UUID = `52430002${BASE_SUFFIX}`;
export const SENSOR_CONFIG_CHAR_UUID = `52430003${BASE_SUFFIX}`;
export const CONTROL_POINT_CHAR_UUID = `52430004${BASE_SUFFIX}`;
export const STATUS_CHAR_UUID = `52430005${BASE_SUFFIX}`;

/** Standard Battery Service and its Battery Level characteristic (uint8, percent). */
export const BATTERY_SERVICE_UUID = '180f';
export const BATTERY_LEVEL_CHAR_UUID = '2a19';

/** Standard Device Information Service and the characteristics the sensor exposes (UTF-8 strings). */
export const DEVICE_INFO_SERVICE_UUID = '180a';
export const MANUFACTURER_NAME_CHAR_UUID = '2a29';
export const MODEL_NUMBER_CHAR_UUID = '2a24';
export const SERIAL_NUMBER_CHAR_UUID = '2a25';
export const FIRMWARE_REVISION_CHAR_UUID = '2a26';
export const HARDWARE_REVISION_CHAR_UUID = '2a27';

/** Short local name in the advertising data (fits beside the 128-bit UUID in 31 bytes). */
export const ROLLER_LOCAL_NAME = 'Roller';

/** Default ATT payload when no larger MTU is negotiated: MTU 23 minus the 3-byte ATT header. */
export const DEFAULT_ATT_PAYLOAD_BYTES = 20;

/** Largest notification payload: ATT MTU 517 minus 3 (Bluetooth Core 5.x, Vol 3 Part F). */
export const MAX_ATT_PAYLOAD_BYTES = 514;

/** noble's spelling of a UUID: lower case hex, no dashes. */
export function toNobleUuid(uuid: string): string {
  return uuid.replace(/-/g, '').toLowerCase();
}
