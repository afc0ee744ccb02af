import { describe, expect, it } from 'vitest';
import type { Peripheral } from '@abandonware/noble';
import { decodeSensorConfig, encodeSensorConfig, type SensorConfig } from '../../../../sensor-protocol/gatt/sensor-config';
import { decodeSensorStatus } from '../../../../sensor-protocol/gatt/sensor-status';
import { encodeControlCommand } from '../../../../sensor-protocol/gatt/control-point';
import { decodeFrame } from '../../../../sensor-protocol/frame/frame-codec';
import { FrameDecoder, type FrameGap } from '../../../../sensor-protocol/frame/frame-decoder';
import type { SimulatedRollerPeripheral } from '../../../../electron/ble/sim-peripheral/index';
import type { FaultPlan } from '../../../../electron/ble/sim-peripheral/fault-plan';
import { ROLLER_SERVICE, collect, connectRoller, findPeripheral, harness, poweredOn, scan, type Harness, type RollerGatt } from './noble-harness';

const CONFIG: SensorConfig = { sampleRateHz: 100, accelRangeG: 4, gyroRangeDps: 500, samplesPerFrame: 4 };
const START = Buffer.from(encodeControlCommand({ command: 'start-streaming' }));

interface Streaming {
  gatt: RollerGatt;
  peripheral: Peripheral;
  frames: Buffer[];
}

/** Connect, configure 100 Hz × 4 samples per frame, subscribe, start streaming. */
async function startStreaming(h: Harness, roller: SimulatedRollerPeripheral, frames: Buffer[] = []): Promise<Streaming> {
  const peripheral = await findPeripheral(h, roller.id, [ROLLER_SERVICE]);
  const gatt = await connectRoller(h, peripheral);
  await h.run(gatt.config.writeAsync(Buffer.from(encodeSensorConfig(CONFIG)), false));
  gatt.imu.on('data', (b: Buffer, isNotification: boolean) => isNotification && frames.push(b));
  await h.run(gatt.imu.subscribeAsync());
  await h.run(gatt.control.writeAsync(START, false));
  return { gatt, peripheral, frames };
}

function rollerHarness(faults: FaultPlan = []) {
  const h = harness({ peripherals: [{ kind: 'roller', seed: 3, faults }, { kind: 'witmotion' }] });
  return { h, roller: h.peripherals[0] as SimulatedRollerPeripheral };
}

describe('simulated roller faults', () => {
  it('drop-out: the link times out, the sensor is away for the outage, and the stream resumes with a gap', async () => {
    const { h, roller } = rollerHarness();
    await poweredOn(h);
    const decoder = new FrameDecoder(CONFIG);
    const gaps: FrameGap[] = [];
    const frames: Buffer[] = [];
    const feed = () => {
      for (const f of frames.splice(0)) {
        const r = decoder.push(f);
        if (!r.ok) throw new Error(r.message);
        if (r.gap) gaps.push(r.gap);
      }
    };
    const first = await startStreaming(h, roller, frames);
    await h.scheduler.advanceByAsync(3000);
    feed();
    expect(gaps).toEqual([]);

    const reasons: unknown[] = [];
    first.peripheral.once('disconnect', (reason: unknown) => reasons.push(reason));
    const droppedAtMs = h.scheduler.nowMs();
    roller.dropOut(2);
    await h.scheduler.advanceByAsync(600); // supervision timeout 420 ms
    expect(reasons).toEqual(['connection timeout']);
    expect(first.peripheral.state).toBe('disconnected');
    expect(roller.isStreaming).toBe(false);

    expect((await scan(h, [ROLLER_SERVICE], 500)).length).toBe(0); // out of range
    await h.scheduler.advanceByAsync(droppedAtMs + 2000 - h.scheduler.nowMs());
    expect((await scan(h, [ROLLER_SERVICE], 300)).map((p) => p.id)).toEqual([roller.id]);

    decoder.noteReconnect();
    const second = await startStreaming(h, roller, frames);
    const resumedAtMs = h.scheduler.nowMs();
    await h.scheduler.advanceByAsync(1000);
    feed();
    expect(gaps).toHaveLength(1);
    const gap = gaps[0]!;
    const outageS = (resumedAtMs - droppedAtMs) / 1000;
    expect(outageS).toBeGreaterThan(2);
    expect(gap.reason).toBe('lost-frames');
    expect(gap.toS - gap.fromS).toBeGreaterThan(outageS - 0.1);
    expect(gap.toS - gap.fromS).toBeLessThan(outageS + 0.1);
    expect(gap.missingSamples).toBeGreaterThan(outageS * 100 - 10);
    // Frames queued while the link was silent were lost with it (8 in the radio queue).
    expect(gap.lostFrames).toBe(8);

    const status = decodeSensorStatus(await h.run(second.gatt.status.readAsync()));
    expect(status.ok && status.status.droppedSamples).toBeGreaterThan(0);
    expect(status.ok && status.status.droppedSamples).toBe(roller.droppedSamples);
  });

  it('malformed(3): the next three IMU notifications are garbage decodeFrame rejects, then the stream goes on', async () => {
    const { h, roller } = rollerHarness();
    await poweredOn(h);
    const { frames } = await startStreaming(h, roller);
    await h.scheduler.advanceByAsync(500);
    const before = frames.length;
    roller.malformed(3);
    await h.scheduler.advanceByAsync(500);
    const results = frames.map((f) => decodeFrame(f));
    const rejected = results.filter((r) => !r.ok);
    expect(rejected).toHaveLength(3);
    expect(results.slice(before, before + 3).every((r) => !r.ok)).toBe(true);
    expect(rejected.map((r) => !r.ok && r.reason)).toEqual(expect.arrayContaining(['truncated', 'bad-version']));

    const decoder = new FrameDecoder(CONFIG);
    const gaps: FrameGap[] = [];
    for (const f of frames) {
      const r = decoder.push(f);
      if (r.ok && r.gap) gaps.push(r.gap);
    }
    expect(decoder.stats.rejected).toBe(3);
    expect(gaps.map((g) => g.lostFrames)).toEqual([3]);
  });

  it('runs a declarative fault plan on session time', async () => {
    const { h, roller } = rollerHarness([
      { atS: 1, fault: { kind: 'malformed', count: 2 } },
      { atS: 1.5, fault: { kind: 'set-battery', percent: 5 } },
      { atS: 2, fault: { kind: 'drop-out', durationS: 1 } },
    ]);
    await poweredOn(h);
    const disconnects: unknown[] = [];
    const statuses: Buffer[] = [];
    const s = await startStreaming(h, roller);
    s.peripheral.on('disconnect', (r: unknown) => disconnects.push(r));
    s.gatt.status.on('data', (b: Buffer) => statuses.push(b));
    await h.run(s.gatt.status.subscribeAsync());
    const startedAt = roller.sessionStartedAtMs!;
    await h.scheduler.advanceByAsync(startedAt + 1900 - h.scheduler.nowMs());
    expect(s.frames.filter((f) => !decodeFrame(f).ok)).toHaveLength(2);
    expect(statuses.map((b) => decodeSensorStatus(b)).map((r) => r.ok && r.status.error)).toContain('low-battery');
    await h.scheduler.advanceByAsync(600);
    expect(disconnects).toEqual(['connection timeout']);
    expect(roller.isAdvertising()).toBe(false);
    await h.scheduler.advanceByAsync(500);
    expect(roller.isAdvertising()).toBe(true);
  });

  it('restart: the sensor reboots with defaults, clock and sequence from 0; the decoder marks a restart', async () => {
    const { h, roller } = rollerHarness();
    await poweredOn(h);
    const frames: Buffer[] = [];
    const first = await startStreaming(h, roller, frames);
    await h.scheduler.advanceByAsync(2000);
    const decoder = new FrameDecoder(CONFIG);
    const gaps: FrameGap[] = [];
    const feed = () => {
      for (const f of frames.splice(0)) {
        const r = decoder.push(f);
        if (!r.ok) throw new Error(r.message);
        if (r.gap) gaps.push(r.gap);
      }
    };
    feed();
    const reasons: unknown[] = [];
    first.peripheral.once('disconnect', (r: unknown) => reasons.push(r));
    roller.restart();
    expect(roller.sequence).toBe(0);
    await h.scheduler.advanceByAsync(1000);
    expect(reasons).toEqual(['connection timeout']);

    const p = await findPeripheral(h, roller.id, [ROLLER_SERVICE]);
    const gatt = await connectRoller(h, p);
    const config = decodeSensorConfig(await h.run(gatt.config.readAsync()));
    expect(config.ok && config.config.samplesPerFrame).toBe(1); // defaults again
    expect(p).toBe(first.peripheral); // noble keeps one Peripheral object per id
    decoder.noteReconnect();
    await h.run(gatt.config.writeAsync(Buffer.from(encodeSensorConfig(CONFIG)), false));
    gatt.imu.on('data', (b: Buffer, isNotification: boolean) => isNotification && frames.push(b));
    await h.run(gatt.imu.subscribeAsync());
    await h.run(gatt.control.writeAsync(START, false));
    await h.scheduler.advanceByAsync(1000);
    const firstAfter = decodeFrame(frames[0]!);
    expect(firstAfter.ok && firstAfter.frame.sequence).toBe(0);
    expect(firstAfter.ok && firstAfter.frame.t0Us).toBeLessThan(2_000_000);
    feed();
    expect(gaps.map((g) => g.reason)).toEqual(['sensor-restart']);
  });

  it('loops a short scenario seamlessly (sequence and clock run on), or stops at its end', async () => {
    const scenario = {
      name: 'short',
      segments: [
        { kind: 'rest' as const, durationS: 1 },
        { kind: 'stroke' as const, toCm: 5, durationS: 1 },
      ],
    };
    for (const endOfScenario of ['loop', 'stop'] as const) {
      const h = harness({ peripherals: [{ kind: 'roller', scenario, endOfScenario, seed: 1 }] });
      const roller = h.peripherals[0] as SimulatedRollerPeripheral;
      await poweredOn(h);
      const s = await startStreaming(h, roller);
      const statuses = collect(s.gatt.status);
      await h.run(s.gatt.status.subscribeAsync());
      await h.scheduler.advanceByAsync(5000);
      const decoder = new FrameDecoder(CONFIG);
      let samples = 0;
      for (const f of s.frames) {
        const r = decoder.push(f);
        if (!r.ok) throw new Error(r.message);
        expect(r.gap).toBeNull();
        samples += r.samples.length;
      }
      if (endOfScenario === 'loop') {
        expect(samples).toBeGreaterThan(480);
        expect(roller.isStreaming).toBe(true);
      } else {
        expect(samples).toBe(201); // 2 s at 100 Hz, both ends included
        expect(roller.isStreaming).toBe(false);
        expect(statuses.items.map((b) => decodeSensorStatus(b)).map((r) => r.ok && r.status.state)).toEqual(['idle']);
      }
      h.dispose();
    }
  });
});
