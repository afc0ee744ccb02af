/**
 * The Bluetooth source end to end on the real noble object model, over simulated bindings and
 * a simulated Roller sensor, on a manual clock (no sleeps): scan → connect → stream → engine
 * events; a drop-out mid-stream → automatic reconnect, a marked gap, nothing received lost;
 * malformed notifications counted and skipped; no Bluetooth → a clear adapter state.
 */
import { describe, expect, it } from 'vitest';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import { BleSensorSource, type SourceGap } from '../../../electron/ble/ble-sensor-source';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import { createSimulatedNoble, type SimulatedRollerPeripheral, type SimulatedWitmotionPeripheral } from '../../../electron/ble/sim-peripheral';
import { memoryRememberedSensorStore } from '../../../electron/ble/remembered-sensor';
import { MotionEngine } from '../../../electron/motion/motion-engine';
import type { CoachEvent } from '../../../electron/motion/motion-types';
import type { ConnectionStateName } from '../../../electron/ble/connection-machine';

function setup(scenario = 'too-fast', peripherals: ('roller' | 'witmotion')[] = ['roller']) {
  const scheduler = new ManualScheduler();
  const sim = createSimulatedNoble({ scheduler, peripherals: peripherals.map((kind) => (kind === 'roller' ? { kind, scenario } : { kind, scenario })) });
  const remembered = memoryRememberedSensorStore();
  const source = new BleSensorSource({ loadNoble: () => ({ ok: true, noble: sim.noble }), scheduler, remembered });
  const samples: ImuSample[] = [];
  const gaps: SourceGap[] = [];
  const states: ConnectionStateName[] = [];
  source.on('samples', (s) => samples.push(...s));
  source.on('gap', (g) => gaps.push(g));
  source.on('connection', (c) => states.push(c.name));
  source.start();
  return { scheduler, sim, source, samples, gaps, states, remembered };
}

async function until(scheduler: ManualScheduler, cond: () => boolean, maxMs = 30_000): Promise<void> {
  const end = scheduler.nowMs() + maxMs;
  while (!cond()) {
    if (scheduler.nowMs() >= end) throw new Error(`condition not met within ${maxMs} ms of simulated time`);
    await scheduler.advanceByAsync(50);
  }
}

describe('BleSensorSource with the simulated Roller sensor', () => {
  it('scans, lists the sensor with signal, connects, streams into the engine and raises its events', async () => {
    const t = setup('too-fast');
    await until(t.scheduler, () => t.source.adapter.state === 'poweredOn');
    await t.scheduler.drive(t.source.startScan());
    await until(t.scheduler, () => t.source.deviceList.length > 0);
    const [device] = t.source.deviceList;
    expect(device).toMatchObject({ kind: 'roller', name: 'Roller' });
    expect(device!.rssiDbm).toBeLessThan(-20);
    void t.source.connect(device!.id);
    await until(t.scheduler, () => t.source.connection.name === 'streaming');
    expect(t.states).toEqual(['scanning', 'connecting', 'streaming']);
    expect(t.source.linkDescription).toMatch(/Roller sensor \(firmware 1\.0\.0\): 100 Hz/);
    expect(t.sim.bindings.isScanning).toBe(false);
    expect(t.remembered.get()).toMatchObject({ id: device!.id, kind: 'roller' });

    const events: CoachEvent[] = [];
    const engine = new MotionEngine({ rollerDiameterIn: 6 }, { event: (e) => events.push(e) });
    let fed = 0;
    await until(
      t.scheduler,
      () => {
        for (; fed < t.samples.length; fed++) engine.push(t.samples[fed]!);
        return events.some((e) => e.kind === 'too-fast');
      },
      60_000,
    );
    expect(t.source.deviceList[0]!.batteryPercent).toBeGreaterThan(0);
    for (let i = 1; i < t.samples.length; i++) expect(t.samples[i]!.tS).toBeGreaterThan(t.samples[i - 1]!.tS);
  });

  it('survives a drop-out: reconnects by itself, marks the gap, keeps every sample', async () => {
    const t = setup('good-slow-session');
    await until(t.scheduler, () => t.source.adapter.state === 'poweredOn');
    await t.scheduler.drive(t.source.startScan());
    await until(t.scheduler, () => t.source.deviceList.length > 0);
    void t.source.connect(t.source.deviceList[0]!.id);
    await until(t.scheduler, () => t.samples.length > 500);
    const roller = t.sim.peripherals[0] as SimulatedRollerPeripheral;
    const before = t.samples.length;
    roller.dropOut(3);
    await until(t.scheduler, () => t.source.connection.name === 'reconnecting');
    await until(t.scheduler, () => t.source.connection.name === 'streaming');
    await until(t.scheduler, () => t.samples.length > before + 300);
    expect(t.states).toEqual(['scanning', 'connecting', 'streaming', 'reconnecting', 'streaming']);
    expect(t.source.counters.reconnects).toBe(1);
    expect(t.gaps).toHaveLength(1);
    expect(t.gaps[0]!.cause).toBe('link-lost');
    expect(t.gaps[0]!.toS - t.gaps[0]!.fromS).toBeGreaterThan(3);
    expect(t.gaps[0]!.toS - t.gaps[0]!.fromS).toBeLessThan(6);
    // Nothing received was lost: times increase, and the samples before the gap are all there.
    for (let i = 1; i < t.samples.length; i++) expect(t.samples[i]!.tS).toBeGreaterThan(t.samples[i - 1]!.tS);
    expect(t.samples.filter((s) => s.tS <= t.gaps[0]!.fromS).length).toBeGreaterThanOrEqual(before);
  });

  it('counts malformed notifications and skips them; the stream goes on', async () => {
    const t = setup('good-slow-session');
    const rejected: string[] = [];
    t.source.on('rejected', (r) => rejected.push(r.reason));
    await until(t.scheduler, () => t.source.adapter.state === 'poweredOn');
    await t.scheduler.drive(t.source.startScan());
    await until(t.scheduler, () => t.source.deviceList.length > 0);
    void t.source.connect(t.source.deviceList[0]!.id);
    await until(t.scheduler, () => t.samples.length > 200);
    (t.sim.peripherals[0] as SimulatedRollerPeripheral).malformed(5);
    const n = t.samples.length;
    await until(t.scheduler, () => t.samples.length > n + 300);
    expect(rejected).toHaveLength(5);
    expect(t.source.counters.rejected).toBe(5);
    expect(t.source.connection.name).toBe('streaming');
  });

  it('reconnects to the remembered sensor on the next start, without a scan by the user', async () => {
    const t = setup('good-slow-session');
    await until(t.scheduler, () => t.source.adapter.state === 'poweredOn');
    await t.scheduler.drive(t.source.startScan());
    await until(t.scheduler, () => t.source.deviceList.length > 0);
    void t.source.connect(t.source.deviceList[0]!.id);
    await until(t.scheduler, () => t.source.connection.name === 'streaming');
    await t.scheduler.drive(t.source.dispose());
    // "Next start": a new source with the same remembered store.
    const next = new BleSensorSource({ loadNoble: () => ({ ok: true, noble: t.sim.noble }), scheduler: t.scheduler, remembered: t.remembered });
    next.start();
    await until(t.scheduler, () => next.connection.name === 'streaming');
  });

  it('gives up to "lost" when the sensor never comes back, and says why', async () => {
    const t = setup('good-slow-session');
    await until(t.scheduler, () => t.source.adapter.state === 'poweredOn');
    await t.scheduler.drive(t.source.startScan());
    await until(t.scheduler, () => t.source.deviceList.length > 0);
    void t.source.connect(t.source.deviceList[0]!.id);
    await until(t.scheduler, () => t.source.connection.name === 'streaming');
    (t.sim.peripherals[0] as SimulatedRollerPeripheral).dropOut(3600);
    await until(t.scheduler, () => t.source.connection.name === 'lost', 300_000);
    expect(t.source.connection).toMatchObject({ name: 'lost', reason: expect.stringMatching(/timed out/) });
  });

  it('streams a WitMotion unit through the same path at 100 Hz', async () => {
    const t = setup('good-slow-session', ['witmotion']);
    const notes: string[] = [];
    t.source.on('note', (m) => notes.push(m));
    await until(t.scheduler, () => t.source.adapter.state === 'poweredOn');
    await t.scheduler.drive(t.source.startScan());
    await until(t.scheduler, () => t.source.deviceList.length > 0);
    expect(t.source.deviceList[0]!.kind).toBe('witmotion');
    void t.source.connect(t.source.deviceList[0]!.id);
    await until(t.scheduler, () => t.source.connection.name === 'streaming');
    const n = t.samples.length;
    await t.scheduler.advanceByAsync(2000);
    expect(t.samples.length - n).toBeGreaterThan(180);
    expect(t.samples.length - n).toBeLessThan(220);
    expect((t.sim.peripherals[0] as SimulatedWitmotionPeripheral).rateHz).toBe(100);
    expect(notes.some((m) => /WitMotion sensor: 100 Hz/.test(m))).toBe(true);
  });

  it('reports a machine without Bluetooth as an adapter state, and does nothing else', async () => {
    const scheduler = new ManualScheduler();
    const source = new BleSensorSource({
      loadNoble: () => {
        throw Object.assign(new Error('Address family not supported by protocol'), { code: 'EAFNOSUPPORT' });
      },
      scheduler,
      platform: 'linux',
    });
    const seen: string[] = [];
    source.on('adapter', (a) => seen.push(a.state));
    expect(() => source.start()).not.toThrow();
    expect(seen).toEqual(['unavailable']);
    expect(source.adapter.message).toBe('Bluetooth unavailable: this system has no Bluetooth socket (EAFNOSUPPORT)');
    expect(source.adapter.fix).toMatch(/bluetoothctl/);
    const safe = new BleSensorSource({
      loadNoble: () => ({ ok: false, adapter: { state: 'unavailable', message: 'Bluetooth unavailable: this system has no Bluetooth socket (EAFNOSUPPORT)', fix: 'x' } }),
      scheduler,
    });
    safe.start();
    await scheduler.drive(safe.startScan());
    await scheduler.drive(safe.connect('anything'));
    expect(safe.adapter.state).toBe('unavailable');
    expect(safe.connection.name).toBe('idle');
  });
});

describe('BleSensorSource: what the Sensor check asks of it', () => {
  async function streaming() {
    const t = setup('good-slow-session');
    let peripheral: { updateRssiAsync(): Promise<number> } | null = null;
    t.sim.noble.on('discover', (p: { updateRssiAsync(): Promise<number> }) => (peripheral ??= p));
    await until(t.scheduler, () => t.source.adapter.state === 'poweredOn');
    await t.scheduler.drive(t.source.startScan());
    await until(t.scheduler, () => t.source.deviceList.length > 0);
    void t.source.connect(t.source.deviceList[0]!.id);
    await until(t.scheduler, () => t.source.connection.name === 'streaming');
    return { ...t, peripheral: peripheral! };
  }

  it('reads the signal; a stack that leaves a read unanswered is not asked again on that link', async () => {
    const t = await streaming();
    const dbm = await t.scheduler.drive(t.source.readRssi());
    expect(dbm).toBeLessThan(0);
    let asked = 0;
    t.peripheral.updateRssiAsync = () => {
      asked++;
      return new Promise<number>(() => undefined);
    };
    expect(await t.scheduler.drive(t.source.readRssi())).toBeNull(); // bounded: 1 s
    expect(await t.scheduler.drive(t.source.readRssi())).toBeNull();
    expect(asked).toBe(1);
    await t.scheduler.drive(t.source.dispose());
  });

  it('a new rate sets the streaming sensor up again on the same connection: no gap, no reconnect', async () => {
    const t = await streaming();
    expect(t.source.linkInfo).toMatchObject({ requestedRateHz: 100, clock: 'sensor', firmwareVersion: '1.0.0' });
    await t.scheduler.advanceByAsync(2000);
    const before = t.samples.length;
    await t.scheduler.drive(t.source.setSampleRate(200));
    expect(t.source.connection.name).toBe('streaming');
    expect(t.source.linkSampleRateHz).toBe(200);
    expect(t.source.linkInfo?.requestedRateHz).toBe(200);
    await t.scheduler.advanceByAsync(2000);
    // About 200 samples a second now.
    expect(t.samples.length - before).toBeGreaterThan(350);
    expect(t.gaps).toEqual([]);
    expect(t.source.counters).toMatchObject({ gaps: 0, reconnects: 0 });
    await t.scheduler.drive(t.source.dispose());
  });
});
