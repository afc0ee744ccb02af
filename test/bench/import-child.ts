/**
 * Child process of the import bench (./import-bench.ts): `roller sessions import FILE` as the
 * CLI runs it (the data folder from ROLLER_DATA_DIR), then one JSON line on stdout with the
 * process's peak resident memory (process.resourceUsage().maxRSS), its memory before the
 * import, and the import's wall and CPU time.
 *
 *   ROLLER_DATA_DIR=/tmp/x node --import tsx test/bench/import-child.ts recording.csv
 */
import { sessionsCommand } from '../../electron/cli/sessions-command';

const file = process.argv[2];
if (!file) throw new Error('usage: import-child.ts <recording.csv>');
const baselineRssKb = process.memoryUsage().rss / 1024;
let out = '';
let err = '';
const io = { stdout: { write: (s: string) => void (out += s) }, stderr: { write: (s: string) => void (err += s) } };
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const code = await sessionsCommand(['import', file], io);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(`${JSON.stringify({ code, ms, cpuMs, peakRssKb: process.resourceUsage().maxRSS, baselineRssKb, out: out.trim(), err: err.trim() })}\n`);
