/**
 * The firmware core's host loop as a child process, driven lock-step: `exchange(lines)` writes
 * input lines and a `sync`, and returns every output line up to the sync's answer — synchronously,
 * so a simulated peripheral can answer a GATT write or run a timer on a ManualScheduler without
 * letting simulated time move meanwhile.
 *
 * Node has no blocking read of a child's pipe, so a small worker thread owns the child: the main
 * thread posts the request, sleeps on an `Atomics.wait`, and takes the worker's answer with
 * `receiveMessageOnPort`. A child that dies or hangs gives an error result (bounded by
 * `timeoutMs`), never a hung app.
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** The worker: spawns the child, forwards one request at a time, collects lines up to " sync ". */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { port, signal, executable, args } = workerData;
const flag = new Int32Array(signal);
let out = '';
let err = '';
let dead = null;
let pending = false;
const child = spawn(executable, args, { stdio: ['pipe', 'pipe', 'pipe'] });
child.stdout.setEncoding('utf8');
child.stderr.setEncoding('utf8');
function answer(message) {
  pending = false;
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
function check() {
  if (!pending) return;
  const at = out.indexOf(' sync ');
  if (at < 0) return;
  const end = out.indexOf('\\n', at);
  if (end < 0) return;
  const text = out.slice(0, end + 1);
  out = out.slice(end + 1);
  answer({ ok: true, text });
}
child.stdout.on('data', (d) => { out += d; check(); });
child.stderr.on('data', (d) => { err += d; });
child.on('error', (e) => { dead = 'could not start: ' + e.message; if (pending) answer({ ok: false, message: dead }); });
child.on('exit', (code, sig) => {
  dead = 'exited (' + (code === null ? sig : 'code ' + code) + ')' + (err.trim() ? ': ' + err.trim().split('\\n').slice(-3).join(' ') : '');
  if (pending) answer({ ok: false, message: dead });
});
port.on('message', (m) => {
  if (m.quit) { child.kill(); port.close(); return; }
  if (dead) { answer({ ok: false, message: dead }); return; }
  pending = true;
  child.stdin.write(m.input);
});
`;

export type ExchangeResult = { ok: true; lines: string[] } | { ok: false; message: string };

export interface FirmwareProcessOptions {
  executable: string;
  /** host_loop's arguments (--interval-ms, --mtu, --poll-ms). */
  args?: readonly string[];
  /** Longest wait for one answer, ms. */
  timeoutMs?: number;
}

export class FirmwareProcess {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly timeoutMs: number;
  private failure: string | null = null;
  private closed = false;

  constructor(options: FirmwareProcessOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, signal: this.flag.buffer, executable: options.executable, args: [...(options.args ?? [])] },
      transferList: [port2],
    });
    this.worker.unref();
    this.worker.on('error', (e) => (this.failure ??= `its driver thread failed: ${e.message}`));
  }

  /** Why the process stopped answering, or null while it runs. */
  get failed(): string | null {
    return this.failure;
  }

  /** Writes `lines` then `sync <syncS>`; returns the output lines, the sync's answer last. */
  exchange(lines: readonly string[], syncS: number): ExchangeResult {
    if (this.closed) return { ok: false, message: 'the firmware process was closed' };
    if (this.failure) return { ok: false, message: this.failure };
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ input: `${lines.join('\n')}${lines.length > 0 ? '\n' : ''}sync ${syncS.toFixed(6)}\n` });
    const waited = Atomics.wait(this.flag, 0, 0, this.timeoutMs);
    const received = receiveMessageOnPort(this.port)?.message as { ok: boolean; text?: string; message?: string } | undefined;
    if (waited === 'timed-out' || !received) {
      this.failure = `no answer within ${this.timeoutMs} ms`;
      return { ok: false, message: this.failure };
    }
    if (!received.ok) {
      this.failure = received.message ?? 'failed';
      return { ok: false, message: this.failure };
    }
    return { ok: true, lines: (received.text ?? '').split('\n').filter((l) => l !== '') };
  }

  /** Ends the child and its driver thread. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.postMessage({ quit: true });
    this.port.close();
    void this.worker.terminate();
  }
}
