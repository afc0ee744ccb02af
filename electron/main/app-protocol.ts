/**
 * The app protocol: the desktop window's page and its assets are served as `app://roller/…`
 * from the renderer build (out/renderer) instead of `file://`, so every response carries the
 * Content Security Policy header and the page has an origin of its own.
 *
 * `app` is registered before the app is ready as a standard, secure scheme (relative URLs,
 * an origin, a secure context; fetch allowed, no service workers, no CSP bypass), then
 * handled with {@link appProtocolHandler}. A request URL is mapped to a file by
 * {@link resolveAppFile}: the path is percent-decoded, resolved inside the renderer folder and
 * refused unless it stays inside it (`..`, `%2e%2e`, `%2f`, `%5c`, NUL, another host: 404).
 * The handler answers every request, never throws: 404 for what is not there or not allowed,
 * 405 for a method other than GET and HEAD, 500 should reading fail otherwise.
 */
import { readFile as readFileFromDisk } from 'node:fs/promises';
import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

type PathModule = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep' | 'extname'>;

export type AppFileLookup = { ok: true; file: string } | { ok: false; reason: string };

export function resolveAppFile(rootDir: string, url: string, path: PathModule = nodePath): AppFileLookup {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, reason: `not an ${APP_SCHEME}://${APP_HOST}/ address` };
  let name: string;
  try {
    name = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, reason: 'malformed percent-encoding' };
  }
  if (name.includes('\0')) return { ok: false, reason: 'NUL in the path' };
  if (name === '' || name.endsWith('/')) name += 'index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${name.startsWith('/') ? '' : '/'}${name}`);
  const rel = path.relative(root, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return { ok: false, reason: 'outside the renderer folder' };
  return { ok: true, file };
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface AppProtocolOptions {
  /** The renderer build (out/renderer). */
  rootDir: string;
  /** The Content-Security-Policy header of every response. */
  csp: string;
  readFile?: (file: string) => Promise<Uint8Array>;
  path?: PathModule;
}

export function appProtocolHandler(o: AppProtocolOptions): (request: Request) => Promise<Response> {
  const readFile = o.readFile ?? readFileFromDisk;
  const path = o.path ?? nodePath;
  const headers = { 'Content-Security-Policy': o.csp, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  const plain = (status: number, text: string) => new Response(`${text}\n`, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  return async (request) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
      const found = resolveAppFile(o.rootDir, request.url, path);
      if (!found.ok) return plain(404, 'not found');
      let body: Uint8Array;
      try {
        body = await readFile(found.file);
      } catch (err) {
        const code = (err as { code?: unknown } | null)?.code;
        return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? plain(404, 'not found') : plain(500, 'could not read the file');
      }
      const type = TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...headers, 'Content-Type': type } });
    } catch {
      return plain(500, 'internal error');
    }
  };
}
