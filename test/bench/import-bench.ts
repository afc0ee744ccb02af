/**
 * Import of large recordings: peak memory and throughput of `roller sessions import` on 1 M and
 * 4 M line recording CSVs. Each recording is written into a temporary folder
 * (test/support/long-recording.ts: a simulated ten-minute session looped, at 100 or 200 Hz),
 * then imported by a child process (./import-child.ts, the CLI's own code path, with a
 * temporary ROLLER_DATA_DIR) that reports its peak RSS (process.resourceUsage().maxRSS), so
 * the figure is the import's alone. Throughput is sample lines per second of wall time, and
 * per second of CPU time (steadier on a shared machine).
 *
 * Run on its own: npx tsx test/bench/import-bench.ts
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import { writeLongRecording } from '../support/long-recording';

/** Peak resident memory an import may take, whatever the file's size, MB. */
export const IMPORT_PEAK_RSS_TARGET_MB = 300;

export const IMPORT_BENCH_CASES = [
  { lines: 1_000_000, rateHz: 100 },
  { lines: 4_000_000, rateHz: 200 },
] as const;

const ChildReportSchema = z.object({ code: z.number(), ms: z.number(), cpuMs: z.number(), peakRssKb: z.number(), baselineRssKb: z.number(), out: z.string(), err: z.string() });

export interface ImportBenchRow {
  lines: number;
  rateHz: number;
  fileBytes: number;
  peakRssMb: number;
  /** The child's resident memory before the import began (Node, tsx, the modules), MB. */
  baselineRssMb: number;
  wallS: number;
  linesPerS: number;
  linesPerCpuS: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');

export async function runImportBench(cases: readonly { lines: number; rateHz: number }[] = IMPORT_BENCH_CASES): Promise<ImportBenchRow[]> {
  const rows: ImportBenchRow[] = [];
  for (const c of cases) {
    const root = mkdtempSync(join(tmpdir(), 'roller-import-bench-'));
    try {
      const file = join(root, `recording-${c.lines}.csv`);
      const written = writeLongRecording(file, { lines: c.lines, rateHz: c.rateHz, metadata: { started_at: '2025-03-01T18:00:00+01:00' } });
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(here, 'import-child.ts'), file], {
        cwd: repo,
        env: { ...process.env, ROLLER_DATA_DIR: join(root, 'data') },
        maxBuffer: 1 << 20,
      });
      const r = ChildReportSchema.parse(JSON.parse(stdout.trim().split('\n').at(-1)!));
      if (r.code !== 0 || !r.out.startsWith('imported')) throw new Error(`import bench: the import of ${c.lines} lines failed: ${r.out} ${r.err}`);
      rows.push({
        lines: c.lines,
        rateHz: c.rateHz,
        fileBytes: written.bytes,
        peakRssMb: r.peakRssKb / 1024,
        baselineRssMb: r.baselineRssKb / 1024,
        wallS: r.ms / 1000,
        linesPerS: c.lines / (r.ms / 1000),
        linesPerCpuS: c.lines / (r.cpuMs / 1000),
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return rows;
}

export function formatImportBench(rows: readonly ImportBenchRow[]): string {
  const k = (v: number) => `${(v / 1000).toFixed(0)} k lines/s`;
  return [
    '\n## Import of large recordings (roller sessions import in a child process: streamed, one transaction)',
    ...rows.map(
      (r) =>
        `${`${r.lines / 1e6} M lines`.padEnd(9)} (${r.rateHz} Hz, ${(r.lines / r.rateHz / 3600).toFixed(1)} h, ${(r.fileBytes / 1e6).toFixed(0)} MB): ` +
        `peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.baselineRssMb.toFixed(0)} MB before the import; target ≤ ${IMPORT_PEAK_RSS_TARGET_MB} MB), ` +
        `${r.wallS.toFixed(1)} s: ${k(r.linesPerS)}, ${k(r.linesPerCpuS)} of CPU time`,
    ),
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatImportBench(await runImportBench()));
}
