/**
 * The browser host's security and wire handling: 127.0.0.1 only, the run's token for the page
 * and the API, Origin checked, every message parsed against the IPC contract.
 */
import { noSimulatedRoller, testRollerApp } from '../../support/test-roller-app';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { memoryAppStore } from '../../../electron/app/app-store';
import type { RollerApp } from '../../../electron/app/roller-app';
import { realScheduler } from '../../../electron/ble/scheduler';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';

const dir = mkdtempSync(join(tmpdir(), 'roller-host-'));
let host: BrowserHost;
let app: RollerApp;

beforeAll(async () => {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Roller Companion</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not for the page');
  app = testRollerApp({ scheduler: realScheduler, store: memoryAppStore(), makeSimulatedNoble: noSimulatedRoller });
  host = await startBrowserHost({ app, rendererDir: dir });
  app.start();
});

afterAll(async () => {
  await host.close();
  await app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function open(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function next(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const on = (data: unknown) => {
      const m = JSON.parse(String(data)) as Record<string, unknown>;
      if (m['kind'] === 'response') {
        ws.off('message', on);
        resolve(m);
      }
    };
    ws.on('message', on);
  });
}

describe('browser host', () => {
  it('listens on 127.0.0.1 and prints an address with the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[0-9a-f]{32}$`));
  });

  it('serves the page only with the token, with a strict CSP; assets without', async () => {
    const base = `http://127.0.0.1:${host.port}`;
    expect((await fetch(`${base}/`)).status).toBe(403);
    expect((await fetch(`${base}/?token=${'0'.repeat(32)}`)).status).toBe(403);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self'/);
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${base}/assets/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('answers only requests for its own address (no DNS rebinding)', async () => {
    const status = (hostHeader: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: host.port, path: `/assets/app.js`, headers: { host: hostHeader } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status(`127.0.0.1:${host.port}`)).toBe(200);
    expect(await status(`localhost:${host.port}`)).toBe(200);
    expect(await status(`rebind.example:${host.port}`)).toBe(421);
    expect(await status('127.0.0.1')).toBe(421);
    const rebound = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { headers: { host: `rebind.example:${host.port}` } });
    await expect(
      new Promise((resolve, reject) => {
        rebound.once('open', resolve);
        rebound.once('error', reject);
        rebound.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      }),
    ).rejects.toThrow(/403/);
  });

  it('refuses the API without the token or from another origin', async () => {
    const api = `ws://127.0.0.1:${host.port}/api`;
    await expect(open(api)).rejects.toThrow(/403/);
    await expect(open(`${api}?token=${'f'.repeat(32)}`)).rejects.toThrow(/403/);
    await expect(open(`${api}?token=${host.token}`, 'http://evil.example')).rejects.toThrow(/403/);
    const ws = await open(`${api}?token=${host.token}`, `http://127.0.0.1:${host.port}`);
    ws.close();
  });

  it('answers requests, and rejects malformed ones with a clear error instead of crashing', async () => {
    const ws = await open(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    ws.send(JSON.stringify({ kind: 'request', id: 1, name: 'app.snapshot', params: {} }));
    const snap = await next(ws);
    if (!snap['ok']) throw new Error(String(snap['error']));
    expect(snap).toMatchObject({ id: 1, ok: true, result: { host: 'browser', adapter: { state: 'unavailable' } } });
    ws.send('not json');
    expect(await next(ws)).toMatchObject({ ok: false, error: 'message is not JSON' });
    ws.send(JSON.stringify({ kind: 'request', id: 2, name: 'app.exec', params: {} }));
    expect(await next(ws)).toMatchObject({ id: 2, ok: false, error: 'unknown request "app.exec"' });
    ws.send(JSON.stringify({ kind: 'request', id: 3, name: 'session.stop', params: { reason: 'bored' } }));
    expect(await next(ws)).toMatchObject({ id: 3, ok: false, error: expect.stringMatching(/^session\.stop: reason: /) });
    ws.send(JSON.stringify({ kind: 'request', id: 4, name: 'profile.update', params: { speedLimitInPerS: 'fast' } }));
    expect(await next(ws)).toMatchObject({ id: 4, ok: false, error: expect.stringMatching(/^profile\.update: speedLimitInPerS: /) });
    ws.send(JSON.stringify({ kind: 'request', id: 5, name: 'profile.update', params: { isAdmin: true } }));
    expect(await next(ws)).toMatchObject({ id: 5, ok: false });
    ws.send(JSON.stringify({ kind: 'hello' }));
    expect(await next(ws)).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed message/) });
    ws.send(JSON.stringify({ kind: 'request', id: 6, name: 'profile.update', params: { units: 'cm' } }));
    expect(await next(ws)).toMatchObject({ id: 6, ok: true, result: { units: 'cm' } });
    ws.close();
  });
});
