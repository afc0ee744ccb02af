/**
 * Cold start of the `roller` command: wall time from spawning the process to its exit, for
 * `roller --help` through the launcher (electron/cli/roller.mjs → the compiled out/cli), the same
 * through `npx` (npm's own start included), and a bare `node -e 0` as the floor Node itself sets.
 * One unmeasured run first warms the file cache; each figure is over fresh processes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { percentile } from './event-matching';

export const COLD_START_TARGET_MS = 200;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LAUNCHER = fileURLToPath(new URL('../../electron/cli/roller.mjs', import.meta.url));
const COMPILED = fileURLToPath(new URL('../../out/cli/cli-main.js', import.meta.url));

export interface ColdStartFigures {
  command: string;
  runs: number;
  p50Ms: number;
  maxMs: number;
}

export interface ColdStartBenchResult {
  node: ColdStartFigures;
  launcher: ColdStartFigures;
  npx: ColdStartFigures;
}

function measure(label: string, bin: string, args: readonly string[], runs: number): ColdStartFigures {
  const once = () => {
    const started = performance.now();
    const res = spawnSync(bin, args, { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
    const ms = performance.now() - started;
    if (res.status !== 0) throw new Error(`${label} failed (${res.status ?? res.signal}): ${res.stderr}`);
    return ms;
  };
  once();
  const times = Array.from({ length: runs }, once);
  return { command: label, runs, p50Ms: percentile(times, 0.5), maxMs: Math.max(...times) };
}

/** Null when the CLI is not compiled (run `npm run build`). */
export function runColdStartBench(runs = 10, npxRuns = 5): ColdStartBenchResult | null {
  if (!existsSync(COMPILED)) return null;
  return {
    node: measure('node -e 0', process.execPath, ['-e', '0'], runs),
    launcher: measure('node electron/cli/roller.mjs --help', process.execPath, [LAUNCHER, '--help'], runs),
    // --offline: npx must find the project's own `roller`, never ask the registry.
    npx: measure('npx --offline roller --help', 'npx', ['--offline', 'roller', '--help'], npxRuns),
  };
}

export function formatColdStartBench(r: ColdStartBenchResult | null): string {
  const lines = ['\n## CLI cold start (`roller --help`, a new process each run)'];
  if (!r) return [...lines, 'skipped: needs the compiled CLI (npm run build)'].join('\n');
  const row = (f: ColdStartFigures) => `${f.command.padEnd(36)} p50 ${f.p50Ms.toFixed(0).padStart(5)} ms, max ${f.maxMs.toFixed(0).padStart(5)} ms over ${f.runs} runs`;
  lines.push(`${row(r.launcher)}   (target p50 ≤ ${COLD_START_TARGET_MS} ms)`);
  lines.push(row(r.npx));
  lines.push(`${row(r.node)}   (Node's own start: the floor)`);
  lines.push(`npx adds ${(r.npx.p50Ms - r.launcher.p50Ms).toFixed(0)} ms of npm's own start; the launcher adds ${(r.launcher.p50Ms - r.node.p50Ms).toFixed(0)} ms to Node's`);
  return lines.join('\n');
}

// Run on its own: npm run bench -- cold-start
