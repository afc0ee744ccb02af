/**
 * Raw HTTP requests for fuzzing the browser host's request and upgrade layer: odd and encoded
 * paths (bad, overlong, `%00`, `%2e%2e`, `%2f`, raw non-ASCII, case changes), tokens right,
 * wrong, encoded, non-ASCII and of odd lengths, duplicated and odd headers (Host, Origin,
 * Upgrade, Connection, Sec-WebSocket-Key/Version, lengths, Expect, oversized), methods and HTTP
 * versions, bare-LF heads, pipelined pairs and requests cut short.
 *
 * A request is built as a string of characters 0–255 and sent as those bytes (latin1), so what
 * is written is exactly what the server's parser sees.
 */
import type { Dice } from './fuzz-harness';

export interface HostUnderTest {
  port: number;
  token: string;
}

export interface FuzzRequest {
  /** The bytes to write. */
  bytes: Buffer;
  /** Requests written one after another (answers to wait for). */
  requests: number;
  /** For each request, whether its answer has no body (HEAD). */
  bodiless: boolean[];
  /** Whether some request's first `token` query parameter is the run's token, as the host reads it. */
  carriesToken: boolean;
  /** Half-close after writing: a request cut short, or a head whose end the server may not see (bare LF or CR, PRI). */
  end: boolean;
}

const PATHS = ['/', '/index.html', '/INDEX.HTML', '/Index.html', '/api', '/API', '/assets/app.js', '/assets', '/assets/', '/secret.txt', '/.hidden', '/missing.js', '/favicon.ico'];
const PATH_INSERTS = [
  '%',
  '%g1',
  '%2',
  '%zz',
  '%00',
  '%2e%2e',
  '%2E%2E/',
  '%2e',
  '%2f',
  '%2F',
  '%5c',
  '%c0%ae',
  '%e0%80%ae',
  '%c0%af',
  '%ff',
  '%C3%A9',
  '%ED%A0%80',
  '%u002e',
  '/..',
  '/../..',
  '/.',
  '//',
  '\\',
  '~1',
  '::$DATA',
  ';',
  '#frag',
  '?',
  '&',
  ' ',
  '\t',
  '\x00',
  '\x7f',
  'é',
  '\u00c3\u00a9',
];
const METHODS = ['GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'HEAD', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'get', 'G ET', 'GETT', 'PRI', ''];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'HTTP/1.2', 'HTTP/1', 'http/1.1', 'HTTP/1.1 ', ''];

/** One case: a single request (most), a pipelined pair, or a request cut short. */
export function fuzzRequest(d: Dice, h: HostUnderTest): FuzzRequest {
  const first = oneRequest(d, h);
  if (d.chance(0.08)) {
    const second = oneRequest(d, h, { noBody: true });
    const lead = oneRequest(d, h, { noBody: true, plain: true });
    return join([lead, second], false);
  }
  if (d.chance(0.12)) {
    const cut = d.int(0, Math.max(0, first.text.length - 1));
    return join([{ ...first, text: first.text.slice(0, cut) }], true);
  }
  return join([first], first.oddEnd);
}

interface OneRequest {
  text: string;
  bodiless: boolean;
  carriesToken: boolean;
  oddEnd: boolean;
}

function join(list: OneRequest[], end: boolean): FuzzRequest {
  return {
    bytes: Buffer.from(list.map((r) => r.text).join(''), 'latin1'),
    requests: list.length,
    bodiless: list.map((r) => r.bodiless),
    carriesToken: list.some((r) => r.carriesToken),
    end: end || list.some((r) => r.oddEnd),
  };
}

type Shape = 'page' | 'asset' | 'upgrade' | 'wild';

function oneRequest(d: Dice, h: HostUnderTest, o: { noBody?: boolean; plain?: boolean } = {}): OneRequest {
  // Most cases are near a real request (the page, an asset, the API socket) with one thing or a
  // few wrong, so that every branch of the host is reached; a quarter are wild.
  const shape: Shape = o.plain ? 'asset' : d.pick(['page', 'page', 'page', 'asset', 'upgrade', 'upgrade', 'upgrade', 'wild', 'wild', 'wild'] as const);
  const near = shape !== 'wild';
  const method = o.plain || (near && d.chance(0.85)) ? d.pick(['GET', 'GET', 'GET', 'HEAD']) : d.pick(METHODS);
  const target = o.plain ? `${d.pick(PATHS)}${d.chance(0.5) ? `?token=${h.token}` : ''}` : requestTarget(d, h, shape);
  const version = o.plain || (near && d.chance(0.85)) ? 'HTTP/1.1' : d.pick(VERSIONS);
  const name = d.pick(['127.0.0.1', 'localhost', 'LocalHost']);
  const headers = o.plain ? [`Host: ${name}:${h.port}`] : headerLines(d, h, `${name.toLowerCase()}:${h.port}`, shape, o.noBody ?? false);
  const eol = !o.plain && d.chance(0.04) ? d.pick(['\n', '\r', '\n\r']) : '\r\n';
  let text = `${method} ${target}${version ? ` ${version}` : ''}${eol}${headers.join(eol)}${headers.length ? eol : ''}${eol}`;
  if (!o.noBody && !o.plain && d.chance(0.1)) text += bodyText(d);
  // PRI starts HTTP/2's preface: Node's parser waits for the rest of it, as for any unfinished head.
  return { text, bodiless: method === 'HEAD', carriesToken: carriesToken(target, h.token), oddEnd: eol !== '\r\n' || method === 'PRI' };
}

/**
 * Whether the host may read the run's token in `target`: the first `token` parameter of the
 * query after the first `?`, in the target as written or as the parser cuts it at a blank.
 */
function carriesToken(target: string, token: string): boolean {
  return [target, target.split(/[ \t]/)[0] ?? ''].some((t) => {
    const q = t.indexOf('?');
    return q !== -1 && new URLSearchParams(t.slice(q + 1)).get('token') === token;
  });
}

function requestTarget(d: Dice, h: HostUnderTest, shape: Shape): string {
  let path =
    shape === 'page' ? d.pick(['/', '/index.html', '/INDEX.HTML']) : shape === 'asset' ? d.pick(['/assets/app.js', '/secret.txt', '/missing.js']) : shape === 'upgrade' ? '/api' : d.pick(PATHS);
  const mutations = shape === 'wild' ? d.int(0, 3) : d.chance(0.5) ? 0 : d.int(1, 2);
  for (let m = 0; m < mutations; m++) path = mutatePath(d, path, h);
  if (d.chance(0.03)) path = d.pick(['', '*', `http://127.0.0.1:${h.port}/`, `http://evil.example/index.html`, '//', `//127.0.0.1:${h.port}/`]);
  return `${path}${query(d, h)}`;
}

function mutatePath(d: Dice, path: string, h: HostUnderTest): string {
  const at = d.int(0, path.length);
  switch (d.int(0, 7)) {
    case 0: {
      // Percent-encode some characters (either case of hex digits).
      return [...path].map((c) => (c !== '/' && d.chance(0.3) ? pct(c, d.chance(0.5)) : c)).join('');
    }
    case 1:
      return path.slice(0, at) + d.pick(PATH_INSERTS) + path.slice(at);
    case 2:
      return [...path].map((c) => (d.chance(0.3) ? (d.chance(0.5) ? c.toUpperCase() : c.toLowerCase()) : c)).join('');
    case 3:
      return path + d.pick(['/', '.', ' ', '%20', '%2f', '/.', '/..', '%00', '~', '::$DATA']);
    case 4:
      return d.pick(['//', '/./', '/../', '/assets/../', `http://127.0.0.1:${h.port}`, '/%2e/', '/%2e%2e/']) + path.replace(/^\/+/, '');
    case 5:
      return path + '/' + 'a'.repeat(d.int(1, 3000));
    case 6:
      // Raw bytes 0x80–0xff, or UTF-8 text as its bytes.
      return path.slice(0, at) + (d.chance(0.5) ? String.fromCharCode(d.int(0x80, 0xff)) : utf8Bytes(d.pick(['é', 'ı', 'ſ', 'K', '😀', '\u2215', '\uff0e']))) + path.slice(at);
    default:
      return path.slice(0, at) + '%' + hex2(d.int(0, 255), d.chance(0.5)) + path.slice(at);
  }
}

function query(d: Dice, h: HostUnderTest): string {
  const t = h.token;
  const k = d.int(0, 19);
  if (k < 4) return '';
  if (k < 10) return `?token=${t}`;
  if (k === 10) return `?token=${[...t].map((c) => (d.chance(0.3) ? pct(c, d.chance(0.5)) : c)).join('')}`;
  if (k === 11)
    return `?token=${d.pick([`%C3%A9${t.slice(1)}`, `${utf8Bytes('é')}${t.slice(1)}`, `%F0%9F%98%80${t.slice(2)}`, `%ED%A0%80${t.slice(1)}`, `${t.slice(1)}%`, `%${t.slice(1)}`, '%C3%A9'.repeat(32)])}`;
  if (k === 12) return `?token=${t.slice(0, d.int(0, t.length - 1))}`;
  if (k === 13) return `?token=${t}${d.pick(['0', 'é', '%00', '&', '#', ' ', 'x'.repeat(d.int(1, 5000))])}`;
  if (k === 14) return `?token=${d.pick(['', '%', '%%', '+', t.toUpperCase(), 'f'.repeat(32), '0'.repeat(32)])}`;
  if (k === 15) return d.pick([`?token=wrong&token=${t}`, `?token=${t}&token=wrong`, `?TOKEN=${t}`, `?token%3d${t}`, `?%74oken=${t}`, `?x=1&token=${t}`, `??token=${t}`, `?token=${t}#x`]);
  if (k === 16) return `?token=${t}&${'a=1&'.repeat(d.int(1, 500))}`;
  if (k === 17) return `?${d.pick(['', '=', '&&', 'token', 'token=', '%', '%zz=1'])}`;
  return `?token=${latin1Junk(d, d.int(1, 64))}`;
}

function headerLines(d: Dice, h: HostUnderTest, host: string, shape: Shape, noBody: boolean): string[] {
  const lines: string[] = [];
  const k = shape === 'wild' ? d.int(0, 19) : d.chance(0.8) ? 0 : d.int(0, 19);
  if (k < 14) lines.push(`Host: ${d.chance(0.2) ? host.toUpperCase() : host}`);
  else if (k === 14) lines.push(`Host: ${host}`, `Host: ${d.pick([host, 'evil.example', `127.0.0.1:${h.port + 1}`])}`);
  else if (k === 15)
    lines.push(
      `Host: ${d.pick(['evil.example', `evil.example:${h.port}`, '127.0.0.1', `127.0.0.1:${h.port + 1}`, `[::1]:${h.port}`, `localhost.:${h.port}`, '', ` ${host}`, `${host} `, `${host}, evil.example`, `127.0.0.1:0${h.port}`])}`,
    );
  else if (k === 16) lines.push(`Host: ${latin1Junk(d, d.int(0, 40))}`);
  // k 17–19: no Host at all.
  if (d.chance(shape === 'upgrade' ? 0.6 : 0.3)) lines.push(...originLines(d, host));
  if (shape === 'upgrade' || d.chance(0.2)) lines.push(...upgradeLines(d, shape === 'upgrade' ? 0.85 : 0.5));
  const extras = shape === 'wild' ? d.int(0, 3) : d.chance(0.6) ? 0 : d.int(1, 2);
  for (let i = 0; i < extras; i++) lines.push(...extraLines(d, noBody));
  return shuffle(d, lines);
}

function originLines(d: Dice, host: string): string[] {
  const other = host.startsWith('localhost') ? host.replace('localhost', '127.0.0.1') : host.replace('127.0.0.1', 'localhost');
  const pick = () =>
    d.pick([
      `http://${host}`,
      `http://${host}`,
      `http://${host}`,
      `http://${other}`,
      `https://${host}`,
      `http://${host}/`,
      `http://${host.toUpperCase()}`,
      'http://evil.example',
      'null',
      '',
      `http://${host}.evil.example`,
    ]);
  return d.chance(0.15) ? [`Origin: ${pick()}`, `Origin: ${pick()}`] : [`Origin: ${pick()}`];
}

/** The headers of a WebSocket handshake, each one right with probability `right`. */
function upgradeLines(d: Dice, right: number): string[] {
  const lines: string[] = [];
  const key = () =>
    d.chance(right)
      ? Buffer.from(d.bytes(16)).toString('base64')
      : d.pick(['dGhlIHNhbXBsZSBub25jZQ==', 'short', '', Buffer.from(d.bytes(20)).toString('base64'), '!!!!!!!!!!!!!!!!!!!!!!==', 'AAAAAAAAAAAAAAAAAAAAAA']);
  if (d.chance(0.95)) lines.push(`Connection: ${d.chance(right) ? d.pick(['Upgrade', 'upgrade', 'keep-alive, Upgrade']) : d.pick(['Upgrade, close', 'close', 'keep-alive'])}`);
  if (d.chance(0.95)) lines.push(`Upgrade: ${d.chance(right) ? d.pick(['websocket', 'WebSocket']) : d.pick(['h2c', 'websocket, h2c', '', 'web socket'])}`);
  if (d.chance(0.05)) lines.push(`Upgrade: ${d.pick(['websocket', 'h2c'])}`);
  if (d.chance(0.95)) lines.push(`Sec-WebSocket-Version: ${d.chance(right) ? '13' : d.pick(['8', '', '13, 13', 'x'])}`);
  if (d.chance(0.95)) lines.push(`Sec-WebSocket-Key: ${key()}`);
  if (d.chance(0.05)) lines.push(`Sec-WebSocket-Key: ${key()}`);
  if (d.chance(0.15)) lines.push(`Sec-WebSocket-Protocol: ${d.pick(['roller', '', 'a, a', 'a b'])}`);
  if (d.chance(0.1)) lines.push(`Sec-WebSocket-Extensions: ${d.pick(['permessage-deflate', 'permessage-deflate; client_max_window_bits=99', 'x; ;'])}`);
  return lines;
}

function extraLines(d: Dice, noBody: boolean): string[] {
  switch (d.int(0, 13)) {
    case 0:
      return [`Connection: ${d.pick(['close', 'keep-alive', 'close, close', ''])}`];
    case 1:
      return noBody ? [] : [`Content-Length: ${d.pick(['0', '5', '-1', 'abc', '5, 6', '99999999999999999999'])}`];
    case 2:
      return noBody ? [] : [`Transfer-Encoding: ${d.pick(['chunked', 'gzip, chunked', 'chunked, chunked', 'identity'])}`];
    case 3:
      return [`Expect: ${d.pick(['100-continue', 'foo'])}`];
    case 4:
      return [`Range: ${d.pick(['bytes=0-3', 'bytes=5-1', 'bytes=-1', 'bytes=0-0,1-1,2-2', 'bytes=x', 'lines=1-2'])}`];
    case 5:
      return [`${d.pick(['If-None-Match', 'If-Modified-Since', 'If-Match', 'If-Range'])}: ${d.pick(['*', '"x"', 'Thu, 01 Jan 1970 00:00:00 GMT', 'junk'])}`];
    case 6:
      return [`X-Long: ${'v'.repeat(d.int(100, 20_000))}`];
    case 7:
      return Array.from({ length: d.int(10, 150) }, (_, i) => `X-H${i}: ${i}`);
    case 8:
      return [d.pick(['NoColonHere', 'Bad Name: 1', ': empty-name', ' folded: continuation', 'X-Nul: a\x00b', 'X-Ctl: a\x01b', `X-Bytes: ${latin1Junk(d, 20)}`, '\tX-Tab: 1'])];
    case 9:
      return [`Cookie: ${d.pick(['a=1', 'token=x', ''])}`, `Accept: ${d.pick(['*/*', 'text/html', ''])}`];
    case 10:
      return [`Sec-Fetch-Site: ${d.pick(['cross-site', 'same-origin', 'none'])}`, `Referer: ${d.pick(['http://evil.example/', ''])}`];
    case 11:
      return [`Accept-Encoding: ${d.pick(['gzip', 'br, gzip', '*', ''])}`];
    case 12:
      return [`Content-Type: ${d.pick(['text/plain', 'application/json', 'multipart/form-data; boundary=x'])}`];
    default:
      return [`X-${d.int(0, 99)}: ${latin1Junk(d, d.int(0, 30))}`];
  }
}

function bodyText(d: Dice): string {
  return d.pick(['hello', '5\r\nhello\r\n0\r\n\r\n', 'zz\r\n', '0\r\n\r\n', latin1Junk(d, d.int(0, 200))]);
}

function latin1Junk(d: Dice, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(d.chance(0.7) ? d.int(0x21, 0x7e) : d.int(0, 0xff));
  return s;
}

function utf8Bytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

function hex2(n: number, upper: boolean): string {
  const s = n.toString(16).padStart(2, '0');
  return upper ? s.toUpperCase() : s;
}

function pct(c: string, upper: boolean): string {
  return [...Buffer.from(c, 'utf8')].map((b) => `%${hex2(b, upper)}`).join('');
}

function shuffle<T>(d: Dice, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = d.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
