/**
 * What a crash costs a recording: the recording child (test/electron/session/record-child.ts)
 * records the simulated roller in real time and is killed with SIGKILL at a few moments; the
 * figure is the wall time between its last stored data and the kill. The recorder is designed
 * to lose at most one flush interval plus one tick (0.75 s); crash-recovery.test.ts checks that
 * nothing it reported written is lost, session-recorder.test.ts the bound on an injected clock.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSessionStore } from '../../electron/session/open-session-store';

export const CRASH_LOSS_TARGET_MS = 1000;

export interface CrashLossBenchResult {
  /** Data lost per kill, ms: kill time − the session's last stored data. */
  lostMs: number[];
}

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the child, kills it `afterMs` after it started recording, returns the data lost, ms. */
async function killOnce(dataDir: string, afterMs: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'test/electron/session/record-child.ts'), dataDir], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const id = await new Promise<number>((done, fail) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /started (\d+)\n/.exec(out);
      if (m) done(Number(m[1]));
    });
    void exited.then(() => fail(new Error('the recording child exited before it started')));
  });
  await new Promise((r) => setTimeout(r, afterMs));
  const killedAt = Date.now();
  child.kill('SIGKILL');
  await exited;
  const { store } = openSessionStore({ dataDir });
  try {
    const lastDataAt = store.getSession(id).lastDataAt;
    if (lastDataAt === null) throw new Error(`session ${id} stored no data in ${afterMs} ms`);
    return killedAt - lastDataAt;
  } finally {
    store.close();
  }
}

export async function runCrashLossBench(killAfterMs: readonly number[] = [1500, 2100, 2500, 2900, 3300]): Promise<CrashLossBenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'roller-crash-bench-'));
  try {
    const lostMs: number[] = [];
    for (const [i, ms] of killAfterMs.entries()) lostMs.push(await killOnce(join(root, `run-${i}`), ms));
    return { lostMs };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatCrashLossBench(r: CrashLossBenchResult): string {
  const worst = Math.max(...r.lostMs);
  return [
    '\n## A recording killed with SIGKILL (real clock, simulated roller in real time)',
    `data lost per kill   ${r.lostMs.map((v) => v.toFixed(0)).join(' / ')} ms; worst ${worst.toFixed(0)} ms (target ≤ ${CRASH_LOSS_TARGET_MS} ms)`,
  ].join('\n');
}

// Run on its own: npx tsx test/bench/crash-loss-bench.ts
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatCrashLossBench(await runCrashLossBench()));
}
