/**
 * The firmware core in the loop with the app, on a manual clock: simulated roller → chip model →
 * firmware core → link model (the C host loop) → notifications → noble → BleSensorSource (the
 * app's frame decoder) → motion engine. Accuracy against the simulator's truth next to the direct
 * simulated path; control point and configuration through GATT; a FIFO overrun and a dropped
 * connection reach the app as counted losses and gaps, never as motion.
 * Needs a C compiler: without one the test fails with the command that installs it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ACCURACY_TARGETS } from '../../../bench/accuracy-bench';
import { simulate } from '../../../../electron/sim/simulate';
import { builtInScenario } from '../../../../electron/sim/scenario-catalog';
import { encodeSensorConfig, decodeSensorConfig, type SensorConfig } from '../../../../sensor-protocol/gatt/sensor-config';
import { accuracyOf, startLoop, type Loop } from '../../../support/firmware-loop-harness';
import { buildFirmwareLoop, C_COMPILER_INSTALL_HINT } from '../../../../electron/ble/sim-peripheral';
import { encodeControlCommand } from '../../../../sensor-protocol/gatt/control-point';
import { decodeSensorStatus } from '../../../../sensor-protocol/gatt/sensor-status';
import { FrameDecoder } from '../../../../sensor-protocol/frame/frame-decoder';
import type { ImuSample } from '../../../../sensor-protocol/imu-sample';
import { collect, connectRoller, findPeripheral, harness, poweredOn } from './noble-harness';
import { firmwareExecutable } from '../../../support/firmware-loop-harness';

let open: Loop | null = null;
afterEach(async () => {
  await open?.dispose();
  open = null;
});

async function loop(scenario: string, rateHz: number): Promise<Loop> {
  open = await startLoop({ scenario, rateHz });
  return open;
}

/** The samples on the truth's clock (the session started at the loop's `sessionStartLoopS`). */
function onTruthClock(l: Loop) {
  const shift = l.roller.sessionStartLoopS!;
  return l.samples.map((s) => ({ ...s, tS: s.tS - shift }));
}

describe('the firmware core in the loop with the app', () => {
  it('builds with the C compiler, or says how to install one', () => {
    const built = buildFirmwareLoop();
    expect(built.ok, built.ok ? '' : `${built.message} (${C_COMPILER_INSTALL_HINT})`).toBe(true);
    expect(buildFirmwareLoop({ compilers: ['no-such-cc'] })).toEqual({ ok: false, message: expect.stringContaining(C_COMPILER_INSTALL_HINT) });
  });

  it.each([
    ['too-fast', 100],
    ['high-bias', 200],
  ])(
    '%s at %i Hz: position, speed and events as close to the truth as the direct path',
    async (scenario, rateHz) => {
      const l = await loop(scenario, rateHz);
      const truthSim = l.roller.feed.simulation;
      await l.run(truthSim.meta.durationS * 1000 + 500);
      const viaFirmware = accuracyOf(onTruthClock(l), truthSim);
      const direct = accuracyOf(simulate({ ...builtInScenario(scenario), sensor: { ...builtInScenario(scenario).sensor, sampleRateHz: rateHz } }).samples, truthSim);
      expect(viaFirmware.samples).toBeGreaterThan(truthSim.meta.durationS * rateHz * 0.98);
      expect(viaFirmware.positionRmsCm).toBeLessThanOrEqual(Math.max(ACCURACY_TARGETS.positionRmsCm, direct.positionRmsCm * 1.25));
      expect(viaFirmware.speedRmsInPerS).toBeLessThanOrEqual(Math.max(ACCURACY_TARGETS.speedRmsInPerS, direct.speedRmsInPerS * 1.25));
      expect(viaFirmware.eventF1).toBeGreaterThanOrEqual(Math.min(ACCURACY_TARGETS.eventF1, direct.eventF1));
      expect(l.gaps).toEqual([]);
      expect(l.roller.counters.samplesDropped).toBe(0);
    },
    60_000,
  );
});

describe('the firmware core through the control point and configuration characteristic', () => {
  it('starts, stops, changes rate and ranges, and calibrates at rest', async () => {
    const h = harness({ peripherals: [{ kind: 'firmware-roller', scenario: 'high-bias', executable: firmwareExecutable(), feedRateHz: 200 }] });
    try {
      await poweredOn(h);
      const p = await findPeripheral(h, 'c4524300' + '00f1');
      const g = await connectRoller(h, p);
      const frames = collect(g.imu);
      const statuses = collect(g.status);
      await h.run(g.imu.subscribeAsync());
      await h.run(g.status.subscribeAsync());
      const control = (bytes: Uint8Array) => h.run(g.control.writeAsync(Buffer.from(bytes), false));
      const configure = async (c: SensorConfig): Promise<SensorConfig> => {
        await h.run(g.config.writeAsync(Buffer.from(encodeSensorConfig(c)), false));
        const back = decodeSensorConfig(await h.run(g.config.readAsync()));
        if (!back.ok) throw new Error(back.message);
        return back.config;
      };
      const decodeAll = (config: SensorConfig, from: number): ImuSample[] => {
        const d = new FrameDecoder(config);
        return frames.items.slice(from).flatMap((f) => {
          const r = d.push(f);
          return r.ok ? r.samples : [];
        });
      };
      const states = () => statuses.items.map((b) => decodeSensorStatus(b)).map((r) => (r.ok ? r.status.state : 'bad'));

      // Calibrate at rest (before the session: the roller lies still): the 15 °/s bias is measured.
      await control(encodeControlCommand({ command: 'calibrate-at-rest' }));
      await h.scheduler.advanceByAsync(2500);
      expect(states()).toEqual(['calibrating', 'idle']);

      const slow = await configure({ sampleRateHz: 100, accelRangeG: 4, gyroRangeDps: 500, samplesPerFrame: 2 });
      expect(slow).toEqual({ sampleRateHz: 104, accelRangeG: 4, gyroRangeDps: 500, samplesPerFrame: 2 });
      await control(encodeControlCommand({ command: 'start-streaming' }));
      await h.scheduler.advanceByAsync(2000);
      const first = decodeAll(slow, 0);
      expect(first.length).toBeGreaterThan(180);
      expect(first.length).toBeLessThan(215);
      // Bias removed by the firmware: the first seconds of the session are at rest.
      const meanGyro = (s: ImuSample[]) => Math.hypot(...(['gxDps', 'gyDps', 'gzDps'] as const).map((k) => s.reduce((a, x) => a + x[k], 0) / s.length));
      expect(meanGyro(first)).toBeLessThan(1);
      expect(first.every((s) => Math.abs(Math.hypot(s.axG, s.ayG, s.azG) - 1) < 0.05)).toBe(true);

      await control(encodeControlCommand({ command: 'stop-streaming' }));
      await h.scheduler.advanceByAsync(200);
      const afterStop = frames.items.length;
      await h.scheduler.advanceByAsync(1000);
      expect(frames.items.length).toBe(afterStop);

      // A new rate and new ranges: decoded with the read-back, the rest still reads 1 g.
      const fast = await configure({ sampleRateHz: 200, accelRangeG: 8, gyroRangeDps: 1000, samplesPerFrame: 4 });
      expect(fast).toEqual({ sampleRateHz: 208, accelRangeG: 8, gyroRangeDps: 1000, samplesPerFrame: 4 });
      await control(encodeControlCommand({ command: 'start-streaming' }));
      await h.scheduler.advanceByAsync(1000);
      const second = decodeAll(fast, afterStop);
      expect(second.length).toBeGreaterThan(180);
      expect(second.length).toBeLessThan(215);
      expect(second.every((s) => Math.abs(Math.hypot(s.axG, s.ayG, s.azG) - 1) < 0.05)).toBe(true);
      expect(states().slice(2)).toEqual(['streaming', 'idle', 'streaming']);

      // A malformed write is refused with an ATT error and changes nothing.
      const refusals: number[] = [];
      h.bindings.on('attError', (_p: string, _s: string, _c: string, e: { code: number }) => refusals.push(e.code));
      void g.control.writeAsync(Buffer.from([0x09]), false);
      await h.scheduler.advanceByAsync(100);
      expect(refusals).toEqual([0x13]);
    } finally {
      h.dispose();
    }
  }, 60_000);
});

describe('losses in the loop reach the app as counted gaps, not motion', () => {
  it('a FIFO overrun: the decoder reports the lost samples as a gap and the status counts them', async () => {
    const l = await loop('good-slow-session', 100);
    await l.run(3000);
    const before = l.samples.length;
    l.roller.stall(3);
    await l.run(4000);
    expect(l.roller.counters.fifoWordsOverwritten).toBeGreaterThan(0);
    // The overwritten samples are one gap; the backlog drained at once then overflows the link's
    // notification queue (frames of 2 samples, 4 queued) and its refused frames are a second gap.
    expect(l.gaps.length).toBeGreaterThanOrEqual(1);
    const missing = l.gaps.reduce((sum, g) => sum + (g.missingSamples ?? 0), 0);
    expect(missing).toBeGreaterThan(50);
    expect(missing).toBe(l.roller.counters.samplesDropped);
    expect(l.gaps.every((g) => g.cause === 'frames-lost' && g.lostFrames === 0)).toBe(true);
    // nothing made up inside a gap, time never runs back
    for (const gap of l.gaps) expect(l.samples.filter((s) => s.tS > gap.fromS && s.tS < gap.toS)).toEqual([]);
    for (let i = 1; i < l.samples.length; i++) expect(l.samples[i]!.tS).toBeGreaterThan(l.samples[i - 1]!.tS);
    expect(l.samples.length).toBeGreaterThan(before);
    await l.run(1500); // the status notifies drops at most once a second
    expect(l.statuses.at(-1)!.droppedSamples).toBe(missing);
    expect(l.statuses.some((s) => s.error === 'fifo-overflow')).toBe(true);
  }, 60_000);

  it('a dropped connection: the app reconnects by itself and marks the gap', async () => {
    const l = await loop('good-slow-session', 100);
    await l.run(3000);
    l.roller.dropOut(2);
    await l.until(() => l.source.counters.reconnects > 0 && l.gaps.length > 0, 20_000);
    const before = l.samples.length;
    await l.run(2000);
    expect(l.samples.length).toBeGreaterThan(before + 150);
    const gap = l.gaps[0]!;
    expect(gap.cause).toBe('link-lost');
    expect(gap.toS - gap.fromS).toBeGreaterThan(1.5);
    expect(l.samples.filter((s) => s.tS > gap.fromS && s.tS < gap.toS)).toEqual([]);
    for (let i = 1; i < l.samples.length; i++) expect(l.samples[i]!.tS).toBeGreaterThan(l.samples[i - 1]!.tS);
  }, 60_000);
});
