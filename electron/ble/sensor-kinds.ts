/**
 * Which sensors the app can use, told apart by their advertisement: our own Roller sensor
 * (its 128-bit service UUID or the local name "Roller") and the WitMotion BWT901BLECL /
 * WT901BLE family (its service UUID or advertised name).
 */
import { ROLLER_LOCAL_NAME, ROLLER_SERVICE_UUID, toNobleUuid } from '../../sensor-protocol/gatt/gatt-profile';
import { WITMOTION_SERVICE_UUID, isWitmotionAdvertisedName } from '../../sensor-protocol/witmotion/witmotion-gatt';

export const SENSOR_KINDS = ['roller', 'witmotion'] as const;
export type SensorKind = (typeof SENSOR_KINDS)[number];

export const ROLLER_SERVICE_NOBLE = toNobleUuid(ROLLER_SERVICE_UUID);
export const WITMOTION_SERVICE_NOBLE = toNobleUuid(WITMOTION_SERVICE_UUID);

/** Service UUIDs (noble spelling) to filter a scan with. */
export const SCAN_SERVICE_UUIDS: readonly string[] = [ROLLER_SERVICE_NOBLE, WITMOTION_SERVICE_NOBLE];

export function sensorKindOf(advertisement: { localName?: string | undefined; serviceUuids?: readonly string[] | undefined }): SensorKind | null {
  const uuids = (advertisement.serviceUuids ?? []).map((u) => u.replace(/-/g, '').toLowerCase());
  if (uuids.includes(ROLLER_SERVICE_NOBLE)) return 'roller';
  if (uuids.includes(WITMOTION_SERVICE_NOBLE)) return 'witmotion';
  const name = advertisement.localName ?? '';
  if (name === ROLLER_LOCAL_NAME || name.startsWith(`${ROLLER_LOCAL_NAME} `)) return 'roller';
  if (isWitmotionAdvertisedName(name)) return 'witmotion';
  return null;
}
