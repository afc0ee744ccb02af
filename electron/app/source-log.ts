/**
 * What a sensor source tells the support log: adapter states, scans (start, stop, how many
 * sensors found), connection transitions, reconnects, gaps, and rejected frames. Rejected frames
 * and gaps can come in floods: the first of a burst is written, then at most one summary line
 * per {@link SUMMARY_EVERY_MS} (how many, and why), so a broken sensor cannot fill the log.
 * Only the sensor's id identifies anything. Used by the app (sensor-sources.ts) and by the
 * `roller scan` and `record` commands.
 */
import type { AdapterState } from '../ble/adapter-state';
import type { ConnectionState } from '../ble/connection-machine';
import type { Scheduler } from '../ble/scheduler';
import type { SensorSourceEvents } from '../sources/sensor-source';
import type { SupportLog } from './support-log';

/** Rejected frames and gaps after the first of a burst are summed up this often at most, ms. */
export const SUMMARY_EVERY_MS = 10_000;

/** The events this listens to (a BleSensorSource has them all; a replay has no adapter or devices). */
export interface LoggableSource {
  on<K extends keyof SensorSourceEvents>(event: K, fn: (value: SensorSourceEvents[K]) => void): () => void;
}

export interface BluetoothEvents {
  onAdapter(fn: (a: AdapterState) => void): () => void;
  /** How many sensors the scan has found so far. */
  devicesFound(): number;
}

/**
 * Counts a flood: `hit` writes the first of a burst at once and sums up the rest once per
 * interval; `flush` writes what is pending now (on dispose).
 */
export class FloodSummary {
  private pending = 0;
  private readonly reasons = new Map<string, number>();
  private timer: unknown = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly first: (reason: string) => void,
    private readonly summary: (count: number, reasons: string) => void,
    private readonly everyMs = SUMMARY_EVERY_MS,
  ) {}

  hit(reason: string): void {
    if (this.timer === null) {
      this.first(reason);
      this.timer = this.scheduler.setTimeout(() => this.tick(), this.everyMs);
      return;
    }
    this.pending++;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  flush(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    this.write();
  }

  private tick(): void {
    this.timer = null;
    // Another burst within the next interval is summed up again, not written line by line.
    if (this.write()) this.timer = this.scheduler.setTimeout(() => this.tick(), this.everyMs);
  }

  private write(): boolean {
    if (this.pending === 0) return false;
    const reasons = [...this.reasons].map(([r, n]) => `${r} ×${n}`).join(', ');
    this.summary(this.pending, reasons);
    this.pending = 0;
    this.reasons.clear();
    return true;
  }
}

function connectionFields(c: ConnectionState, withId: boolean): Record<string, string | number> {
  return { state: c.name, ...('deviceId' in c && withId ? { sensor: c.deviceId } : {}), ...('attempt' in c ? { attempt: c.attempt } : {}), ...('reason' in c ? { reason: c.reason } : {}) };
}

/** Logs one source's events; returns how to stop (and write any pending summary). */
export function logSourceEvents(source: LoggableSource, o: { log: SupportLog; scheduler: Scheduler; label: string; bluetooth?: BluetoothEvents }): () => void {
  const { log, label } = o;
  // A replay's "id" is its file's name: a name the user chose, kept out of the log.
  const withId = label !== 'replay';
  let was: ConnectionState['name'] = 'idle';
  const rejected = new FloodSummary(
    o.scheduler,
    (reason) => log.warn('rejected frame', { source: label, reason }),
    (count, reasons) => log.warn('more rejected frames', { source: label, count, reasons, withinMs: SUMMARY_EVERY_MS }),
  );
  const gaps = new FloodSummary(
    o.scheduler,
    (cause) => log.warn('gap in the samples', { source: label, cause }),
    (count, causes) => log.warn('more gaps in the samples', { source: label, count, causes, withinMs: SUMMARY_EVERY_MS }),
  );
  const offs = [
    source.on('connection', (c) => {
      if (c.name === was) return;
      if (was === 'scanning' && o.bluetooth) log.info('scan stopped', { source: label, found: o.bluetooth.devicesFound() });
      if (c.name === 'scanning') log.info('scan started', { source: label });
      else if (c.name === 'streaming' && was === 'reconnecting') log.info('reconnected', { source: label, ...connectionFields(c, withId) });
      else log[c.name === 'reconnecting' || c.name === 'lost' ? 'warn' : 'info']('connection', { source: label, from: was, ...connectionFields(c, withId) });
      was = c.name;
    }),
    source.on('gap', (g) => gaps.hit(g.cause)),
    source.on('rejected', (r) => rejected.hit(r.reason)),
  ];
  if (o.bluetooth) offs.push(o.bluetooth.onAdapter((a) => log[a.state === 'poweredOn' || a.state === 'unknown' ? 'info' : 'warn']('adapter', { source: label, state: a.state, why: a.message })));
  return () => {
    for (const off of offs.splice(0)) off();
    rejected.flush();
    gaps.flush();
  };
}
