/**
 * Pairs the app with the first Roller sensor its system Bluetooth finds, as a user would on the
 * Pair screen (Scan, then pick it), through the app's own requests: waits for the adapter to be
 * on, scans, connects to the first roller listed and waits until it streams. The demo on the
 * fake BlueZ (`npm run demo -- --fake-bluez`, `roller demo --fake-bluez`) uses it, so the
 * simulated roller comes in through the real D-Bus path. Every wait is bounded; a timeout says
 * what it was waiting for.
 */
import type { Scheduler } from '../ble/scheduler';
import type { AppSnapshot } from '../ipc/ipc-contract';
import type { RollerApp } from './roller-app';

export interface PairFirstRollerOptions {
  scheduler: Scheduler;
  /** How long each step may take, ms (default 20 s). */
  stepTimeoutMs?: number;
}

/** Resolves with the sensor's id once it streams; rejects naming the step that did not happen. */
export async function pairFirstRoller(app: Pick<RollerApp, 'snapshot' | 'on' | 'handle'>, o: PairFirstRollerOptions): Promise<string> {
  const ms = o.stepTimeoutMs ?? 20_000;
  await until(app, o.scheduler, ms, 'the Bluetooth adapter to be on', (s) => (s.adapter.state === 'poweredOn' ? true : null));
  await app.handle('sensors.scan', { on: true });
  const id = await until(app, o.scheduler, ms, 'a Roller sensor to show up in the scan', (s) => s.devices.find((d) => d.kind === 'roller')?.id ?? null);
  await app.handle('sensors.connect', { id });
  await until(app, o.scheduler, ms, `the sensor ${id} to stream`, (s) => {
    if (s.connection.source === 'ble' && s.connection.name === 'streaming') return true;
    if (s.connection.name === 'lost') throw new Error(`could not connect to ${id}: ${s.connection.reason ?? 'lost'}`);
    return null;
  });
  return id;
}

/** The first non-null `pick` of a snapshot (the current one, then each pushed), within `ms`. */
function until<T>(app: Pick<RollerApp, 'snapshot' | 'on'>, scheduler: Scheduler, ms: number, what: string, pick: (s: AppSnapshot) => T | null): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let off: () => void = () => undefined;
    let timer: unknown = null;
    let done = false;
    const check = (s: AppSnapshot) => {
      if (done) return;
      let value: T | null;
      try {
        value = pick(s);
      } catch (err) {
        finish();
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      if (value === null) return;
      finish();
      resolve(value);
    };
    function finish() {
      done = true;
      off();
      scheduler.clearTimeout(timer);
    }
    timer = scheduler.setTimeout(() => {
      finish();
      const a = app.snapshot().adapter;
      reject(new Error(`waited ${ms / 1000} s for ${what} (Bluetooth: ${a.state}${a.message ? `, ${a.message}` : ''})`));
    }, ms);
    off = app.on('snapshot', check);
    check(app.snapshot());
  });
}
