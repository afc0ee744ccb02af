/**
 * Raw HTTP over a real socket, for tests of the browser host's request layer: the bytes are
 * written as given (odd paths, bad encodings, duplicated headers, truncated requests reach the
 * server as they are, which fetch and http.request would not allow), and the answer is read
 * back and checked for being well-formed HTTP/1.x.
 */
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names in lower case, in the order sent. */
  headers: [string, string][];
  body: Buffer;
}

export type RawOutcome =
  /** Well-formed final responses (interim 100s skipped); `closed` when the server closed after them. */
  | { kind: 'answered'; responses: RawResponse[]; closed: boolean; bytes: Buffer }
  /** The server closed the connection without a byte. */
  | { kind: 'closed'; bytes: Buffer }
  | { kind: 'malformed'; why: string; bytes: Buffer }
  | { kind: 'timeout'; bytes: Buffer };

export interface RawOptions {
  /** Final responses to wait for (pipelined requests); default 1. */
  responses?: number;
  /** For each expected response, whether it has no body (an answer to HEAD). */
  bodiless?: readonly boolean[];
  /** Half-close after writing (a truncated request: the server sees the end of the stream). */
  end?: boolean;
  timeoutMs?: number;
}

/** Writes `request` to 127.0.0.1:`port` and reads until the answers are complete or the socket closes. */
export function rawExchange(port: number, request: Buffer | string, o: RawOptions = {}): Promise<RawOutcome> {
  const want = o.responses ?? 1;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (outcome: RawOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout', bytes: Buffer.concat(chunks) }), o.timeoutMs ?? 5000);
    const check = (closed: boolean) => {
      const bytes = Buffer.concat(chunks);
      const parsed = parseResponses(bytes, o.bodiless ?? [], closed);
      if ('error' in parsed) return finish({ kind: 'malformed', why: parsed.error, bytes });
      if (parsed.responses.length >= want || parsed.upgraded || (closed && parsed.complete)) {
        if (parsed.responses.length === 0) return finish({ kind: 'closed', bytes });
        return finish({ kind: 'answered', responses: parsed.responses, closed, bytes });
      }
      if (closed) finish({ kind: 'malformed', why: 'closed in the middle of a response', bytes });
    };
    socket.on('connect', () => {
      socket.write(request);
      if (o.end) socket.end();
    });
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      check(false);
    });
    socket.on('close', () => check(true));
    // A reset from the server is a closed connection, read as such in 'close'.
    socket.on('error', () => undefined);
  });
}

const STATUS_LINE = /^HTTP\/1\.[01] ([1-5]\d\d) [\x20-\x7e]*$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([\x20-\x7e\t]*?)[ \t]*$/;

interface Parsed {
  responses: RawResponse[];
  /** A 101 was read: what follows is no longer HTTP. */
  upgraded: boolean;
  /** Every byte belongs to a complete response. */
  complete: boolean;
}

/** Parses the responses in `bytes`; an error names what is not well-formed HTTP/1.x. */
export function parseResponses(bytes: Buffer, bodiless: readonly boolean[], closed: boolean): Parsed | { error: string } {
  const responses: RawResponse[] = [];
  let at = 0;
  while (at < bytes.length) {
    const one = parseOne(bytes, at, bodiless[responses.length] ?? false, closed);
    if (one === 'incomplete') return { responses, upgraded: false, complete: false };
    if ('error' in one) return one;
    at = one.next;
    if (one.response.status >= 100 && one.response.status < 200 && one.response.status !== 101) continue;
    responses.push(one.response);
    if (one.response.status === 101) return { responses, upgraded: true, complete: true };
  }
  return { responses, upgraded: false, complete: true };
}

function parseOne(bytes: Buffer, at: number, bodiless: boolean, closed: boolean): { response: RawResponse; next: number } | 'incomplete' | { error: string } {
  const end = bytes.indexOf('\r\n\r\n', at, 'latin1');
  if (end === -1) return closed ? { error: 'closed in the middle of a response head' } : 'incomplete';
  const [statusLine = '', ...lines] = bytes.toString('latin1', at, end).split('\r\n');
  const status = STATUS_LINE.exec(statusLine);
  if (!status) return { error: `bad status line ${JSON.stringify(statusLine)}` };
  const headers: [string, string][] = [];
  for (const line of lines) {
    const h = HEADER_LINE.exec(line);
    if (!h) return { error: `bad header line ${JSON.stringify(line)}` };
    headers.push([h[1]!.toLowerCase(), h[2]!]);
  }
  const code = Number(status[1]);
  const head = { status: code, headers };
  const bodyAt = end + 4;
  if (bodiless || code < 200 || code === 204 || code === 304) return { response: { ...head, body: Buffer.alloc(0) }, next: bodyAt };
  const te = headers.filter(([k]) => k === 'transfer-encoding').map(([, v]) => v.toLowerCase());
  const cl = headers.filter(([k]) => k === 'content-length').map(([, v]) => v);
  if (te.length > 0 && cl.length > 0) return { error: 'both Transfer-Encoding and Content-Length' };
  if (te.length > 0) {
    if (te.join(',') !== 'chunked') return { error: `Transfer-Encoding ${te.join(',')}` };
    return chunked(bytes, bodyAt, head, closed);
  }
  if (cl.length > 0) {
    if (cl.length > 1 || !/^\d{1,12}$/.test(cl[0]!)) return { error: `Content-Length ${cl.join(',')}` };
    const n = Number(cl[0]);
    if (bytes.length < bodyAt + n) return closed ? { error: 'closed before the end of the body' } : 'incomplete';
    return { response: { ...head, body: bytes.subarray(bodyAt, bodyAt + n) }, next: bodyAt + n };
  }
  // Neither: the body runs to the end of the connection.
  if (!closed) return 'incomplete';
  return { response: { ...head, body: bytes.subarray(bodyAt) }, next: bytes.length };
}

function chunked(bytes: Buffer, at: number, head: Omit<RawResponse, 'body'>, closed: boolean): { response: RawResponse; next: number } | 'incomplete' | { error: string } {
  const parts: Buffer[] = [];
  let p = at;
  for (;;) {
    const eol = bytes.indexOf('\r\n', p, 'latin1');
    if (eol === -1) return closed ? { error: 'closed in a chunk size' } : 'incomplete';
    const sizeText = bytes.toString('latin1', p, eol);
    if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText)) return { error: `bad chunk size ${JSON.stringify(sizeText)}` };
    const size = parseInt(sizeText, 16);
    if (size === 0) {
      if (bytes.length < eol + 4) return closed ? { error: 'closed before the last chunk ended' } : 'incomplete';
      if (bytes.toString('latin1', eol, eol + 4) !== '\r\n\r\n') return { error: 'trailers after the last chunk' };
      return { response: { ...head, body: Buffer.concat(parts) }, next: eol + 4 };
    }
    if (bytes.length < eol + 2 + size + 2) return closed ? { error: 'closed in a chunk' } : 'incomplete';
    if (bytes.toString('latin1', eol + 2 + size, eol + 4 + size) !== '\r\n') return { error: 'chunk not followed by CRLF' };
    parts.push(bytes.subarray(eol + 2, eol + 2 + size));
    p = eol + 4 + size;
  }
}

/** The value of header `name` (lower case) in `r`, or undefined. */
export function headerOf(r: RawResponse, name: string): string | undefined {
  return r.headers.find(([k]) => k === name)?.[1];
}
