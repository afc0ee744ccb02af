import { describe, expect, it } from 'vitest';
import { decodeSensorConfig, encodeSensorConfig, DEFAULT_SENSOR_CONFIG } from '../../../sensor-protocol/gatt/sensor-config';
import { decodeSensorStatus, encodeSensorStatus } from '../../../sensor-protocol/gatt/sensor-status';
import { decodeControlCommand, encodeControlCommand } from '../../../sensor-protocol/gatt/control-point';
import { ROLLER_SERVICE_UUID, IMU_STREAM_CHAR_UUID, toNobleUuid } from '../../../sensor-protocol/gatt/gatt-profile';

describe('GATT messages', () => {
  it('uses one 128-bit base for the service and its characteristics', () => {
    expect(ROLLER_SERVICE_UUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(IMU_STREAM_CHAR_UUID.slice(8)).toBe(ROLLER_SERVICE_UUID.slice(8));
    expect(toNobleUuid(ROLLER_SERVICE_UUID)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('names the offending configuration field', () => {
    const bytes = encodeSensorConfig(DEFAULT_SENSOR_CONFIG);
    bytes[3] = 3;
    expect(decodeSensorConfig(bytes)).toEqual({ ok: false, reason: 'bad-value', message: 'sensor configuration: accelRangeG = 3 is not allowed' });
  });

  it('refuses to encode an invalid configuration', () => {
    expect(() => encodeSensorConfig({ ...DEFAULT_SENSOR_CONFIG, sampleRateHz: 1000 })).toThrow();
  });

  it('ignores bytes after a known message (room for later fields)', () => {
    const longer = Uint8Array.from([...encodeSensorConfig(DEFAULT_SENSOR_CONFIG), 0xee]);
    expect(decodeSensorConfig(longer)).toEqual({ ok: true, config: DEFAULT_SENSOR_CONFIG });
  });

  it('refuses to encode a status it cannot carry', () => {
    const ok = { state: 'idle', error: 'none', firmwareVersion: '1.0.0', droppedSamples: 0 } as const;
    expect(decodeSensorStatus(encodeSensorStatus(ok))).toEqual({ ok: true, status: ok });
    expect(() => encodeSensorStatus({ ...ok, firmwareVersion: '1.0' })).toThrow(RangeError);
    expect(() => encodeSensorStatus({ ...ok, firmwareVersion: '256.0.0' })).toThrow(RangeError);
    expect(() => encodeSensorStatus({ ...ok, droppedSamples: -1 })).toThrow(RangeError);
  });

  it('round-trips every control command and refuses an identify outside 1…30 s', () => {
    for (const cmd of [{ command: 'start-streaming' }, { command: 'stop-streaming' }, { command: 'calibrate-at-rest' }, { command: 'identify', durationS: 30 }] as const) {
      expect(decodeControlCommand(encodeControlCommand(cmd))).toEqual({ ok: true, command: cmd });
    }
    expect(() => encodeControlCommand({ command: 'identify', durationS: 0 })).toThrow(RangeError);
  });
});
