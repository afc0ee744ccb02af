/**
 * The fault drills' harness: the app's services (RollerApp) wired the way the composition root
 * (electron/app/create-roller-app.ts) wires them — the session database in a data folder through
 * openAppStore, the remembered sensor in it, the Bluetooth source on noble — except that the
 * "system" noble is the real noble object model on simulated bindings with one simulated Roller
 * sensor, and every clock is one ManualScheduler. Time only moves when a drill says so.
 *
 * The scheduler's origin is the drill's wall-clock start ({@link DRILL_T0} unless told): the app's clock
 * (`now`), the recorder's clock and the Bluetooth arrival times then read the same time base.
 *
 * `received` keeps every data notification the host's Bluetooth stack got (the bindings' notify
 * events, which noble turns into the characteristic's `data`), marked with whether a session
 * was running: what the app was given, to compare with what it stored.
 */
import { screeningAnswers } from '../support/screening-answers';
import { mkdirSync } from 'node:fs';
import { openAppStore, type OpenedAppStore } from '../../electron/app/open-app-store';
import { RollerApp } from '../../electron/app/roller-app';
import { ManualScheduler } from '../../electron/ble/scheduler';
import { createSimulatedNoble, type FaultPlan, type SimulatedNoble, type SimulatedRollerPeripheral } from '../../electron/ble/sim-peripheral';
import type { ScenarioChoice } from '../../electron/ble/sim-peripheral/scenario-choice';
import { type EventName, type EventPayload, type SessionStatus } from '../../electron/ipc/ipc-contract';
import { IMU_STREAM_CHAR_UUID, toNobleUuid } from '../../sensor-protocol/gatt/gatt-profile';

/** Wall-clock time at the drill's start, ms since 1970. */
export const DRILL_T0 = Date.parse('2026-03-02T07:30:00Z');
/** noble's id of the simulated sensor (its address without colons). */
export const SENSOR_ID = 'c45243000001';

const IMU_CHAR = toNobleUuid(IMU_STREAM_CHAR_UUID);

export interface DrillOptions {
  dataDir: string;
  /** A built-in scenario name or a scenario object for the simulated sensor. */
  scenario: ScenarioChoice;
  seed?: number;
  faults?: FaultPlan;
  /** What the sensor does at the end of its scenario: play it again (default) or stop streaming. */
  endOfScenario?: 'loop' | 'stop';
  /** Wall-clock time the app starts at, ms since 1970 (default {@link DRILL_T0}). */
  startAtMs?: number;
  /** The sensor is switched on this long before the app starts, ms (its clock counts from power-on). */
  sensorOnBeforeMs?: number;
}

export interface ReceivedNotification {
  bytes: Uint8Array;
  atMs: number;
  inSession: boolean;
}

export type SeenEvents = { [N in EventName]: EventPayload<N>[] };

export interface Drill {
  scheduler: ManualScheduler;
  sim: SimulatedNoble;
  roller: SimulatedRollerPeripheral;
  /** World time the sensor was switched on, ms. */
  sensorOnAtMs: number;
  app: RollerApp;
  store: OpenedAppStore;
  seen: SeenEvents;
  received: ReceivedNotification[];
  /** Drives simulated time until `p` settles. */
  run<T>(p: Promise<T>, maxMs?: number): Promise<T>;
  /** Advances simulated time in steps until `cond` holds; throws after `maxMs`. */
  until(cond: () => boolean, maxMs?: number, stepMs?: number): Promise<void>;
  /** Pairs with the sensor as the user does (Connect on the pairing screen), waits until it streams. */
  connect(): Promise<void>;
  startSession(): Promise<SessionStatus>;
  stopSession(reason?: 'completed' | 'stopped: pain'): Promise<SessionStatus>;
  /** Quits the app (finishes a running session, closes the store) and stops the simulated stack. */
  dispose(): Promise<void>;
}

export function startDrill(o: DrillOptions): Drill {
  mkdirSync(o.dataDir, { recursive: true });
  const scheduler = new ManualScheduler((o.startAtMs ?? DRILL_T0) - (o.sensorOnBeforeMs ?? 0));
  const sensorOnAtMs = scheduler.nowMs();
  const sim = createSimulatedNoble({
    scheduler,
    peripherals: [
      {
        kind: 'roller',
        scenario: o.scenario,
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        ...(o.faults ? { faults: o.faults } : {}),
        ...(o.endOfScenario ? { endOfScenario: o.endOfScenario } : {}),
      },
    ],
  });
  const roller = sim.peripherals[0] as SimulatedRollerPeripheral;
  if (o.sensorOnBeforeMs) scheduler.advanceBy(o.sensorOnBeforeMs);

  const now = () => scheduler.nowMs();
  const store = openAppStore(o.dataDir, now);
  const app = new RollerApp({
    host: 'browser',
    scheduler,
    store,
    platform: 'linux',
    now: () => new Date(now()),
    loadSystemNoble: () => ({ ok: true, noble: sim.noble }),
    makeSimulatedNoble: () => {
      throw new Error('the drills pair with the sensor over the system Bluetooth');
    },
    remembered: store.remembered,
  });
  const seen: SeenEvents = { snapshot: [], live: [], coach: [], prompt: [], session: [], calibration: [], progress: [] };
  for (const name of Object.keys(seen) as EventName[]) app.on(name, (p) => (seen[name] as unknown[]).push(p));

  const received: ReceivedNotification[] = [];
  let inSession = false;
  sim.bindings.on('read', (_id: string, _svc: string, char: string, data: Buffer, isNotification: boolean) => {
    if (isNotification && char === IMU_CHAR) received.push({ bytes: new Uint8Array(data), atMs: scheduler.nowMs(), inSession });
  });

  const run = <T>(p: Promise<T>, maxMs?: number) => scheduler.drive(p, maxMs);
  const until = async (cond: () => boolean, maxMs = 60_000, stepMs = 100) => {
    const end = scheduler.nowMs() + maxMs;
    while (!cond()) {
      if (scheduler.nowMs() >= end) throw new Error(`condition not met within ${maxMs} ms of simulated time`);
      await scheduler.advanceByAsync(stepMs);
    }
  };

  app.start();
  const drill: Drill = {
    scheduler,
    sim,
    roller,
    sensorOnAtMs,
    app,
    store,
    seen,
    received,
    run,
    until,
    async connect() {
      await until(() => app.snapshot().adapter.state === 'poweredOn', 5_000, 10);
      await run(app.handle('screening.submit', screeningAnswers()));
      await run(app.handle('sensors.connect', { id: SENSOR_ID }));
      await until(() => app.snapshot().connection.name === 'streaming', 20_000, 10);
    },
    async startSession() {
      const started = app.handle('session.start', {});
      inSession = true; // the session starts synchronously, between two notifications
      return run(started);
    },
    async stopSession(reason = 'completed') {
      const stopped = app.handle('session.stop', { reason });
      inSession = false;
      return run(stopped);
    },
    async dispose() {
      inSession = false;
      await run(app.dispose());
      sim.dispose();
    },
  };
  return drill;
}
