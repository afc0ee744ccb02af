import { describe, expect, it } from 'vitest';
import { decodeSensorConfig, encodeSensorConfig, type SensorConfig } from '../../../../sensor-protocol/gatt/sensor-config';
import { decodeSensorStatus } from '../../../../sensor-protocol/gatt/sensor-status';
import { encodeControlCommand } from '../../../../sensor-protocol/gatt/control-point';
import { decodeFrame } from '../../../../sensor-protocol/frame/frame-codec';
import { FrameDecoder } from '../../../../sensor-protocol/frame/frame-decoder';
import { samplesPerFrameFor } from '../../../../sensor-protocol/frame/frame-layout';
import type { ImuSample } from '../../../../sensor-protocol/imu-sample';
import { builtInScenario } from '../../../../electron/sim/scenario-catalog';
import { simulate } from '../../../../electron/sim/simulate';
import { SimulatedRollerPeripheral, SimulatedWitmotionPeripheral } from '../../../../electron/ble/sim-peripheral/index';
import { ROLLER_SERVICE, collect, connectRoller, findPeripheral, harness, poweredOn, scan } from './noble-harness';

const SEED = 7;
const START = Buffer.from(encodeControlCommand({ command: 'start-streaming' }));

function rollerHarness(options: { batteryPercent?: number; batteryDrainPctPerHour?: number } = {}) {
  const h = harness({ peripherals: [{ kind: 'roller', seed: SEED, ...options }, { kind: 'witmotion' }] });
  const roller = h.peripherals[0] as SimulatedRollerPeripheral;
  const witmotion = h.peripherals[1] as SimulatedWitmotionPeripheral;
  return { h, roller, witmotion };
}

describe('simulated roller under the real noble object model', () => {
  it('reports the adapter powered on', async () => {
    const { h } = rollerHarness();
    expect(await poweredOn(h)).toBe('poweredOn');
    expect(h.noble._state).toBe('poweredOn');
  });

  it('is found by a scan for our service (with name, RSSI and service UUID); the WitMotion only by an unfiltered scan', async () => {
    const { h, roller, witmotion } = rollerHarness();
    await poweredOn(h);
    const filtered = await scan(h, [ROLLER_SERVICE]);
    expect(filtered.map((p) => p.id)).toEqual([roller.id]);
    const p = filtered[0]!;
    expect(p.advertisement.localName).toBe('Roller');
    expect(p.advertisement.serviceUuids).toEqual([ROLLER_SERVICE]);
    expect(p.rssi).toBeGreaterThan(-70);
    expect(p.rssi).toBeLessThan(-45);
    expect(p.connectable).toBe(true);

    const all = await scan(h, []);
    expect(new Set(all.map((x) => x.id))).toEqual(new Set([roller.id, witmotion.id]));
    expect(all.find((x) => x.id === witmotion.id)!.advertisement.localName).toBe('WT901BLE68');
  });

  it('reports each peripheral once per scan unless duplicates are allowed, then about every 100 ms', async () => {
    const { h, roller } = rollerHarness();
    await poweredOn(h);
    expect((await scan(h, [ROLLER_SERVICE], 1000, false)).length).toBe(1);
    const many = await scan(h, [ROLLER_SERVICE], 1000, true);
    expect(many.length).toBeGreaterThanOrEqual(9);
    expect(many.length).toBeLessThanOrEqual(11);
    expect(many.every((p) => p.id === roller.id)).toBe(true);
  });

  it('connects, discovers the profile, and reads configuration, status, battery and firmware', async () => {
    const { h, roller } = rollerHarness({ batteryPercent: 77 });
    await poweredOn(h);
    const p = await findPeripheral(h, roller.id, [ROLLER_SERVICE]);
    const gatt = await connectRoller(h, p);
    expect(p.state).toBe('connected');
    expect(p.mtu).toBe(247);
    expect(gatt.imu.properties).toEqual(['notify']);
    expect(gatt.config.properties).toEqual(['read', 'write']);
    expect(gatt.control.properties).toEqual(['write']);
    expect(gatt.status.properties).toEqual(['read', 'notify']);

    const config = decodeSensorConfig(await h.run(gatt.config.readAsync()));
    expect(config).toEqual({ ok: true, config: { sampleRateHz: 100, accelRangeG: 4, gyroRangeDps: 500, samplesPerFrame: 1 } });
    const status = decodeSensorStatus(await h.run(gatt.status.readAsync()));
    expect(status).toEqual({ ok: true, status: { state: 'idle', error: 'none', firmwareVersion: '1.0.0', droppedSamples: 0 } });
    expect([...(await h.run(gatt.battery.readAsync()))]).toEqual([77]);
    expect((await h.run(gatt.firmware.readAsync())).toString('utf8')).toBe('1.0.0');
  });

  it('stores a written configuration, substituting what the sensor cannot do', async () => {
    const { h, roller } = rollerHarness();
    await poweredOn(h);
    const gatt = await connectRoller(h, await findPeripheral(h, roller.id, [ROLLER_SERVICE]));
    const write = async (config: SensorConfig) => {
      await h.run(gatt.config.writeAsync(Buffer.from(encodeSensorConfig(config)), false));
      const back = decodeSensorConfig(await h.run(gatt.config.readAsync()));
      if (!back.ok) throw new Error(back.message);
      return back.config;
    };
    expect(await write({ sampleRateHz: 100, accelRangeG: 8, gyroRangeDps: 1000, samplesPerFrame: 4 })).toEqual({
      sampleRateHz: 100,
      accelRangeG: 8,
      gyroRangeDps: 1000,
      samplesPerFrame: 4,
    });
    // 104 Hz is not an output rate of this IMU (25, 50, 100, 200, 400); 40 samples do not fit MTU 247.
    expect(await write({ sampleRateHz: 104, accelRangeG: 4, gyroRangeDps: 500, samplesPerFrame: 40 })).toEqual({
      sampleRateHz: 100,
      accelRangeG: 4,
      gyroRangeDps: 500,
      samplesPerFrame: samplesPerFrameFor(244),
    });
    expect(samplesPerFrameFor(244)).toBe(19);
  });

  it('streams frames paced by their arrival times, which decode into exactly the simulated samples', async () => {
    const { h, roller } = rollerHarness();
    await poweredOn(h);
    const gatt = await connectRoller(h, await findPeripheral(h, roller.id, [ROLLER_SERVICE]));
    const wanted: SensorConfig = { sampleRateHz: 100, accelRangeG: 4, gyroRangeDps: 500, samplesPerFrame: 4 };
    await h.run(gatt.config.writeAsync(Buffer.from(encodeSensorConfig(wanted)), false));
    const readBack = decodeSensorConfig(await h.run(gatt.config.readAsync()));
    if (!readBack.ok) throw new Error(readBack.message);
    expect(readBack.config).toEqual(wanted);

    const imu = collect(gatt.imu);
    const statuses = collect(gatt.status);
    await h.run(gatt.imu.subscribeAsync());
    await h.run(gatt.status.subscribeAsync());
    await h.run(gatt.control.writeAsync(START, false));
    expect(roller.isStreaming).toBe(true);
    expect(statuses.items.map((b) => decodeSensorStatus(b)).map((s) => s.ok && s.status.state)).toEqual(['streaming']);

    const decoder = new FrameDecoder(readBack.config);
    const received: ImuSample[] = [];
    const countSamples = () => received.length;
    const drain = () => {
      for (const frame of imu.items.splice(0)) {
        const r = decoder.push(frame);
        if (!r.ok) throw new Error(r.message);
        expect(r.gap).toBeNull();
        received.push(...r.samples);
      }
    };
    for (let second = 1; second <= 3; second++) {
      await h.scheduler.advanceByAsync(1000);
      drain();
      // 100 Hz: about 100 samples per second (25 frames of 4), arriving a frame at a time.
      expect(countSamples()).toBeGreaterThanOrEqual(100 * second - 4);
      expect(countSamples()).toBeLessThanOrEqual(100 * second);
    }

    const sim = simulate({ ...builtInScenario('good-slow-session'), sensor: wanted }, { seed: SEED, untilS: 3.5 });
    const offsetS = received[0]!.tS - sim.samples[0]!.tS;
    expect(offsetS).toBeGreaterThan(0); // the sensor clock runs from power-on, before streaming
    received.forEach((s, i) => {
      const e = sim.samples[i]!;
      expect([s.axG, s.ayG, s.azG, s.gxDps, s.gyDps, s.gzDps]).toEqual([e.axG, e.ayG, e.azG, e.gxDps, e.gyDps, e.gzDps]);
      expect(s.tS - offsetS).toBeCloseTo(e.tS, 5);
    });
    expect(roller.counters.framesSent).toBe(Math.ceil(received.length / 4));
    imu.stop();
    statuses.stop();
  });

  it('sends one sample per frame when the MTU allows no more, and keeps sequence and clock running across stop/start', async () => {
    const h = harness({ mtu: 23, peripherals: [{ kind: 'roller', seed: SEED }] });
    const roller = h.peripherals[0] as SimulatedRollerPeripheral;
    await poweredOn(h);
    const p = await findPeripheral(h, roller.id);
    const gatt = await connectRoller(h, p);
    expect(p.mtu).toBe(23);
    await h.run(gatt.config.writeAsync(Buffer.from(encodeSensorConfig({ sampleRateHz: 100, accelRangeG: 4, gyroRangeDps: 500, samplesPerFrame: 8 })), false));
    const back = decodeSensorConfig(await h.run(gatt.config.readAsync()));
    expect(back.ok && back.config.samplesPerFrame).toBe(1);

    const imu = collect(gatt.imu);
    await h.run(gatt.imu.subscribeAsync());
    await h.run(gatt.control.writeAsync(START, false));
    await h.scheduler.advanceByAsync(500);
    await h.run(gatt.control.writeAsync(Buffer.from(encodeControlCommand({ command: 'stop-streaming' })), false));
    const beforeStop = imu.items.length;
    await h.scheduler.advanceByAsync(2000);
    expect(imu.items.length).toBe(beforeStop);
    await h.run(gatt.control.writeAsync(START, false));
    await h.scheduler.advanceByAsync(500);

    const frames = imu.items
      .map((b) => decodeFrame(b))
      .map((r) => {
        if (!r.ok) throw new Error(r.message);
        return r.frame;
      });
    expect(frames.every((f) => f.raw.length === 6)).toBe(true);
    frames.forEach((f, i) => expect(f.sequence).toBe(i)); // no sequence numbers used while stopped
    const pause = frames[beforeStop]!.t0Us - frames[beforeStop - 1]!.t0Us;
    expect(pause).toBeGreaterThan(2_000_000); // the clock ran on
    imu.stop();
  });

  it('follows a calibration pass from now, then plays its scenario again; sequence and clock run on, time never goes back', async () => {
    const h = harness({ peripherals: [{ kind: 'roller', seed: SEED, scenario: 'ten-minute-mixed' }] });
    const roller = h.peripherals[0] as SimulatedRollerPeripheral;
    await poweredOn(h);
    const gatt = await connectRoller(h, await findPeripheral(h, roller.id));
    const imu = collect(gatt.imu);
    await h.run(gatt.imu.subscribeAsync());
    await h.run(gatt.control.writeAsync(START, false));
    await h.scheduler.advanceByAsync(3_000);
    roller.followCalibrationPass();
    expect(roller.interludeName).toBe('ten-minute-mixed-calibration');
    await h.scheduler.advanceByAsync(5_000);
    roller.endInterlude();
    expect(roller.interludeName).toBeNull();
    await h.scheduler.advanceByAsync(3_000);
    // Played to its end, an interlude gives way to the scenario by itself.
    roller.followCalibrationPass();
    await h.scheduler.advanceByAsync(80_000);
    expect(roller.interludeName).toBeNull();
    const frames = imu.items.map((b) => {
      const r = decodeFrame(b);
      if (!r.ok) throw new Error(r.message);
      return r.frame;
    });
    // Frames the scenario loses in the air leave holes in the sequence; it never goes back or repeats.
    for (let i = 1; i < frames.length; i++) {
      expect((frames[i]!.sequence - frames[i - 1]!.sequence + 0x10000) % 0x10000).toBeGreaterThan(0);
      expect(frames[i]!.t0Us).toBeGreaterThan(frames[i - 1]!.t0Us);
    }
    expect(frames.length).toBeGreaterThan(3000); // ~91 s at 100 Hz, 3 samples a frame, 3 % lost
    imu.stop();
  });

  it('drains the battery with sensor time and notifies each step', async () => {
    const { h, roller } = rollerHarness({ batteryPercent: 50, batteryDrainPctPerHour: 10 });
    await poweredOn(h);
    const gatt = await connectRoller(h, await findPeripheral(h, roller.id, [ROLLER_SERVICE]));
    const levels = collect(gatt.battery);
    await h.run(gatt.battery.subscribeAsync());
    expect([...(await h.run(gatt.battery.readAsync()))]).toEqual([50]);
    await h.scheduler.advanceByAsync(3_600_000);
    expect([...(await h.run(gatt.battery.readAsync()))]).toEqual([40]);
    expect(levels.items.map((b) => b[0])).toEqual([49, 48, 47, 46, 45, 44, 43, 42, 41, 40]);
    expect(roller.batteryPercent()).toBe(40);
    levels.stop();
  });

  it('reports RSSI on a connection, weaker when far', async () => {
    const { h, roller } = rollerHarness();
    await poweredOn(h);
    const p = await findPeripheral(h, roller.id, [ROLLER_SERVICE]);
    await h.run(p.connectAsync());
    const near = await h.run(p.updateRssiAsync());
    roller.setDistanceM(10);
    const far = await h.run(p.updateRssiAsync());
    expect(near).toBeGreaterThan(-66);
    expect(far).toBeLessThan(near - 15);
  });
});
