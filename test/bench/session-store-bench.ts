/**
 * The session store, measured: write throughput through the SessionRecorder (samples per second
 * sustained, with its real flush cadence and with size-based flushes only), the longest time one
 * append blocks the caller (a flush happens inside it), and bytes on disk per 10 minutes at
 * 100 Hz: raw frames (one sample per frame, the worst case) + 25 Hz track + events, and the same
 * session imported from a CSV (stored samples). Also: import, export, re-analysis and open times.
 *
 * Real SQLite files in a temporary folder (WAL, synchronous = FULL), one core.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FrameDecoder } from '../../sensor-protocol/frame/frame-decoder';
import { formatRecordingCsv } from '../../sensor-protocol/recording/recording-csv-writer';
import { MotionEngine } from '../../electron/motion/motion-engine';
import { motionSettings } from '../../electron/motion/motion-settings';
import type { CoachEvent, TrackPoint } from '../../electron/motion/motion-types';
import { builtInScenario } from '../../electron/sim/scenario-catalog';
import { simulate, type SimulationResult } from '../../electron/sim/simulate';
import { openSessionStore } from '../../electron/session/open-session-store';
import { exportSessionFiles } from '../../electron/session/session-export';
import { importRecordingText } from '../../electron/session/session-import';
import { reanalyzeSession } from '../../electron/session/session-reanalysis';
import { SessionRecorder } from '../../electron/session/session-recorder';

export const SESSION_BYTES_TARGET_PER_10_MIN = 2 * 1024 * 1024;

export interface SessionStoreBenchResult {
  /** Length of the simulated session, s. */
  sessionS: number;
  samples: number;
  frames: number;
  /** Recorder with its live cadence (flush every 0.5 s of session time), fed as fast as possible. */
  writeSamplesPerS: number;
  /** The same, as a multiple of real time. */
  writeRealTimeFactor: number;
  flushes: number;
  /** Longest single append call (including the flush inside it), ms. */
  maxAppendMs: number;
  p99AppendMs: number;
  /** Recorder with size-based flushes only (256 KiB), e.g. a replay stored at full speed. */
  burstSamplesPerS: number;
  /** Database + WAL after a checkpoint, per 10 minutes of session. */
  bytesPer10Min: number;
  frameBlobBytesPer10Min: number;
  trackBlobBytesPer10Min: number;
  /** The same session imported from a recording CSV (samples stored instead of frames). */
  importedBytesPer10Min: number;
  importMs: number;
  exportMs: number;
  reanalyzeMs: number;
  /** Opening the database holding both sessions (integrity check included). */
  openMs: number;
}

interface Prepared {
  sim: SimulationResult;
  points: TrackPoint[][];
  events: CoachEvent[][];
}

/** The live engine's output per frame, computed up front so only the store is timed. */
function prepare(): Prepared {
  const sc = builtInScenario('ten-minute-mixed');
  const sim = simulate({ ...sc, sensor: { ...sc.sensor, samplesPerFrame: 1 } });
  const decoder = new FrameDecoder(sim.meta.sensorConfig);
  let p: TrackPoint[] = [];
  let e: CoachEvent[] = [];
  const engine = new MotionEngine(settingsOf(sim), { track: (x) => p.push(x), event: (x) => e.push(x) });
  const points: TrackPoint[][] = [];
  const events: CoachEvent[][] = [];
  for (const frame of sim.frames) {
    const r = decoder.push(frame);
    if (r.ok) for (const s of r.samples) engine.push(s);
    points.push(p);
    events.push(e);
    p = [];
    e = [];
  }
  return { sim, points, events };
}

function settingsOf(sim: SimulationResult) {
  return motionSettings({ rollerDiameterIn: sim.meta.rollerDiameterIn, neckAboveCm: sim.meta.spineMap.neckAboveCm, lumbarBelowCm: sim.meta.spineMap.lumbarBelowCm });
}

function record(dir: string, prep: Prepared, live: boolean): { ms: number; flushes: number; appendMs: Float64Array; id: number } {
  const { store } = openSessionStore({ dataDir: dir });
  const { sim } = prep;
  const t0 = Date.parse('2025-03-01T18:30:00Z');
  const clock = { now: t0 };
  const rec = new SessionRecorder(store, { clock: () => clock.now });
  const id = rec.start({ source: 'simulator', settings: settingsOf(sim), sensorConfig: sim.meta.sensorConfig, startedAt: t0 });
  const appendMs = new Float64Array(sim.frames.length);
  let nextTick = t0 + 250;
  const started = performance.now();
  for (let i = 0; i < sim.frames.length; i++) {
    const a = performance.now();
    if (live) {
      clock.now = t0 + sim.frameArrivalS[i]! * 1000;
      if (clock.now >= nextTick) {
        rec.tick();
        nextTick += 250;
      }
    }
    rec.appendFrames([sim.frames[i]!], [clock.now]);
    const pts = prep.points[i]!;
    if (pts.length > 0) rec.appendTrack(pts);
    const ev = prep.events[i]!;
    if (ev.length > 0) rec.appendEvents(ev);
    appendMs[i] = performance.now() - a;
  }
  rec.finish({ endReason: 'completed' });
  const ms = performance.now() - started;
  const flushes = rec.stats.flushes;
  store.close();
  return { ms, flushes, appendMs, id };
}

function fileBytes(dir: string): number {
  const size = (f: string) => {
    try {
      return statSync(join(dir, f)).size;
    } catch {
      return 0;
    }
  };
  return size('roller.sqlite') + size('roller.sqlite-wal');
}

export async function runSessionStoreBench(): Promise<SessionStoreBenchResult> {
  const prep = prepare();
  const { sim } = prep;
  const samples = sim.samples.length;
  const per10 = 600 / sim.meta.durationS;
  const root = mkdtempSync(join(tmpdir(), 'roller-store-bench-'));
  try {
    record(join(root, 'warm-up'), prep, true);
    const liveDir = join(root, 'live');
    const live = record(liveDir, prep, true);
    const burst = record(join(root, 'burst'), prep, false);
    const sorted = Array.from(live.appendMs).sort((a, b) => a - b);

    // Bytes: a database holding just this session, WAL checkpointed into the file.
    const { store } = openSessionStore({ dataDir: liveDir });
    store.checkpoint('TRUNCATE');
    const bytes = fileBytes(liveDir);
    const blob = (table: string) => (store.db.prepare(`SELECT COALESCE(SUM(length(data)), 0) AS b FROM ${table}`).get() as { b: number }).b;
    const frameBlobBytes = blob('frame_batches');
    const trackBlobBytes = blob('track_batches');

    let t = performance.now();
    const outDir = join(root, 'export');
    mkdirSync(outDir);
    exportSessionFiles(store, live.id, outDir);
    const exportMs = performance.now() - t;
    t = performance.now();
    reanalyzeSession(store, live.id, { now: Date.now() });
    const reanalyzeMs = performance.now() - t;
    const csv = formatRecordingCsv(sim.samples, { roller_diameter_in: '6' });
    store.close();
    // Imported into a data folder of its own: in the live one, the same samples are recognised as stored already.
    const importDir = join(root, 'import');
    const imports = openSessionStore({ dataDir: importDir }).store;
    const before = (() => {
      imports.checkpoint('TRUNCATE');
      return fileBytes(importDir);
    })();
    t = performance.now();
    const imported = importRecordingText(imports, csv, { fileName: 'ten-minute-mixed.csv', settings: settingsOf(sim), now: Date.now() });
    const importMs = performance.now() - t;
    if (imported.alreadyStored) throw new Error('session store bench: the import was taken for a stored session');
    imports.checkpoint('TRUNCATE');
    const importedBytes = fileBytes(importDir) - before;
    imports.close();

    t = performance.now();
    openSessionStore({ dataDir: liveDir }).store.close();
    const openMs = performance.now() - t;

    return {
      sessionS: sim.meta.durationS,
      samples,
      frames: sim.frames.length,
      writeSamplesPerS: samples / (live.ms / 1000),
      writeRealTimeFactor: (sim.meta.durationS * 1000) / live.ms,
      flushes: live.flushes,
      maxAppendMs: sorted.at(-1)!,
      p99AppendMs: sorted[Math.floor(sorted.length * 0.99)]!,
      burstSamplesPerS: samples / (burst.ms / 1000),
      bytesPer10Min: bytes * per10,
      frameBlobBytesPer10Min: frameBlobBytes * per10,
      trackBlobBytesPer10Min: trackBlobBytes * per10,
      importedBytesPer10Min: importedBytes * per10,
      importMs,
      exportMs,
      reanalyzeMs,
      openMs,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatSessionStoreBench(r: SessionStoreBenchResult): string {
  const mb = (b: number) => `${(b / (1024 * 1024)).toFixed(2)} MB`;
  const k = (v: number) => `${(v / 1000).toFixed(0)} k samples/s`;
  return [
    `\n## Session store (SQLite, WAL, synchronous = FULL; ${r.sessionS.toFixed(0)} s session, ${r.samples} samples in ${r.frames} one-sample frames at 100 Hz)`,
    `write, live cadence        ${k(r.writeSamplesPerS)}   (${r.writeRealTimeFactor.toFixed(0)}× real time, ${r.flushes} flushes; append p99 ${r.p99AppendMs.toFixed(2)} ms, worst ${r.maxAppendMs.toFixed(1)} ms incl. flush)`,
    `write, size-based flushes  ${k(r.burstSamplesPerS)}`,
    `bytes per 10 min           ${mb(r.bytesPer10Min)}   (raw frames ${mb(r.frameBlobBytesPer10Min)}, 25 Hz track ${mb(r.trackBlobBytesPer10Min)}, rest SQLite pages and events; target ≤ ${mb(SESSION_BYTES_TARGET_PER_10_MIN)})`,
    `bytes per 10 min, imported ${mb(r.importedBytesPer10Min)}   (the same session from a CSV: lossless samples instead of frames)`,
    `import / export / re-analyse 10 min   ${r.importMs.toFixed(0)} / ${r.exportMs.toFixed(0)} / ${r.reanalyzeMs.toFixed(0)} ms;  open with integrity check ${r.openMs.toFixed(0)} ms`,
  ].join('\n');
}

// Run on its own: npx tsx test/bench/session-store-bench.ts
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatSessionStoreBench(await runSessionStoreBench()));
}
