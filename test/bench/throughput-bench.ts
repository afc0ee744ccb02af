/**
 * Speed of the motion engine: offline (`analyze`: samples per second on one core, in memory and
 * from a CSV file), the per-sample cost of the live path, and the AHRS peer on the same data.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AHRS from 'ahrs';
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { formatRecordingCsv } from '../../sensor-protocol/recording/recording-csv-writer';
import { analyzeSamples, MotionEngine } from '../../electron/motion/motion-engine';
import { motionSettings } from '../../electron/motion/motion-settings';
import { builtInScenario } from '../../electron/sim/scenario-catalog';
import { simulate } from '../../electron/sim/simulate';
import { analyzeFile } from '../../electron/cli/analyze-command';

export const THROUGHPUT_TARGET_SAMPLES_PER_S = 2_000_000;

export interface ThroughputReport {
  samples: number;
  sessionSamples: number;
  /** analyze over one ten-minute session in memory, best of several runs. */
  analyzeSessionSamplesPerS: number;
  simulateSamplesPerS: number;
  analyzeSamplesPerS: number;
  analyzeCsvSamplesPerS: number;
  liveNsPerSample: number;
  liveP99NsPerPush: number;
  ahrsSamplesPerS: number;
}

/** The ten-minute mixed session, and the same repeated back to back to `copies` × 10 minutes. */
function longSession(copies: number): { session: ImuSample[]; samples: ImuSample[]; simulateSamplesPerS: number } {
  const t0 = performance.now();
  const sim = simulate(builtInScenario('ten-minute-mixed'), { seed: 5 });
  const simulateSamplesPerS = sim.samples.length / ((performance.now() - t0) / 1000);
  const span = sim.samples.at(-1)!.tS + 0.01;
  const out: ImuSample[] = [];
  for (let c = 0; c < copies; c++) for (const s of sim.samples) out.push({ ...s, tS: s.tS + c * span });
  return { session: sim.samples, samples: out, simulateSamplesPerS };
}

function bestOf<T>(runs: number, f: () => T): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = f();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, value };
}

export async function runThroughputBench(): Promise<ThroughputReport> {
  const { session, samples, simulateSamplesPerS } = longSession(20);
  const settings = motionSettings({ rollerDiameterIn: 6, neckAboveCm: 21, lumbarBelowCm: 14 });
  const n = samples.length;
  bestOf(3, () => analyzeSamples(session, settings)); // warm-up
  const oneSession = bestOf(7, () => analyzeSamples(session, settings));

  const offline = bestOf(3, () => analyzeSamples(samples, settings));

  const dir = mkdtempSync(join(tmpdir(), 'roller-bench-'));
  const csv = join(dir, 'long.csv');
  writeFileSync(csv, formatRecordingCsv(samples.slice(0, 600_000), { roller_diameter_in: '6' }));
  let csvMs = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    await analyzeFile(csv, () => settings);
    csvMs = Math.min(csvMs, performance.now() - t0);
  }
  rmSync(dir, { recursive: true, force: true });

  // Live: one push per sample, track points as objects (what the app does), per-push timing.
  const live = new MotionEngine(settings, { track: () => undefined, event: () => undefined });
  const pushNs = new Float64Array(200_000);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    if (i < pushNs.length) {
      const a = process.hrtime.bigint();
      live.push(samples[i]!);
      pushNs[i] = Number(process.hrtime.bigint() - a);
    } else live.push(samples[i]!);
  }
  const liveMs = performance.now() - t0;
  const sorted = Array.from(pushNs).sort((a, b) => a - b);

  const DEG = Math.PI / 180;
  const ahrs = bestOf(7, () => {
    const f = new AHRS({ algorithm: 'Madgwick', beta: 0.4, sampleInterval: 100 });
    let q = 0;
    for (let i = 1; i < session.length; i++) {
      const s = session[i]!;
      f.update(s.gxDps * DEG, s.gyDps * DEG, s.gzDps * DEG, s.axG, s.ayG, s.azG, undefined, undefined, undefined, s.tS - session[i - 1]!.tS);
      q += f.getQuaternion().w;
    }
    return q;
  });

  return {
    samples: n,
    sessionSamples: session.length,
    analyzeSessionSamplesPerS: session.length / (oneSession.ms / 1000),
    simulateSamplesPerS,
    analyzeSamplesPerS: n / (offline.ms / 1000),
    analyzeCsvSamplesPerS: 600_000 / (csvMs / 1000),
    liveNsPerSample: (liveMs * 1e6) / n,
    liveP99NsPerPush: sorted[Math.floor(sorted.length * 0.99)]!,
    ahrsSamplesPerS: session.length / (ahrs.ms / 1000),
  };
}
