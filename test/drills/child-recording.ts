/**
 * A recording in another process, as in test/electron/session/crash-recovery.test.ts: spawn a
 * script under tsx, wait for its `started <id> <ms>` line, follow what it prints; kill it,
 * freeze and thaw it, send it a signal or a line.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildRecording {
  id: number;
  pid: number;
  /** Wall-clock start of the session, ms since 1970. */
  startedAtMs: number;
  /** Every stdout line after `started`. */
  lines: string[];
  /** Resolves once a printed line satisfies `test` (checked for lines already printed too). */
  waitForLine(test: (line: string) => boolean): Promise<string>;
  /** Sends SIGKILL; resolves with how the process ended and the lines it printed before it died. */
  kill(): Promise<{ ended: NodeJS.Signals | number | null; killedAtMs: number; linesBeforeKill: number }>;
  /** Sends a signal (SIGSTOP freezes it, SIGCONT thaws it, SIGHUP as a closed terminal does). */
  signal(signal: NodeJS.Signals): void;
  /** Writes a line to its stdin. */
  send(line: string): void;
  /** Resolves with its exit code, or the signal that ended it. */
  exited: Promise<NodeJS.Signals | number | null>;
  stderr(): string;
}

export function spawnRecording(script: string, args: string[]): Promise<ChildRecording> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const lines: string[] = [];
  const waiters: { test: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  let started: ((v: { id: number; startedAtMs: number }) => void) | null = null;
  let buffer = '';
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const m = /^started (\d+) (\d+)$/.exec(line);
      if (m && started) {
        started({ id: Number(m[1]), startedAtMs: Number(m[2]) });
        started = null;
        continue;
      }
      lines.push(line);
      for (const w of [...waiters]) {
        if (!w.test(line)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  return new Promise((resolve, reject) => {
    void exited.then((how) => reject(new Error(`${script} exited (${String(how)}) before its session started: ${stderr}`)));
    started = ({ id, startedAtMs }) =>
      resolve({
        id,
        pid: child.pid!,
        startedAtMs,
        lines,
        waitForLine: (test) => {
          const seen = lines.find(test);
          if (seen !== undefined) return Promise.resolve(seen);
          return new Promise<string>((res, rej) => {
            waiters.push({ test, resolve: res });
            void exited.then((how) => rej(new Error(`${script} exited (${String(how)}) first: ${stderr}`)));
          });
        },
        async kill() {
          const linesBeforeKill = lines.length;
          const killedAtMs = Date.now();
          child.kill('SIGKILL');
          return { ended: await exited, killedAtMs, linesBeforeKill };
        },
        signal: (signal) => void child.kill(signal),
        send: (line) => void child.stdin.write(`${line}\n`),
        exited,
        stderr: () => stderr,
      });
  });
}
