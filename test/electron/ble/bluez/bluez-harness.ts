/**
 * The D-Bus tests' rig: a private dbus-daemon with the fake BlueZ on it (clock scaled ×speed),
 * and the app's BleSensorSource on noble with the BlueZ bindings, pointed at that bus through
 * DBUS_SYSTEM_BUS_ADDRESS, as a user would. Waits are for conditions, bounded in real time.
 */
import type { ImuSample } from '../../../../sensor-protocol/imu-sample';
import { BleSensorSource, type SourceGap } from '../../../../electron/ble/ble-sensor-source';
import { loadBluezNoble } from '../../../../electron/ble/bluez/bluez-noble';
import type { ConnectionState } from '../../../../electron/ble/connection-machine';
import { startFakeBluezSession, type FakeBluezSession, type FakeBluezSessionOptions } from '../../../../electron/ble/fake-bluez';
import { memoryRememberedSensorStore } from '../../../../electron/ble/remembered-sensor';
import { realScheduler } from '../../../../electron/ble/scheduler';

export interface Rig {
  session: FakeBluezSession;
  source: BleSensorSource;
  samples: ImuSample[];
  gaps: SourceGap[];
  states: ConnectionState[];
  notes: string[];
  stop(): Promise<void>;
}

export async function startRig(options: FakeBluezSessionOptions & { sampleRateHz?: number } = {}): Promise<Rig> {
  const { sampleRateHz = 100, ...sessionOptions } = options;
  const session = await startFakeBluezSession({ speed: 20, ...sessionOptions });
  process.env.DBUS_SYSTEM_BUS_ADDRESS = session.address;
  const load = loadBluezNoble();
  const source = new BleSensorSource({ loadNoble: () => load, scheduler: realScheduler, sampleRateHz, remembered: memoryRememberedSensorStore() });
  const rig: Rig = {
    session,
    source,
    samples: [],
    gaps: [],
    states: [],
    notes: [],
    async stop() {
      await source.dispose();
      if (load.ok) load.dispose?.();
      await session.stop();
    },
  };
  source.on('samples', (s) => rig.samples.push(...s));
  source.on('gap', (g) => rig.gaps.push(g));
  source.on('connection', (c) => rig.states.push(c));
  source.on('note', (n) => rig.notes.push(n));
  source.start();
  return rig;
}

/** Resolves when `cond` holds; fails after `maxMs` of real time saying what was awaited. */
export async function until(what: string, cond: () => boolean, maxMs = 20_000): Promise<void> {
  const end = performance.now() + maxMs;
  while (!cond()) {
    if (performance.now() > end) throw new Error(`waited ${maxMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Scans, connects to the first sensor listed, and waits for it to stream. */
export async function connectFirst(rig: Rig): Promise<string> {
  await until('the adapter to be on', () => rig.source.adapter.state === 'poweredOn');
  await rig.source.startScan();
  await until('a sensor in the list', () => rig.source.deviceList.length > 0);
  const id = rig.source.deviceList[0]!.id;
  await rig.source.connect(id);
  await until('streaming', () => rig.source.connection.name === 'streaming');
  return id;
}

/** Sensor seconds covered by the samples received. */
export function spanS(samples: readonly ImuSample[]): number {
  return samples.length < 2 ? 0 : samples[samples.length - 1]!.tS - samples[0]!.tS;
}

/** Places where consecutive samples are further apart than 1.5 sample periods. */
export function holes(samples: readonly ImuSample[], rateHz: number): number {
  let n = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i]!.tS - samples[i - 1]!.tS > 1.5 / rateHz) n++;
  return n;
}

export function inOrder(samples: readonly ImuSample[]): boolean {
  return samples.every((s, i) => i === 0 || s.tS > samples[i - 1]!.tS);
}
