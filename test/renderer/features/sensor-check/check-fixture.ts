/** A Sensor check answer and a diagnostics answer as main gives them (the simulated roller streaming at 100 Hz). */
import type { Diagnostics, SensorCheck } from '../../../../renderer/bridge/contract';
import { snapshotFixture } from '../../app/fixtures';

export function checkFixture(over: Partial<SensorCheck> = {}): SensorCheck {
  return {
    connected: true,
    sensor: { name: 'Roller (simulated)', kind: 'simulated', firmwareVersion: '1.0.0', batteryPercent: 87 },
    rate: { askedHz: 100, sensorHz: 100, measuredHz: 99.6, choicesHz: [100, 200], chosenHz: 100 },
    link: {
      frames: 1200,
      lostFrames: 0,
      lostPercent: 0,
      samples: 2400,
      gaps: 0,
      reconnects: 0,
      processingMs: { median: 0.04, p95: 0.3 },
      rssi: [
        { tS: -2, dbm: -61 },
        { tS: -1, dbm: -63 },
      ],
    },
    axis: { from: 'check', found: true, sensorAxis: 'y', alignment: 0.98, confidence: 0.86 },
    raw: { t: [-0.02, -0.01, 0], ax: [0, 0.1, 0], ay: [0, 0, 0], az: [1, 0.98, 1], gx: [0, 12, 3], gy: [0, 0, 0], gz: [0, 0, 0] },
    technical: {
      mtu: 247,
      samplesPerFrame: 2,
      accelRangeG: 4,
      gyroRangeDps: 500,
      clock: 'sensor',
      refusedFrames: 0,
      lastRefused: null,
      sensorState: 'streaming',
      sensorError: 'none',
      droppedBySensor: 0,
      engine: null,
    },
    ...over,
  };
}

export const NO_SENSOR: SensorCheck = checkFixture({
  connected: false,
  sensor: null,
  rate: { askedHz: null, sensorHz: null, measuredHz: null, choicesHz: [], chosenHz: 100 },
  link: { frames: 0, lostFrames: 0, lostPercent: null, samples: 0, gaps: 0, reconnects: 0, processingMs: null, rssi: [] },
  axis: { from: 'check', found: false, sensorAxis: null, alignment: null, confidence: 0 },
  raw: { t: [], ax: [], ay: [], az: [], gx: [], gy: [], gz: [] },
  technical: {
    mtu: null,
    samplesPerFrame: null,
    accelRangeG: null,
    gyroRangeDps: null,
    clock: null,
    refusedFrames: 0,
    lastRefused: null,
    sensorState: null,
    sensorError: null,
    droppedBySensor: null,
    engine: null,
  },
});

export function diagnosticsFixture(over: Partial<Diagnostics> = {}): Diagnostics {
  const snap = snapshotFixture();
  return {
    createdAt: '2026-12-03T12:00:00.000Z',
    app: { version: '0.9.0', host: 'browser' },
    system: { os: 'Linux 6.1.0', arch: 'x64', runtime: 'Node 20.19.0' },
    adapter: snap.adapter,
    connection: { name: 'streaming', source: 'simulated', description: 'Roller sensor (firmware 1.0.0): 100 Hz', batteryPercent: 87 },
    check: checkFixture(),
    notes: ['Roller sensor (firmware 1.0.0): 100 Hz'],
    logLines: [],
    ...over,
  };
}
