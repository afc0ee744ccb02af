/**
 * The Roller sensor's GATT table as a simulated peripheral serves it (sensor-protocol/README.md):
 * GAP, the Roller service (IMU stream, config, control point, status), Battery and Device
 * Information. One layout for every simulated Roller (the TypeScript model and the one driven by
 * the firmware core); each supplies how its characteristics read and write.
 */
import {
  BATTERY_LEVEL_CHAR_UUID,
  BATTERY_SERVICE_UUID,
  CONTROL_POINT_CHAR_UUID,
  DEVICE_INFO_SERVICE_UUID,
  FIRMWARE_REVISION_CHAR_UUID,
  HARDWARE_REVISION_CHAR_UUID,
  IMU_STREAM_CHAR_UUID,
  MANUFACTURER_NAME_CHAR_UUID,
  MODEL_NUMBER_CHAR_UUID,
  ROLLER_SERVICE_UUID,
  SENSOR_CONFIG_CHAR_UUID,
  SERIAL_NUMBER_CHAR_UUID,
  STATUS_CHAR_UUID,
  toNobleUuid,
} from '../../../sensor-protocol/gatt/gatt-profile';
import type { AttResult } from './att-error';
import { standardGapGattServices, stringCharacteristic, type ServiceSpec } from './gatt-server';

/** GAP appearance: generic sensor. */
const APPEARANCE_GENERIC_SENSOR = 0x0540;

/** noble spellings of the profile UUIDs. */
export const ROLLER_GATT_UUIDS = Object.freeze({
  service: toNobleUuid(ROLLER_SERVICE_UUID),
  imu: toNobleUuid(IMU_STREAM_CHAR_UUID),
  config: toNobleUuid(SENSOR_CONFIG_CHAR_UUID),
  control: toNobleUuid(CONTROL_POINT_CHAR_UUID),
  status: toNobleUuid(STATUS_CHAR_UUID),
  battery: BATTERY_SERVICE_UUID,
  batteryLevel: BATTERY_LEVEL_CHAR_UUID,
});

export interface RollerGattHandlers {
  localName(): string;
  readConfig(): AttResult<Uint8Array>;
  writeConfig(data: Uint8Array): AttResult;
  writeControl(data: Uint8Array): AttResult;
  readStatus(): AttResult<Uint8Array>;
  readBattery(): AttResult<Uint8Array>;
  deviceInfo: { manufacturerName(): string; modelNumber(): string; serialNumber(): string; firmwareRevision(): string; hardwareRevision(): string };
}

export function rollerGattServices(h: RollerGattHandlers): ServiceSpec[] {
  const U = ROLLER_GATT_UUIDS;
  const info = h.deviceInfo;
  return [
    ...standardGapGattServices(() => h.localName(), APPEARANCE_GENERIC_SENSOR),
    {
      uuid: U.service,
      characteristics: [
        { uuid: U.imu, properties: ['notify'] },
        { uuid: U.config, properties: ['read', 'write'], read: () => h.readConfig(), write: (data: Uint8Array) => h.writeConfig(data) },
        { uuid: U.control, properties: ['write'], write: (data: Uint8Array) => h.writeControl(data) },
        { uuid: U.status, properties: ['read', 'notify'], read: () => h.readStatus() },
      ],
    },
    { uuid: U.battery, characteristics: [{ uuid: U.batteryLevel, properties: ['read', 'notify'], read: () => h.readBattery() }] },
    {
      uuid: DEVICE_INFO_SERVICE_UUID,
      characteristics: [
        stringCharacteristic(MANUFACTURER_NAME_CHAR_UUID, () => info.manufacturerName()),
        stringCharacteristic(MODEL_NUMBER_CHAR_UUID, () => info.modelNumber()),
        stringCharacteristic(SERIAL_NUMBER_CHAR_UUID, () => info.serialNumber()),
        stringCharacteristic(FIRMWARE_REVISION_CHAR_UUID, () => info.firmwareRevision()),
        stringCharacteristic(HARDWARE_REVISION_CHAR_UUID, () => info.hardwareRevision()),
      ],
    },
  ];
}
