/**
 * The loop with the app, on a manual clock: simulated roller → LSM6DS3TR-C model → firmware core
 * → link model (the C host loop) → notifications → the real noble object model → BleSensorSource
 * (frame decoder) → motion engine. Used by the loop test and the bench.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { BleSensorSource, type SourceGap } from '../../electron/ble/ble-sensor-source';
import { ManualScheduler } from '../../electron/ble/scheduler';
import { buildFirmwareLoop, createSimulatedNoble, type SimulatedFirmwareRollerPeripheral, type SimulatedNoble } from '../../electron/ble/sim-peripheral';
import type { SensorStatus } from '../../sensor-protocol/gatt/sensor-status';
import { analyzeSamples } from '../../electron/motion/motion-engine';
import { motionSettings, type MotionSettings } from '../../electron/motion/motion-settings';
import { EVENT_KINDS } from '../../electron/motion/motion-types';
import { truthEvents } from '../../electron/sim/truth-events';
import type { SimulationResult } from '../../electron/sim/simulate';
import { emptyScore, f1, scoreEvents } from '../bench/event-matching';
import { interpolate } from '../bench/position-track';

export interface LoopOptions {
  scenario: string;
  rateHz: number;
  connectionIntervalMs?: number;
  seed?: number;
}

export interface Loop {
  scheduler: ManualScheduler;
  sim: SimulatedNoble;
  source: BleSensorSource;
  roller: SimulatedFirmwareRollerPeripheral;
  samples: ImuSample[];
  /** Scheduler ms at which each entry of `samples` reached the app. */
  arrivalMs: number[];
  gaps: SourceGap[];
  statuses: SensorStatus[];
  until(cond: () => boolean, maxMs?: number): Promise<void>;
  /** Runs simulated time for `ms`. */
  run(ms: number): Promise<void>;
  dispose(): Promise<void>;
}

/** Builds the host loop; throws the build's message (no compiler: the command that installs one). */
export function firmwareExecutable(): string {
  const built = buildFirmwareLoop();
  if (!built.ok) throw new Error(built.message);
  return built.executable;
}

/** Connects the app to the firmware roller and waits until it streams. */
export async function startLoop(o: LoopOptions): Promise<Loop> {
  const scheduler = new ManualScheduler();
  const sim = createSimulatedNoble({
    scheduler,
    peripherals: [{ kind: 'firmware-roller', scenario: o.scenario, seed: o.seed, executable: firmwareExecutable(), feedRateHz: o.rateHz, connectionIntervalMs: o.connectionIntervalMs ?? 15 }],
  });
  const source = new BleSensorSource({ loadNoble: () => ({ ok: true, noble: sim.noble }), scheduler, sampleRateHz: o.rateHz });
  const loop: Loop = {
    scheduler,
    sim,
    source,
    roller: sim.peripherals[0] as SimulatedFirmwareRollerPeripheral,
    samples: [],
    arrivalMs: [],
    gaps: [],
    statuses: [],
    async until(cond, maxMs = 30_000) {
      const end = scheduler.nowMs() + maxMs;
      while (!cond()) {
        if (loop.roller.failed) throw new Error(loop.roller.failed);
        if (scheduler.nowMs() >= end) throw new Error(`condition not met within ${maxMs} ms of simulated time`);
        await scheduler.advanceByAsync(50);
      }
    },
    async run(ms) {
      const end = scheduler.nowMs() + ms;
      await loop.until(() => scheduler.nowMs() >= end, ms + 100);
    },
    async dispose() {
      await scheduler.drive(source.dispose(), 5000).catch(() => undefined);
      sim.dispose();
    },
  };
  source.on('samples', (s) => {
    for (const x of s) {
      loop.samples.push(x);
      loop.arrivalMs.push(scheduler.nowMs());
    }
  });
  source.on('gap', (g) => loop.gaps.push(g));
  source.on('status', (s) => loop.statuses.push(s));
  source.start();
  await loop.until(() => source.adapter.state === 'poweredOn');
  await scheduler.drive(source.startScan());
  await loop.until(() => source.deviceList.length > 0);
  void source.connect(source.deviceList[0]!.id);
  await loop.until(() => source.connection.name === 'streaming' && loop.roller.sessionStartLoopS !== null);
  return loop;
}

export interface Accuracy {
  positionRmsCm: number;
  speedRmsInPerS: number;
  eventF1: number;
  samples: number;
}

export function settingsFor(sim: SimulationResult): MotionSettings {
  return motionSettings({ rollerDiameterIn: sim.meta.rollerDiameterIn, neckAboveCm: sim.meta.spineMap.neckAboveCm, lumbarBelowCm: sim.meta.spineMap.lumbarBelowCm });
}

/** The engine on `samples` (times on the truth's clock) against the simulation's truth, as the accuracy bench scores it. */
export function accuracyOf(samples: readonly ImuSample[], sim: SimulationResult): Accuracy {
  const settings = settingsFor(sim);
  const a = analyzeSamples(samples, settings);
  const tr = sim.truth.track;
  const hp = { i: 0 };
  const hv = { i: 0 };
  let posSq = 0;
  let speedSq = 0;
  const n = a.track.length;
  for (let i = 0; i < n; i++) {
    const t = a.track.t[i]!;
    const dp = a.track.positionCm[i]! - interpolate(tr.tS, tr.positionCm, t, hp);
    const dv = a.track.speedInPerS[i]! - interpolate(tr.tS, tr.speedInPerS, t, hv);
    posSq += dp * dp;
    speedSq += dv * dv;
  }
  const truth = truthEvents(tr, settings);
  let all = emptyScore();
  for (const k of EVENT_KINDS) if (k !== 'time-budget') all = scoreEvents(a.events, truth, k, all);
  return { positionRmsCm: Math.sqrt(posSq / n), speedRmsInPerS: Math.sqrt(speedSq / n), eventF1: f1(all), samples: samples.length };
}
