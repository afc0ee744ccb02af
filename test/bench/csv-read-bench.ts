/**
 * What reading and importing recordings costs: the CSV reader over 100,000 rows, and how fast
 * the import refuses far-apart sample times (it used to analyse the time between them: for ever
 * near 10¹⁵ s, seconds and half a gigabyte for a day's gap). The tests check what these produce;
 * the times are here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRecordingCsv } from '../../sensor-protocol/recording/recording-csv-reader';
import { motionSettings } from '../../electron/motion/motion-settings';
import { openSessionStore } from '../../electron/session/open-session-store';
import { importRecordingText } from '../../electron/session/session-import';

export interface CsvReadBenchResult {
  rows: number;
  /** parseRecordingCsv over `rows` rows, best of 5, ms. */
  parseMs: number;
  /** The import refusing a file whose times lie near 10¹⁵ s, ms (worst of 5). */
  refuseFarMs: number;
  /** The import refusing a file with a day's gap, ms (worst of 5). */
  refuseDayGapMs: number;
}

const HEADER = 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps';

/** The reader test's large file: 100,000 rows at 200 Hz with varied values. */
function largeCsv(rows: number): string {
  const lines: string[] = [HEADER];
  for (let i = 0; i < rows; i++) {
    const t = i * 0.005;
    lines.push(`${t},${Math.sin(t) * 0.3},${-0.012 + i * 1e-9},${1 + Math.cos(t) * 0.01},${Math.sin(i) * 45.123},-0.5,${i % 7}`);
  }
  return `${lines.join('\n')}\n`;
}

function timeMs(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function refusalMs(run: () => void): number {
  return timeMs(() => {
    try {
      run();
    } catch {
      return;
    }
    throw new Error('the import was expected to refuse this file');
  });
}

export function runCsvReadBench(rows = 100_000): CsvReadBenchResult {
  const text = largeCsv(rows);
  const parses = Array.from({ length: 5 }, () =>
    timeMs(() => {
      const r = parseRecordingCsv(text);
      if (!r.ok || r.samples.length !== rows) throw new Error('the large file did not read');
    }),
  );
  const root = mkdtempSync(join(tmpdir(), 'roller-import-bench-'));
  try {
    const { store } = openSessionStore({ dataDir: root });
    const settings = motionSettings({});
    const rowsAt = (ts: number[]) => ts.map((t) => `${t},0,0,1,0,0,0`).join('\n');
    const far = `${HEADER}\n${rowsAt([1e15, 1e15 + 0.25])}\n`;
    const day = `${HEADER}\n${rowsAt([0, 0.01, 86_400])}\n`;
    const worst = (csv: string, fileName: string) => Math.max(...Array.from({ length: 5 }, () => refusalMs(() => importRecordingText(store, csv, { fileName, settings, now: Date.now() }))));
    const result = { rows, parseMs: Math.min(...parses), refuseFarMs: worst(far, 'far.csv'), refuseDayGapMs: worst(day, 'day.csv') };
    store.close();
    return result;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatCsvReadBench(r: CsvReadBenchResult): string {
  return [
    '\n## Reading and importing recordings',
    `read ${r.rows.toLocaleString('en')} CSV rows   ${r.parseMs.toFixed(0)} ms   (best of 5; ${(((r.rows / r.parseMs) * 1000) / 1e6).toFixed(2)} M rows/s)`,
    `refuse far-apart times    ${r.refuseFarMs.toFixed(1)} ms near 10¹⁵ s, ${r.refuseDayGapMs.toFixed(1)} ms for a day's gap   (worst of 5; target < 1000 ms: refused before any analysis)`,
  ].join('\n');
}

// Run on its own: npx tsx test/bench/import-bench.ts
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatCsvReadBench(runCsvReadBench()));
}
