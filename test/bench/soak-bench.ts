/**
 * Soak: a long simulated session through the app's real live path, faster than real time, with
 * memory and handle counts sampled along the way.
 *
 *   simulated Roller sensor (electron/ble/sim-peripheral, our protocol) on simulated noble bindings
 *     → the real noble object model → BleSensorSource (frame decoder)
 *     → RollerApp (motion engine, live batcher, status ticks, coaching events)
 *     → SessionRecorder → SQLite (WAL, synchronous = FULL) in a temporary data folder
 *
 * Everything runs on a ManualScheduler driven with `advanceByAsync` (promise continuations and
 * the event loop get a turn after every timer), as fast as the CPU allows; the recorder's and
 * the app's clocks are that scheduler's, so flushes happen every 0.5 s of session time exactly
 * as in a real session.
 *
 * The rate: the app asks every sensor for 100 Hz (BleSensorSource's default; RollerApp passes
 * none). The simulated sensor here offers only the soak's rate (`supportedSampleRatesHz`), so
 * it answers the configuration write with that rate, as a real sensor substitutes the nearest
 * rate it supports; the app reads the configuration back and decodes at that rate.
 *
 * The motion: the peripheral plays the scenario (default: `ten-minute-mixed`, the app's own
 * demo scenario: rolling with rests, dwells, zone excursions, 3 % frame loss and a 2 s
 * drop-out per pass) and loops it for as long as the session runs (`endOfScenario: 'loop'`, its
 * default; loop r uses seed + r), so 8 hours are 48 passes with fresh noise.
 *
 * Sampled every `sampleEveryMin` of session time: process.memoryUsage() after a forced GC,
 * process.getActiveResourcesInfo() (handles and requests keeping the process alive: unref'd
 * timers such as the recorder's 250 ms tick are not listed), the ManualScheduler's pending
 * timers, the database and WAL file sizes, what the sensor sent, what the database holds, wall
 * time.
 *
 * Run on its own: SOAK_HOURS=8 npx tsx test/bench/soak-bench.ts
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import Database from 'better-sqlite3';
import { OFFSET_COUNT, OFFSET_SEQUENCE, SEQUENCE_MODULUS } from '../../sensor-protocol/frame/frame-layout';
import { IMU_STREAM_CHAR_UUID, toNobleUuid } from '../../sensor-protocol/gatt/gatt-profile';
import { openAppStore } from '../../electron/app/open-app-store';
import { RollerApp } from '../../electron/app/roller-app';
import { describeAdapterState } from '../../electron/ble/adapter-state';
import { ManualScheduler } from '../../electron/ble/scheduler';
import { createSimulatedNoble, type SimulatedNoble } from '../../electron/ble/sim-peripheral';
import type { CoachEvent } from '../../electron/motion/motion-types';
import { builtInScenario } from '../../electron/sim/scenario-catalog';
import { DATABASE_FILE_NAME } from '../../electron/session/data-dir';
import type { SessionStatus } from '../../electron/ipc/ipc-contract';

export interface SoakOptions {
  /** Simulated session length, h (default 8). */
  hours?: number;
  /** Sample rate the simulated sensor runs at, Hz (default 200). */
  rateHz?: number;
  /** Built-in scenario the sensor plays and loops (default `ten-minute-mixed`). */
  scenario?: string;
  /** Measurements every this many minutes of session time (default 15; an eighth of a session shorter than 2 h). */
  sampleEveryMin?: number;
  /** Simulated time per `advanceByAsync` call, ms (default 1000). */
  stepMs?: number;
  /** Data folder for the database (default: a new temporary folder, removed afterwards). */
  dataDir?: string;
  /** Called after each measurement (progress). */
  onSample?: (s: SoakSample) => void;
}

export interface SoakSample {
  /** Session time, h. */
  atH: number;
  /** Wall time since the session started, s. */
  wallS: number;
  /** Samples the sensor took (sequence numbers used, times samples per frame). */
  samplesTaken: number;
  /** Samples that reached the app over the air. */
  samplesDelivered: number;
  /** Samples in the database (frame batches). */
  samplesStored: number;
  trackPointsStored: number;
  eventsStored: number;
  /** Track points the app sent to its listeners ('live' batches). */
  livePoints: number;
  heapUsedB: number;
  rssB: number;
  externalB: number;
  arrayBuffersB: number;
  /** process.getActiveResourcesInfo().length, and by kind. */
  handles: number;
  handleKinds: Record<string, number>;
  /** ManualScheduler timers waiting to run. */
  pendingTimers: number;
  dbB: number;
  walB: number;
}

export interface SoakThresholds {
  heapMbPerH: number;
  arrayBuffersMbPerH: number;
  rssMbPerH: number;
  handlesPerH: number;
  pendingTimersPerH: number;
}

/** Growth below these (least-squares slopes after the warm-up) counts as flat. */
export const SOAK_THRESHOLDS: SoakThresholds = { heapMbPerH: 1, arrayBuffersMbPerH: 1, rssMbPerH: 4, handlesPerH: 0.25, pendingTimersPerH: 0.25 };

export interface SoakSlope {
  /** Least-squares slope over the samples at or after the warm-up, per hour. */
  perH: number;
  first: number;
  last: number;
  max: number;
  flat: boolean;
}

export interface SoakReport {
  hours: number;
  rateHz: number;
  scenario: string;
  /** The sensor's configuration as the app linked it (its description). */
  link: string;
  samples: SoakSample[];
  /** Samples at the nominal rate over the session (rate × duration). */
  nominalSamples: number;
  /** The same with the scenario's crystal error (the sensor samples at rate × (1 + e)). */
  expectedTaken: number;
  samplesTaken: number;
  samplesDelivered: number;
  samplesStored: number;
  /** Wall time of the streamed session (measurements included), s. */
  wallS: number;
  speedUp: number;
  /** Stopping the session (summary over the whole track, last flush), ms. */
  stopMs: number;
  warmUpH: number;
  heap: SoakSlope;
  arrayBuffers: SoakSlope;
  external: SoakSlope;
  rss: SoakSlope;
  handles: SoakSlope;
  pendingTimers: SoakSlope;
  /** Database file growth (WAL not included), bytes per hour: least squares over the whole session. */
  dbBytesPerH: number;
  /** Database + WAL once the app closed it, bytes. */
  dbFinalB: number;
  walMaxB: number;
  /** What the database holds for the session after the app stopped it. */
  stored: { endReason: string | null; frames: number; samples: number; trackPoints: number; events: number; summaryRollingS: number | null };
  coachEvents: Record<string, number>;
  lastStatus: SessionStatus | null;
  thresholds: SoakThresholds;
  flat: boolean;
}

const SESSION_EPOCH_MS = Date.UTC(2026, 2, 2, 6, 0, 0);
const MB = 1024 * 1024;

export async function runSoakBench(options: SoakOptions = {}): Promise<SoakReport> {
  const hours = options.hours ?? 8;
  const rateHz = options.rateHz ?? 200;
  const scenario = options.scenario ?? 'ten-minute-mixed';
  const sampleEveryMs = (options.sampleEveryMin ?? (hours >= 2 ? 15 : (hours * 60) / 8)) * 60_000;
  const stepMs = options.stepMs ?? 1000;
  const durationMs = hours * 3_600_000;
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'roller-soak-'));
  const gc = forcedGc();

  const scheduler = new ManualScheduler();
  const now = () => SESSION_EPOCH_MS + scheduler.nowMs();
  const imuUuid = toNobleUuid(IMU_STREAM_CHAR_UUID);
  const air = { counting: false, taken: 0, delivered: 0, lastSequence: -1 };
  let sim: SimulatedNoble | null = null;
  const store = openAppStore(dataDir, now);
  const app = new RollerApp({
    host: 'browser',
    scheduler,
    store,
    platform: 'linux',
    now: () => new Date(now()),
    loadSystemNoble: () => ({ ok: false, adapter: describeAdapterState('unavailable', 'linux', 'the soak uses the simulated roller') }),
    makeSimulatedNoble: (name) => {
      sim = createSimulatedNoble({ scheduler, peripherals: [{ kind: 'roller', scenario: name, localName: 'Roller (simulated)', supportedSampleRatesHz: [rateHz] }] });
      // Over the air: what the sensor sent (delivered) and the sequence numbers it used (taken).
      sim.bindings.on('read', (_id: string, _service: string, characteristic: string, data: Buffer, isNotification: boolean) => {
        if (!air.counting || !isNotification || characteristic !== imuUuid || data.length < 4) return;
        const count = data[OFFSET_COUNT]!;
        const sequence = data.readUInt16LE(OFFSET_SEQUENCE);
        const frames = air.lastSequence < 0 ? 1 : (sequence - air.lastSequence + SEQUENCE_MODULUS) % SEQUENCE_MODULUS;
        air.lastSequence = sequence;
        air.taken += frames * count;
        air.delivered += count;
      });
      const made = sim;
      return { noble: made.noble, dispose: () => made.dispose() };
    },
    remembered: store.remembered,
  });

  // What a host does with the app's events: hand them on (counted here, not kept).
  let livePoints = 0;
  const coachEvents: Record<string, number> = {};
  let lastStatus: SessionStatus | null = null;
  app.on('live', (p) => void (livePoints += p.points.length));
  app.on('coach', (e: CoachEvent) => void (coachEvents[e.kind] = (coachEvents[e.kind] ?? 0) + 1));
  app.on('session', (s) => void (lastStatus = s));
  app.on('snapshot', () => undefined);

  const samples: SoakSample[] = [];
  let wallStart = 0;
  let streamedWallMs = 0;
  let stopMs = 0;
  let link = '';
  let stored: ReturnType<typeof readSession>;
  const dbPath = join(dataDir, DATABASE_FILE_NAME);
  try {
    app.start();
    await scheduler.drive(app.handle('sensors.useSimulated', { scenario }));
    link = app.snapshot().connection.description ?? '';
    if (!link.includes(`${rateHz} Hz`)) throw new Error(`the simulated sensor did not link at ${rateHz} Hz: ${link}`);
    await scheduler.drive(app.handle('session.start', {}));
    air.counting = true;
    const sessionStartMs = scheduler.nowMs();
    wallStart = performance.now();

    const measure = (): void => {
      gc();
      gc();
      const m = process.memoryUsage();
      const kinds: Record<string, number> = {};
      const resources = process.getActiveResourcesInfo();
      for (const r of resources) kinds[r] = (kinds[r] ?? 0) + 1;
      const pendingTimers = scheduler.pendingTimers;
      const db = readStored(dbPath);
      const s: SoakSample = {
        atH: (scheduler.nowMs() - sessionStartMs) / 3_600_000,
        wallS: (performance.now() - wallStart) / 1000,
        samplesTaken: air.taken,
        samplesDelivered: air.delivered,
        samplesStored: db.samples,
        trackPointsStored: db.trackPoints,
        eventsStored: db.events,
        livePoints,
        heapUsedB: m.heapUsed,
        rssB: m.rss,
        externalB: m.external,
        arrayBuffersB: m.arrayBuffers,
        handles: resources.length,
        handleKinds: kinds,
        pendingTimers,
        dbB: fileSize(dbPath),
        walB: fileSize(`${dbPath}-wal`),
      };
      samples.push(s);
      options.onSample?.(s);
    };

    measure();
    const targets: number[] = [];
    for (let at = sampleEveryMs; at < durationMs - 1e-6; at += sampleEveryMs) targets.push(at);
    targets.push(durationMs);
    for (const at of targets) {
      const target = sessionStartMs + at;
      while (target - scheduler.nowMs() > 1e-6) await scheduler.advanceByAsync(Math.min(stepMs, target - scheduler.nowMs()));
      measure();
    }
    const wallEnd = performance.now();
    air.counting = false;
    const t = performance.now();
    await scheduler.drive(app.handle('session.stop', { reason: 'completed' }));
    stopMs = performance.now() - t;
    streamedWallMs = wallEnd - wallStart;
  } finally {
    // Disconnecting talks GATT to the sensor: simulated time has to move for it.
    await scheduler.drive(app.dispose());
    (sim as SimulatedNoble | null)?.dispose();
  }
  try {
    stored = readSession(dbPath);
  } finally {
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  }

  const last = samples.at(-1)!;
  const warmUpH = Math.min(1, hours / 4);
  const slope = (pick: (s: SoakSample) => number, scale: number, threshold: number): SoakSlope => {
    const after = samples.filter((s) => s.atH >= warmUpH - 1e-9);
    const perH = leastSquaresSlope(
      after.map((s) => s.atH),
      after.map((s) => pick(s) / scale),
    );
    const values = after.map((s) => pick(s) / scale);
    return { perH, first: values[0]!, last: values.at(-1)!, max: Math.max(...values), flat: perH < threshold };
  };
  const th = SOAK_THRESHOLDS;
  const heap = slope((s) => s.heapUsedB, MB, th.heapMbPerH);
  const arrayBuffers = slope((s) => s.arrayBuffersB, MB, th.arrayBuffersMbPerH);
  const external = slope((s) => s.externalB, MB, th.arrayBuffersMbPerH);
  const rss = slope((s) => s.rssB, MB, th.rssMbPerH);
  const handles = slope((s) => s.handles, 1, th.handlesPerH);
  const pendingTimers = slope((s) => s.pendingTimers, 1, th.pendingTimersPerH);
  const seconds = hours * 3600;
  const crystal = builtInScenario(scenario).errors.sampleRateErrorFraction;
  return {
    hours,
    rateHz,
    scenario,
    link,
    samples,
    nominalSamples: Math.round(rateHz * seconds),
    expectedTaken: Math.round(rateHz * (1 + crystal) * seconds),
    samplesTaken: last.samplesTaken,
    samplesDelivered: last.samplesDelivered,
    samplesStored: stored.samples,
    wallS: streamedWallMs / 1000,
    speedUp: seconds / (streamedWallMs / 1000),
    stopMs,
    warmUpH,
    heap,
    arrayBuffers,
    external,
    rss,
    handles,
    pendingTimers,
    dbBytesPerH: leastSquaresSlope(
      samples.map((s) => s.atH),
      samples.map((s) => s.dbB),
    ),
    dbFinalB: stored.fileB,
    walMaxB: Math.max(...samples.map((s) => s.walB)),
    stored: { endReason: stored.endReason, frames: stored.frames, samples: stored.samples, trackPoints: stored.trackPoints, events: stored.events, summaryRollingS: stored.summaryRollingS },
    coachEvents,
    lastStatus,
    thresholds: th,
    flat: heap.flat && arrayBuffers.flat && rss.flat && handles.flat && pendingTimers.flat,
  };
}

/** `gc()`: the global one under --expose-gc, else exposed now through V8's flags. */
function forcedGc(): () => void {
  const global = (globalThis as { gc?: () => void }).gc;
  if (typeof global === 'function') return global;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

export function leastSquaresSlope(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n < 2) return NaN;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : NaN;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** What the database holds so far, through a short-lived read-only connection (as the CLI would read it). */
function readStored(dbPath: string): { samples: number; frames: number; trackPoints: number; events: number } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const f = db.prepare('SELECT COALESCE(SUM(sample_count), 0) AS samples, COALESCE(SUM(frame_count), 0) AS frames FROM frame_batches').get() as { samples: number; frames: number };
    const t = db.prepare('SELECT COALESCE(SUM(point_count), 0) AS n FROM track_batches').get() as { n: number };
    const e = db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number };
    return { samples: f.samples, frames: f.frames, trackPoints: t.n, events: e.n };
  } finally {
    db.close();
  }
}

function readSession(dbPath: string): SoakReport['stored'] & { fileB: number } {
  const counts = readStored(dbPath);
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT end_reason, summary FROM sessions').all() as { end_reason: string | null; summary: string | null }[];
    if (rows.length !== 1) throw new Error(`expected one session in the soak database, found ${rows.length}`);
    const summary = rows[0]!.summary ? (JSON.parse(rows[0]!.summary) as { rollingS?: number }) : null;
    return { ...counts, endReason: rows[0]!.end_reason, summaryRollingS: summary?.rollingS ?? null, fileB: fileSize(dbPath) + fileSize(`${dbPath}-wal`) };
  } finally {
    db.close();
  }
}

export function formatSoakBench(r: SoakReport): string {
  const mb = (b: number) => (b / MB).toFixed(1);
  const int = (v: number) => Math.round(v).toLocaleString('en-US');
  const slope = (s: SoakSlope, unit: string, d = 2) => `${s.perH >= 0 ? '+' : ''}${s.perH.toFixed(d)} ${unit}/h`;
  const kinds = (k: Record<string, number>) =>
    Object.entries(k)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, n]) => `${name}×${n}`)
      .join(' ');
  // Whole hours for a long soak; every measurement for a short look.
  const rows = r.hours >= 2 ? r.samples.filter((s, i) => Math.abs(s.atH - Math.round(s.atH)) < 1e-9 || i === r.samples.length - 1) : r.samples;
  const lines = [
    `\n## Soak (${r.hours} h simulated at ${r.rateHz} Hz through the app's live path: simulated sensor → noble → BleSensorSource → RollerApp → SQLite; ManualScheduler, as fast as the CPU allows)`,
    `link: ${r.link}; scenario ${r.scenario} looped (${(r.hours * 6).toFixed(0)} passes of 10 min); memory after a forced GC`,
    '    h |  wall s | samples stored | heap MB |  rss MB | arrayBuf MB | handles | timers | db MB | wal MB | resources',
  ];
  for (const s of rows) {
    lines.push(
      `${s.atH.toFixed(2).padStart(5)} | ${s.wallS.toFixed(1).padStart(7)} | ${int(s.samplesStored).padStart(14)} | ${mb(s.heapUsedB).padStart(7)} | ${mb(s.rssB).padStart(7)} | ${mb(s.arrayBuffersB).padStart(11)} | ${String(s.handles).padStart(7)} | ${String(s.pendingTimers).padStart(6)} | ${mb(s.dbB).padStart(5)} | ${mb(s.walB).padStart(6)} | ${kinds(s.handleKinds)}`,
    );
  }
  const lossPct = r.samplesTaken > 0 ? ((r.samplesTaken - r.samplesDelivered) / r.samplesTaken) * 100 : NaN;
  const stored = r.stored;
  lines.push(
    `samples: ${int(r.samplesStored)} stored, ${int(r.samplesDelivered)} delivered over the air, ${int(r.samplesTaken)} taken by the sensor (expected ${int(r.expectedTaken)} = ${r.rateHz} Hz × ${r.hours} h × the scenario's crystal error; ${int(r.nominalSamples)} at the nominal rate); ${lossPct.toFixed(2)} % lost in the air by the scenario's frame loss and drop-outs`,
    `speed: ${int(r.hours * 3600)} s of session in ${r.wallS.toFixed(1)} s wall = ${r.speedUp.toFixed(0)}× real time (measurements included); stopping the session (summary over the whole track, last flush) ${r.stopMs.toFixed(0)} ms`,
    `heap: ${r.heap.first.toFixed(1)} MB at ${r.warmUpH} h, ${r.heap.last.toFixed(1)} MB at ${r.hours} h (max ${r.heap.max.toFixed(1)}); slope after ${r.warmUpH} h ${slope(r.heap, 'MB')} (flat below ${r.thresholds.heapMbPerH} MB/h)`,
    `array buffers: ${r.arrayBuffers.first.toFixed(1)} → ${r.arrayBuffers.last.toFixed(1)} MB, slope ${slope(r.arrayBuffers, 'MB')} (flat below ${r.thresholds.arrayBuffersMbPerH} MB/h); external ${r.external.first.toFixed(1)} → ${r.external.last.toFixed(1)} MB, ${slope(r.external, 'MB')}`,
    `rss: ${r.rss.first.toFixed(1)} → ${r.rss.last.toFixed(1)} MB (max ${r.rss.max.toFixed(1)}), slope ${slope(r.rss, 'MB')} (flat below ${r.thresholds.rssMbPerH} MB/h)`,
    `handles (active resources): first ${r.handles.first}, last ${r.handles.last}, max ${r.handles.max}, slope ${slope(r.handles, '', 3)}; ManualScheduler timers pending: first ${r.pendingTimers.first}, last ${r.pendingTimers.last}, max ${r.pendingTimers.max}`,
    `database: ${(r.dbBytesPerH / MB).toFixed(2)} MB per hour of session (file growth, least squares), ${mb(r.dbFinalB)} MB once closed = ${(r.dbFinalB / MB / r.hours).toFixed(2)} MB per hour; WAL at most ${mb(r.walMaxB)} MB; holds the session: ${stored.endReason ?? 'not ended'}, ${int(stored.frames)} frames / ${int(stored.samples)} samples, ${int(stored.trackPoints)} track points, ${int(stored.events)} events, rolling ${stored.summaryRollingS === null ? 'n/a' : `${(stored.summaryRollingS / 3600).toFixed(2)} h`}`,
    `coaching events sent: ${kinds(r.coachEvents)}; status: rolling ${((r.lastStatus?.figures?.rollingS ?? NaN) / 3600).toFixed(2)} h of ${((r.lastStatus?.elapsedS ?? NaN) / 3600).toFixed(2)} h, today ${((r.lastStatus?.todayRollingS ?? NaN) / 60).toFixed(0)} min against a ${((r.lastStatus?.dailyBudgetS ?? NaN) / 60).toFixed(0)} min budget`,
    `verdict: ${r.flat ? 'flat' : 'GROWS'} (heap ${r.heap.flat ? 'flat' : 'GROWS'}, array buffers ${r.arrayBuffers.flat ? 'flat' : 'GROWS'}, rss ${r.rss.flat ? 'flat' : 'GROWS'}, handles ${r.handles.flat ? 'flat' : 'GROWS'}, timers ${r.pendingTimers.flat ? 'flat' : 'GROWS'}; least-squares slopes after ${r.warmUpH} h of warm-up)`,
  );
  return lines.join('\n');
}

/** Hours from SOAK_HOURS (default 8). */
export function soakHoursFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['SOAK_HOURS'];
  if (raw === undefined || raw === '') return 8;
  const h = Number(raw);
  if (!Number.isFinite(h) || h <= 0) throw new Error(`SOAK_HOURS must be a positive number of hours, got "${raw}"`);
  return h;
}

// Run on its own: SOAK_HOURS=8 npx tsx test/bench/soak-bench.ts
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const hours = soakHoursFromEnv();
  const report = await runSoakBench({
    hours,
    onSample: (s) => process.stderr.write(`soak: ${s.atH.toFixed(2)} h simulated, ${s.wallS.toFixed(0)} s wall, heap ${(s.heapUsedB / MB).toFixed(1)} MB\n`),
  });
  console.log(formatSoakBench(report));
}
