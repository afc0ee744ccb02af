/**
 * `npm run bench`: measured accuracy and speed figures, next to the targets. Every section by
 * default; name sections to run only those: `npm run bench -- cold-start throughput`.
 */
import { ACCURACY_TARGETS, runAccuracyBench } from './accuracy-bench';
import { runThroughputBench, THROUGHPUT_TARGET_SAMPLES_PER_S } from './throughput-bench';
import { runBleStreamBench } from './ble-stream-bench';
import { BLUEZ_SPEEDS, runBluezStream } from './bluez-bench';
import { formatSessionStoreBench, runSessionStoreBench } from './session-store-bench';
import { formatCrashLossBench, runCrashLossBench } from './crash-loss-bench';
import { formatCsvReadBench, runCsvReadBench } from './csv-read-bench';
import { formatImportBench, runImportBench } from './import-bench';
import { runUiBench } from './ui-bench';
import { runReviewRenderBench } from './review-render-bench';
import { formatSoakBench, runSoakBench, soakHoursFromEnv } from './soak-bench';
import { formatColdStartBench, runColdStartBench } from './cold-start-bench';
import { formatFirmwareSizeBench, runFirmwareSizeBench } from './firmware-size-bench';
import { formatFirmwareLoopBench, runFirmwareLoopBench } from './firmware-loop-bench';

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');

function printAccuracy(): void {
  const started = performance.now();
  const report = runAccuracyBench();
  console.log(`\n## Accuracy over the scenario suite (${report.perScenario.length / 3} runs, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log('estimator | position RMS cm | speed RMS in/s | event F1 | onset latency p50 / p95 s | early p95 s');
  for (const r of report.rows) {
    console.log(
      `${r.estimator.padEnd(9)} | ${fmt(r.positionRmsCm).padStart(15)} | ${fmt(r.speedRmsInPerS).padStart(14)} | ${fmt(r.eventF1).padStart(8)} | ${fmt(r.latencyP50S)} / ${fmt(r.latencyP95S)} | ${fmt(r.earlyP95S)}`,
    );
  }
  console.log(`targets   | ≤ ${ACCURACY_TARGETS.positionRmsCm} | ≤ ${ACCURACY_TARGETS.speedRmsInPerS} | ≥ ${ACCURACY_TARGETS.eventF1} | p95 ≤ ${ACCURACY_TARGETS.onsetLatencyP95S}`);
  console.log('(latency: estimated − true onset of matched events, late side; "early" is the same for events raised before the truth)');
  for (const r of report.rows) {
    console.log(`\n${r.estimator}: per event kind (precision / recall / F1, true events)`);
    for (const [kind, k] of Object.entries(r.perKind)) console.log(`  ${kind.padEnd(11)} ${fmt(k.precision)} / ${fmt(k.recall)} / ${fmt(k.f1)}  (${k.n})`);
  }
  console.log('\nper scenario (engine): position RMS cm, speed RMS in/s, event F1');
  for (const s of report.perScenario.filter((x) => x.estimator === 'engine')) {
    console.log(`  ${`${s.scenario} #${s.seed}`.padEnd(26)} ${fmt(s.positionRmsCm).padStart(7)} ${fmt(s.speedRmsInPerS).padStart(7)} ${fmt(s.f1).padStart(6)}`);
  }
}

async function printThroughput(): Promise<void> {
  const r = await runThroughputBench();
  const m = (v: number) => `${(v / 1e6).toFixed(2)} M samples/s`;
  console.log(`\n## Throughput (one core)`);
  console.log(`analyze, 10-min session   ${m(r.analyzeSessionSamplesPerS)}   (${r.sessionSamples} samples in memory, best of 7; target ≥ ${m(THROUGHPUT_TARGET_SAMPLES_PER_S)})`);
  console.log(`analyze, 3.3-hour session ${m(r.analyzeSamplesPerS)}   (${r.samples} samples in memory)`);
  console.log(`analyze, from a CSV file  ${m(r.analyzeCsvSamplesPerS)}   (parsing included)`);
  console.log(`live path                 ${r.liveNsPerSample.toFixed(0)} ns per sample, p99 ${r.liveP99NsPerPush.toFixed(0)} ns per push`);
  console.log(`AHRS peer (Madgwick)      ${m(r.ahrsSamplesPerS)}   (same 10-min session, attitude only) → engine / peer = ${(r.analyzeSessionSamplesPerS / r.ahrsSamplesPerS).toFixed(2)}×`);
  console.log(`simulator                 ${m(r.simulateSamplesPerS)}`);
}

async function printBle(): Promise<void> {
  const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : 'n/a');
  console.log('\n## Bluetooth path (simulated sensor on simulated noble bindings, real clock)');
  const a = await runBleStreamBench(100, 20);
  console.log(`100 Hz, ${a.seconds} s: ${a.notifications} notifications, ${a.samples} samples (${a.expectedSamples} expected)`);
  console.log(`  notification → engine processed: p50 ${ms(a.latencyP50Ms)}, p99 ${ms(a.latencyP99Ms)} (target p99 ≤ 20 ms)`);
  console.log(`  notification → coaching event:   p50 ${ms(a.eventLatencyP50Ms)}, p99 ${ms(a.eventLatencyP99Ms)} over ${a.events} events`);
  const b = await runBleStreamBench(400, 10);
  console.log(`400 Hz, ${b.seconds} s: ${b.samples} samples (${b.expectedSamples} expected), ${b.notifications} notifications; p99 ${ms(b.latencyP99Ms)}`);
  console.log(
    `  backlog: wall − sensor time ${ms(b.lagStartMs)} at the start, ${ms(b.lagEndMs)} at the end (growth ${ms(b.lagEndMs - b.lagStartMs)}: ${b.lagEndMs - b.lagStartMs < 50 ? 'keeps up' : 'FALLS BEHIND'})`,
  );
}

async function printSessionStore(): Promise<void> {
  console.log(formatSessionStoreBench(await runSessionStoreBench()));
}

async function printCrashLoss(): Promise<void> {
  console.log(formatCrashLossBench(await runCrashLossBench()));
}

function printCsvRead(): void {
  console.log(formatCsvReadBench(runCsvReadBench()));
}

async function printUi(): Promise<void> {
  console.log('\n## Live view in Chromium (browser host, simulated roller at 100 Hz, real clock, 60 s)');
  const r = await runUiBench();
  if (!r) {
    console.log('skipped: needs /usr/bin/chromium and a built renderer (npm run build)');
    return;
  }
  const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
  console.log(`coaching event → warning painted: p50 ${ms(r.warningP50Ms)}, p95 ${ms(r.warningP95Ms)} over ${r.warnings} warnings (target p95 ≤ 100 ms)`);
  console.log(`frame work (callbacks, style, layout, paint): p50 ${ms(r.frameWorkP50Ms)}, p95 ${ms(r.frameWorkP95Ms)} (target p95 ≤ 16.7 ms)`);
  console.log(`frame interval: p50 ${ms(r.frameP50Ms)}, p95 ${ms(r.frameP95Ms)}; ${r.droppedFrames} of ${r.frames} frames late by a vsync or more`);
}

async function printReviewRender(): Promise<void> {
  console.log('\n## Session review in Chromium (one hour recorded at 200 Hz)');
  const r = await runReviewRenderBench();
  if (!r) {
    console.log('skipped: needs /usr/bin/chromium and a built renderer (npm run build)');
    return;
  }
  console.log(`press Review → both charts drawn: p50 ${r.renderP50Ms.toFixed(0)} ms, worst ${r.renderMaxMs.toFixed(0)} ms over ${r.runs} openings of ${r.samples} samples (target < 500 ms)`);
}

/** SOAK_HOURS=0.5 npm run bench for a quick look (default 8 simulated hours, a few minutes of wall time). */
async function printSoak(): Promise<void> {
  console.log(formatSoakBench(await runSoakBench({ hours: soakHoursFromEnv() })));
}

async function printImport(): Promise<void> {
  console.log(formatImportBench(await runImportBench()));
}

async function printBluez(): Promise<void> {
  const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : 'n/a');
  console.log('\n## Bluetooth over D-Bus (fake BlueZ on a private dbus-daemon → BlueZ bindings → noble → engine)');
  const a = await runBluezStream(100, 1, 20);
  console.log(`100 Hz, real clock, ${a.samples} samples (${a.expectedSamples} expected, ${a.holes} holes)`);
  console.log(`  notification sent → engine processed: p50 ${ms(a.latencyP50Ms)}, p99 ${ms(a.latencyP99Ms)} (target p99 ≤ 10 ms)`);
  let best = 0;
  for (const speed of BLUEZ_SPEEDS) {
    const r = await runBluezStream(400, speed, 10);
    const kept = r.holes === 0 && r.samples >= r.expectedSamples - 1 && r.lagGrowthMs < 50;
    console.log(
      `  ${String(400 * speed).padStart(6)} samples/s (400 Hz ×${speed}): ${r.samples} samples, ${r.holes} holes, backlog growth ${ms(r.lagGrowthMs)}, p99 ${ms(r.latencyP99Ms)} → ${kept ? 'kept up' : 'LOST / FELL BEHIND'}`,
    );
    if (!kept) break;
    best = 400 * speed;
  }
  console.log(`highest sustained rate with nothing lost: ${best} samples/s (${best / 400}× a 400 Hz sensor)`);
}

function printColdStart(): void {
  console.log(formatColdStartBench(runColdStartBench()));
}

function printFirmware(): void {
  console.log(formatFirmwareSizeBench(runFirmwareSizeBench()));
}

async function printFirmwareLoop(): Promise<void> {
  console.log(formatFirmwareLoopBench(await runFirmwareLoopBench()));
}

/** The sections, in the order a full run prints them. */
const SECTIONS: Record<string, () => void | Promise<void>> = {
  accuracy: printAccuracy,
  throughput: printThroughput,
  ble: printBle,
  bluez: printBluez,
  'session-store': printSessionStore,
  import: printImport,
  'csv-read': printCsvRead,
  crash: printCrashLoss,
  ui: printUi,
  'review-render': printReviewRender,
  soak: printSoak,
  'cold-start': printColdStart,
  firmware: printFirmware,
  'firmware-loop': printFirmwareLoop,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !Object.hasOwn(SECTIONS, name));
if (unknown.length > 0) {
  console.error(`run-bench: unknown section ${unknown.map((n) => `"${n}"`).join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  process.exitCode = 2;
} else {
  for (const name of asked.length > 0 ? asked : Object.keys(SECTIONS)) await SECTIONS[name]!();
}
