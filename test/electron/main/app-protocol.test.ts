import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appProtocolHandler, resolveAppFile } from '../../../electron/main/app-protocol';

const work = mkdtempSync(join(tmpdir(), 'roller-protocol-'));
const root = join(work, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'a b.css'), 'body{}');
writeFileSync(join(work, 'secret.txt'), 'not for the page');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CSP = "default-src 'self'";
const handler = appProtocolHandler({ rootDir: root, csp: CSP });
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the app protocol', () => {
  it('serves the page and its assets with the CSP header and their content types', async () => {
    for (const [url, type] of [
      ['app://roller/index.html', 'text/html; charset=utf-8'],
      ['app://roller/', 'text/html; charset=utf-8'],
      ['app://roller', 'text/html; charset=utf-8'],
      ['app://roller/assets/app.js?v=1#x', 'text/javascript; charset=utf-8'],
      ['app://roller/assets/a%20b.css', 'text/css; charset=utf-8'],
    ] as const) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toBe(type);
      expect(res.headers.get('content-security-policy'), url).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await get('app://roller/assets/app.js')).text()).toBe('console.log(1)');
    const head = await get('app://roller/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404, with the CSP, for anything outside the renderer folder or not there, and never throws', async () => {
    for (const url of [
      'app://roller/../secret.txt',
      'app://roller/%2e%2e/secret.txt',
      'app://roller/assets/%2e%2e/%2e%2e/secret.txt',
      'app://roller/..%2fsecret.txt',
      'app://roller/assets%2f..%2f..%2fsecret.txt',
      'app://roller/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://roller/..%5csecret.txt',
      'app://roller/index.html%00.js',
      'app://roller/%E0%A4%A',
      'app://roller/missing.js',
      'app://roller/assets',
      'app://roller/assets/',
      'app://roller.evil/index.html',
      'app://other/index.html',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy'), url).toBe(CSP);
      expect(await res.text(), url).not.toContain('not for the page');
    }
  });

  it('answers 405 to a method other than GET and HEAD', async () => {
    expect((await get('app://roller/index.html', 'POST')).status).toBe(405);
  });

  it('answers 500 when a file cannot be read for another reason than its absence', async () => {
    const failing = appProtocolHandler({ rootDir: root, csp: CSP, readFile: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })) });
    expect((await failing(new Request('app://roller/index.html'))).status).toBe(500);
    const throwing = appProtocolHandler({
      rootDir: root,
      csp: CSP,
      readFile: () => {
        throw new Error('sync throw');
      },
    });
    expect((await throwing(new Request('app://roller/index.html'))).status).toBe(500);
  });

  it('keeps a Windows path inside the folder too (backslashes and drive letters are separators there)', () => {
    const winRoot = 'C:\\Program Files\\Roller Companion\\resources\\app.asar\\out\\renderer';
    expect(resolveAppFile(winRoot, 'app://roller/assets/app.js', path.win32)).toEqual({ ok: true, file: `${winRoot}\\assets\\app.js` });
    for (const url of ['app://roller/..%5c..%5csecret.txt', 'app://roller/assets%5c..%5c..%5c..%5csecret.txt', 'app://roller/..\\secret.txt']) {
      expect(resolveAppFile(winRoot, url, path.win32), url).toMatchObject({ ok: false });
    }
    expect(resolveAppFile('/srv/renderer', 'app://roller/..%5csecret.txt', path.posix)).toEqual({ ok: true, file: '/srv/renderer/..\\secret.txt' }); // a file name on POSIX, and not there
  });
});
