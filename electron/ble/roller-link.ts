/**
 * A GATT session with our own Roller sensor (sensor-protocol/README.md): discover, read the
 * configuration, write the rate we want with as many samples per frame as the MTU allows,
 * read it back (the sensor may substitute what it supports), subscribe to IMU stream, status
 * and battery, then start streaming. Frames go through the shared FrameDecoder.
 */
import {
  BATTERY_LEVEL_CHAR_UUID,
  BATTERY_SERVICE_UUID,
  CONTROL_POINT_CHAR_UUID,
  DEFAULT_ATT_PAYLOAD_BYTES,
  DEVICE_INFO_SERVICE_UUID,
  FIRMWARE_REVISION_CHAR_UUID,
  IMU_STREAM_CHAR_UUID,
  ROLLER_SERVICE_UUID,
  SENSOR_CONFIG_CHAR_UUID,
  STATUS_CHAR_UUID,
  toNobleUuid,
} from '../../sensor-protocol/gatt/gatt-profile';
import { decodeSensorConfig, encodeSensorConfig, MAX_SAMPLE_RATE_HZ, MIN_SAMPLE_RATE_HZ, type SensorConfig } from '../../sensor-protocol/gatt/sensor-config';
import { decodeSensorStatus } from '../../sensor-protocol/gatt/sensor-status';
import { encodeControlCommand } from '../../sensor-protocol/gatt/control-point';
import { samplesPerFrameFor } from '../../sensor-protocol/frame/frame-layout';
import type { FrameDecoder } from '../../sensor-protocol/frame/frame-decoder';
import type { NobleCharacteristic, NoblePeripheral } from './noble-types';
import type { SensorLink, SensorLinkHandlers } from './sensor-link';

/** Aim for about this many frames per second (a few samples each): fewer radio packets, low latency. */
const TARGET_FRAMES_PER_S = 50;

export interface RollerLinkOptions {
  sampleRateHz: number;
}

export class LinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkError';
  }
}

export async function openRollerLink(peripheral: NoblePeripheral, decoder: FrameDecoder, options: RollerLinkOptions, on: SensorLinkHandlers): Promise<SensorLink> {
  const want = [IMU_STREAM_CHAR_UUID, SENSOR_CONFIG_CHAR_UUID, CONTROL_POINT_CHAR_UUID, STATUS_CHAR_UUID, BATTERY_LEVEL_CHAR_UUID, FIRMWARE_REVISION_CHAR_UUID].map(toNobleUuid);
  const { characteristics } = await peripheral.discoverSomeServicesAndCharacteristicsAsync([ROLLER_SERVICE_UUID, BATTERY_SERVICE_UUID, DEVICE_INFO_SERVICE_UUID].map(toNobleUuid), want);
  const byUuid = new Map(characteristics.map((c) => [c.uuid, c] as const));
  const need = (uuid: string, what: string): NobleCharacteristic => {
    const c = byUuid.get(toNobleUuid(uuid));
    if (!c) throw new LinkError(`the sensor has no ${what} characteristic: is its firmware a Roller Companion sensor (protocol v1)?`);
    return c;
  };
  const imu = need(IMU_STREAM_CHAR_UUID, 'IMU stream');
  const cfg = need(SENSOR_CONFIG_CHAR_UUID, 'sensor configuration');
  const ctrl = need(CONTROL_POINT_CHAR_UUID, 'control point');
  const status = byUuid.get(toNobleUuid(STATUS_CHAR_UUID));
  const battery = byUuid.get(toNobleUuid(BATTERY_LEVEL_CHAR_UUID));
  const firmware = byUuid.get(toNobleUuid(FIRMWARE_REVISION_CHAR_UUID));

  const current = decodeSensorConfig(await cfg.readAsync());
  if (!current.ok) throw new LinkError(`the sensor's configuration cannot be read: ${current.message}`);
  const payload = (peripheral.mtu ?? DEFAULT_ATT_PAYLOAD_BYTES + 3) - 3;
  const rate = Math.max(MIN_SAMPLE_RATE_HZ, Math.min(MAX_SAMPLE_RATE_HZ, Math.round(options.sampleRateHz)));
  const wanted: SensorConfig = {
    ...current.config,
    sampleRateHz: rate,
    samplesPerFrame: Math.max(1, Math.min(samplesPerFrameFor(payload), Math.round(rate / TARGET_FRAMES_PER_S))),
  };
  await cfg.writeAsync(Buffer.from(encodeSensorConfig(wanted)), false);
  const readBack = decodeSensorConfig(await cfg.readAsync());
  if (!readBack.ok) throw new LinkError(`the sensor's configuration cannot be read back: ${readBack.message}`);
  const config = readBack.config;
  decoder.setConfig(config);
  if (config.sampleRateHz !== rate) on.note(`The sensor runs at ${config.sampleRateHz} Hz (asked for ${rate} Hz).`);

  const onImu = (data: Buffer) => {
    on.raw(data);
    const r = decoder.push(data);
    if (!r.ok) {
      on.rejected(r.reason, r.message);
      return;
    }
    if (r.gap) on.gap(r.gap);
    on.samples(r.samples);
  };
  const onStatus = (data: Buffer) => {
    const s = decodeSensorStatus(data);
    if (s.ok) on.status(s.status);
    else on.rejected(s.reason, s.message);
  };
  const onBattery = (data: Buffer) => {
    if (data.length >= 1 && data[0]! <= 100) on.battery(data[0]!);
  };
  imu.on('data', onImu);
  await imu.subscribeAsync();
  if (status) {
    status.on('data', onStatus);
    await status.subscribeAsync();
    onStatus(await status.readAsync());
  }
  if (battery) {
    battery.on('data', onBattery);
    onBattery(await battery.readAsync());
    if (battery.properties.includes('notify')) await battery.subscribeAsync();
  }
  const fw = firmware ? (await firmware.readAsync()).toString('utf8') : '';
  await ctrl.writeAsync(Buffer.from(encodeControlCommand({ command: 'start-streaming' })), false);

  return {
    description: `Roller sensor${fw ? ` (firmware ${fw})` : ''}: ${config.sampleRateHz} Hz`,
    sampleRateHz: config.sampleRateHz,
    info: {
      firmwareVersion: fw || null,
      requestedRateHz: rate,
      samplesPerFrame: config.samplesPerFrame,
      mtu: payload + 3,
      accelRangeG: config.accelRangeG,
      gyroRangeDps: config.gyroRangeDps,
      clock: 'sensor',
    },
    config,
    async close() {
      imu.removeListener('data', onImu);
      status?.removeListener('data', onStatus);
      battery?.removeListener('data', onBattery);
      if (peripheral.state !== 'connected') return;
      await ctrl.writeAsync(Buffer.from(encodeControlCommand({ command: 'stop-streaming' })), false).catch(() => undefined);
      await imu.unsubscribeAsync().catch(() => undefined);
    },
    async identify(seconds: number) {
      await ctrl.writeAsync(Buffer.from(encodeControlCommand({ command: 'identify', durationS: Math.max(1, Math.min(30, Math.round(seconds))) })), false);
    },
  };
}
