/**
 * Fuzz of the browser host's HTTP and upgrade layer (electron/host/browser-host.ts) over a real
 * socket: raw requests from `http-requests.ts` written to a net.Socket, so odd paths, bad
 * encodings, duplicated headers and truncated requests reach the server as they are.
 *
 * For every case: the answer is well-formed HTTP/1.x or the connection is closed; the page is
 * never sent, and no WebSocket is opened, without the run's token; nothing is thrown out of the
 * host (uncaught exceptions and unhandled rejections are recorded while the fuzz runs). After
 * each batch the host still serves the page with the token, at both of its names, and answers
 * a request over a new WebSocket.
 */
import { rawExchange, type RawOutcome } from '../support/raw-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startFakeRendererHost, type FakeRendererHost } from '../support/fake-renderer-host';
import type { BrowserHost } from '../../electron/host/browser-host';
import { caseRandom, Dice, FuzzFailures, fuzzPlan } from './fuzz-harness';
import { fuzzRequest, type FuzzRequest } from './http-requests';

const PAGE_MARKER = 'roller-page-5e7a';
const BATCH = 250;
/** Connections open at once within a batch. */
const PARALLEL = 8;
const ANSWER_TIMEOUT_MS = 5000;

let served: FakeRendererHost;
let host: BrowserHost;
let faults: unknown[];

beforeAll(async () => {
  served = await startFakeRendererHost(PAGE_MARKER, { 'secret.txt': 'public', '.hidden': 'dotfile' });
  ({ host, faults } = served);
});

afterAll(() => served?.close());

/** What is wrong with the outcome of one case, or null. */
function problem(req: FuzzRequest, out: RawOutcome): string | null {
  if (out.kind === 'timeout') return `no answer and no close within ${ANSWER_TIMEOUT_MS} ms`;
  if (out.kind === 'malformed') return `malformed answer: ${out.why}: ${JSON.stringify(out.bytes.toString('latin1').slice(0, 300))}`;
  if (!req.carriesToken && out.bytes.includes(PAGE_MARKER)) return 'the page was sent without the token';
  if (out.kind !== 'answered' || !out.responses.some((r) => r.status === 101)) return null;
  if (!req.carriesToken) return 'a WebSocket was opened without the token';
  if (req.requests === 1 && !originExact(req)) return 'a WebSocket was opened for another Origin';
  return null;
}

/** No Origin, or one Origin that is exactly `http://` + the Host in use. */
function originExact(req: FuzzRequest): boolean {
  const lines = req.bytes.toString('latin1').split(/\r\n|\n/);
  const origins = lines.filter((l) => /^origin:/i.test(l)).map((l) => l.slice(7).trim());
  const host = lines
    .find((l) => /^host:/i.test(l))
    ?.slice(5)
    .trim()
    .toLowerCase();
  return origins.length === 0 || (origins.length === 1 && origins[0] === `http://${host}`);
}

/** The page with the token at both names, and an API request over a new WebSocket. */
async function hostStillServes(): Promise<string | null> {
  for (const name of ['127.0.0.1', 'localhost']) {
    const out = await rawExchange(host.port, `GET /?token=${host.token} HTTP/1.1\r\nHost: ${name}:${host.port}\r\n\r\n`, { timeoutMs: ANSWER_TIMEOUT_MS });
    if (out.kind !== 'answered' || out.responses[0]?.status !== 200 || !out.bytes.includes(PAGE_MARKER))
      return `the page at ${name} was not served: ${out.kind} ${out.bytes.toString('latin1').slice(0, 80)}`;
  }
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://localhost:${host.port}/api?token=${host.token}`, { origin: `http://localhost:${host.port}` });
    const done = (why: string | null) => {
      ws.terminate();
      resolve(why);
    };
    ws.once('error', (err) => done(`the API socket failed: ${err.message}`));
    ws.once('unexpected-response', (_req, res) => done(`the API socket was refused: HTTP ${res.statusCode}`));
    ws.once('open', () => ws.send(JSON.stringify({ kind: 'request', id: 7, name: 'app.snapshot', params: {} })));
    ws.on('message', (data) => {
      const m = JSON.parse((data as Buffer).toString()) as Record<string, unknown>;
      if (m['kind'] === 'response') done(m['id'] === 7 && m['ok'] === true ? null : `the API answered ${(data as Buffer).toString().slice(0, 200)}`);
    });
  });
}

/** Failures after which the run stops (the host is likely down: each further case would wait its timeout). */
const STOP_AFTER_FAILURES = 10;

describe('browser host HTTP fuzz', () => {
  const plan = fuzzPlan('browser-host-http', 0x477e, 3000);
  // About 3 ms a case; room for FUZZ_SCALE runs on a loaded machine.
  const timeout = 60_000 + plan.indexes.length * 20;
  it('answers every raw request or closes, never serves the page without the token, never throws, keeps serving', { timeout }, async () => {
    const failures = new FuzzFailures(plan);
    const tally = new Map<string, number>();
    const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
    for (let b = 0; b < plan.indexes.length && failures.size < STOP_AFTER_FAILURES; b += BATCH) {
      const batch = plan.indexes.slice(b, b + BATCH);
      let next = 0;
      const worker = async () => {
        while (next < batch.length && failures.size < STOP_AFTER_FAILURES) {
          const i = batch[next++]!;
          const req = fuzzRequest(new Dice(caseRandom(plan.seed, i)), { port: host.port, token: host.token });
          const out = await rawExchange(host.port, req.bytes, { responses: req.requests, bodiless: req.bodiless, end: req.end, timeoutMs: ANSWER_TIMEOUT_MS });
          count(out.kind === 'answered' ? String(out.responses[0]!.status) : out.kind);
          const why = problem(req, out);
          if (why) failures.add(i, why, req.bytes.toString('latin1'));
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      const thrown = faults.splice(0);
      if (thrown.length > 0) failures.add(batch[0]!, `cases ${batch[0]}…${batch[batch.length - 1]}: thrown out of the host: ${thrown.map(String).join('; ')}`, '');
      const serving = await hostStillServes();
      if (serving) failures.add(batch[batch.length - 1]!, `after cases ${batch[0]}…${batch[batch.length - 1]}: ${serving}`, '');
    }
    failures.assertNone();
    if (plan.replaying) return;
    // The cases reach every branch: pages and WebSockets with the token, refusals of each kind, closes.
    for (const status of ['101', '200', '400', '403', '404', '405', '421', 'closed']) expect(tally.get(status) ?? 0, `answers ${status}: ${JSON.stringify([...tally])}`).toBeGreaterThan(0);
  });
});
