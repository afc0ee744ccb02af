/**
 * Requests a security review found to end the browser host, or to get past its token, sent as
 * raw bytes (so odd paths reach it as they are). Each must get an answer, leave the process
 * without an uncaught exception or unhandled rejection, and leave the host serving.
 */
import { headerOf, rawExchange, type RawOutcome, type RawResponse } from '../../support/raw-http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startFakeRendererHost, type FakeRendererHost } from '../../support/fake-renderer-host';
import type { BrowserHost } from '../../../electron/host/browser-host';

const PAGE_MARKER = 'roller-page-8c1f';
const WS_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
let served: FakeRendererHost;
let host: BrowserHost;
let faults: unknown[];

beforeAll(async () => {
  served = await startFakeRendererHost(PAGE_MARKER);
  ({ host, faults } = served);
});

afterAll(() => served?.close());

afterEach(async () => {
  expect(faults.splice(0), 'an uncaught exception or unhandled rejection in the host').toEqual([]);
  // Still serving: the page with the token, and an API request.
  expect(await status(get(`/?token=${host.token}`))).toBe(200);
  expect(await apiAnswers(`127.0.0.1:${host.port}`)).toMatchObject({ ok: true });
});

function get(target: string, name = `127.0.0.1:${host.port}`, method = 'GET'): string {
  return `${method} ${target} HTTP/1.1\r\nHost: ${name}\r\nConnection: close\r\n\r\n`;
}

function upgrade(target: string, name = `127.0.0.1:${host.port}`, origin?: string): string {
  const o = origin ? `Origin: ${origin}\r\n` : '';
  return `GET ${target} HTTP/1.1\r\nHost: ${name}\r\n${o}Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${WS_KEY}\r\n\r\n`;
}

async function answer(request: string): Promise<RawResponse> {
  const outcome: RawOutcome = await rawExchange(host.port, request);
  if (outcome.kind !== 'answered') throw new Error(`no answer to ${JSON.stringify(request)}: ${outcome.kind}`);
  return outcome.responses[0]!;
}

async function status(request: string): Promise<number> {
  return (await answer(request)).status;
}

/** Opens the API as a browser at `name` would (Host and Origin of that name) and asks for a snapshot. */
function apiAnswers(name: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { headers: { host: name }, origin: `http://${name}` });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('open', () => ws.send(JSON.stringify({ kind: 'request', id: 1, name: 'app.snapshot', params: {} })));
    ws.on('message', (data) => {
      const m = JSON.parse((data as Buffer).toString()) as Record<string, unknown>;
      if (m['kind'] !== 'response') return;
      ws.close();
      resolve(m);
    });
  });
}

describe('browser host: requests that used to end it', () => {
  it('a lone % in the path (decodeURIComponent threw) gets 400', async () => {
    expect(await status(get('/%'))).toBe(400);
    expect(await status(get('/assets/%E0%A4%A'))).toBe(400);
  });

  it('a path of // (new URL threw) gets 400', async () => {
    expect(await status(get('//'))).toBe(400);
    expect(await status(get('//evil.example/x'))).toBe(400);
  });

  it('a token of 32 characters but 33 bytes (timingSafeEqual threw) gets 403', async () => {
    const token = `%C3%A9${'a'.repeat(31)}`;
    expect(await status(get(`/?token=${token}`))).toBe(403);
    expect(await status(get(`/?token=${encodeURIComponent('😀')}${'a'.repeat(30)}`))).toBe(403);
  });

  it('the same faults on the WebSocket upgrade get 400 and 403', async () => {
    expect(await status(upgrade('//'))).toBe(400);
    expect(await status(upgrade('/%'))).toBe(400);
    expect(await status(upgrade(`/api?token=%C3%A9${'a'.repeat(31)}`))).toBe(403);
  });

  it('a page on another origin loading <img src="http://127.0.0.1:PORT/%"> gets 400', async () => {
    const request = `GET /% HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nReferer: http://evil.example/\r\nAccept: image/*\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Dest: image\r\n\r\n`;
    expect(await status(request)).toBe(400);
  });
});

describe('browser host: an upgrade pipelined behind a request', () => {
  // Found by the HTTP fuzz: ws answered an upgrade while the file before it on the same
  // connection was still being read, so the two answers could be interleaved on the wire.
  it('is refused while the answer before it is still being written, never mixed into it', async () => {
    const out = await rawExchange(host.port, get('/assets/app.js').replace('Connection: close\r\n', '') + upgrade(`/api?token=${host.token}`), { responses: 2 });
    expect(out.kind).toBe('answered');
    if (out.kind !== 'answered') return;
    const statuses = out.responses.map((r) => r.status);
    // Either the file was answered first and then the upgrade, or the upgrade was refused.
    if (statuses.includes(101)) expect(statuses).toEqual([200, 101]);
    else expect(statuses.at(-1)).toBe(400);
  });
});

describe('browser host: the page only with the token, whatever the spelling of its path', () => {
  it('refuses encoded and non-canonical spellings of the page, with or without the token', async () => {
    for (const path of ['/%69ndex.html', '/%2Findex.html', '//index.html', '/./index.html', '/index.html/', '/assets/../index.html', '/%2e/index.html', '/index.html.', '/index%2ehtml']) {
      for (const query of ['', `?token=${host.token}`]) {
        const r = await answer(get(`${path}${query}`));
        expect(r.status, `${path}${query}`).toBe(400);
        expect(r.body.toString(), `${path}${query}`).not.toContain(PAGE_MARKER);
      }
    }
  });

  it('asks for the token on the page in any case of its name', async () => {
    for (const path of ['/INDEX.HTML', '/Index.html', '/index.HTML']) {
      expect(await status(get(path)), path).toBe(403);
      expect(await status(get(path, `127.0.0.1:${host.port}`, 'HEAD')), path).toBe(403);
      const r = await answer(get(`${path}?token=${host.token}`));
      expect(r.status).toBe(200);
      expect(r.body.toString()).toContain(PAGE_MARKER);
    }
  });

  it('serves the assets without the token, but no encoded spelling of them', async () => {
    expect(await status(get('/assets/app.js'))).toBe(200);
    expect(await status(get('/assets/%61pp.js'))).toBe(400);
    expect(await status(get('/assets%2fapp.js'))).toBe(400);
    expect(await status(get('/assets'))).toBe(404);
    expect(await status(get('/api'))).toBe(404);
  });
});

describe('browser host: localhost and 127.0.0.1 both work end to end', () => {
  it('serves the page at localhost with a CSP that lets it reach its own WebSocket', async () => {
    for (const name of [`localhost:${host.port}`, `127.0.0.1:${host.port}`]) {
      const r = await answer(get(`/?token=${host.token}`, name));
      expect(r.status).toBe(200);
      expect(headerOf(r, 'content-security-policy')).toContain(`connect-src 'self' ws://${name};`);
    }
  });

  it('opens the API for a page at localhost, with the Origin exact for the name in use', async () => {
    expect(await apiAnswers(`localhost:${host.port}`)).toMatchObject({ ok: true, result: { host: 'browser' } });
    expect(await apiAnswers(`127.0.0.1:${host.port}`)).toMatchObject({ ok: true, result: { host: 'browser' } });
    const api = `/api?token=${host.token}`;
    expect(await status(upgrade(api, `localhost:${host.port}`, `http://localhost:${host.port}`))).toBe(101);
    expect(await status(upgrade(api, `localhost:${host.port}`, `http://127.0.0.1:${host.port}`))).toBe(403);
    expect(await status(upgrade(api, `127.0.0.1:${host.port}`, `http://localhost:${host.port}`))).toBe(403);
    expect(await status(upgrade(api, `localhost:${host.port}`, `http://localhost:${host.port}/`))).toBe(403);
    expect(await status(upgrade(api, `localhost:${host.port}`, `https://localhost:${host.port}`))).toBe(403);
    expect(await status(upgrade(api, `localhost:${host.port}`, 'null'))).toBe(403);
  });
});
