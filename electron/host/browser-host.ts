/**
 * The browser host: the same renderer and the same main-process services, for a browser, over
 * a local WebSocket. Used by `roller serve`, the demo where Electron's binary is missing, and the
 * end-to-end tests in real Chromium.
 *
 * Security: bound to 127.0.0.1 only; a random token per run is required to load the page and to
 * open the API socket; the socket also checks the Origin header (another web page in the same
 * browser cannot drive the app); every message is parsed against the IPC contract; static files
 * are served only from the renderer build folder, with a strict Content Security Policy.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { BROWSER_HOST_API_PATH, EVENTS, MAX_CHART_PNG_BASE64, parseRequest, WireFromRendererSchema, type EventName, type WireFromMain } from '../ipc/ipc-contract';
import type { RollerApp } from '../app/roller-app';

/**
 * The largest message the renderer may send: an import piece or an export's chart image (see the
 * contract's MAX_IMPORT_CHUNK_CHARS and MAX_CHART_PNG_BASE64) with room for the JSON around it.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = MAX_CHART_PNG_BASE64 + 64 * 1024;

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  app: RollerApp;
  /** The renderer build (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Largest accepted message from the renderer, bytes. */
  maxMessageBytes?: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export async function startBrowserHost(o: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(16).toString('hex');
  const root = resolve(o.rendererDir);
  const server = createServer();
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');

  // Only this address may be asked for: a page elsewhere that points its own name at 127.0.0.1
  // (DNS rebinding) sends its own Host and gets nothing, not even the public assets.
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const hostOk = (req: IncomingMessage) => hosts.has((req.headers.host ?? '').toLowerCase());
  server.on('request', (req, res) => {
    if (!hostOk(req)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('wrong host\n');
      return;
    }
    void serveStatic(req, res, root, token, csp);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: o.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const reqOrigin = req.headers.origin;
    if (!hostOk(req) || url.pathname !== BROWSER_HOST_API_PATH || !tokenMatches(url.searchParams.get('token'), token) || (reqOrigin !== undefined && reqOrigin !== origin)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, o.app));
  });

  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close: () => closeAll(server, wss),
  };
}

function attach(ws: WebSocket, app: RollerApp): void {
  const send = (m: WireFromMain) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  const unsubs = (Object.keys(EVENTS) as EventName[]).map((name) => app.on(name, (payload) => send({ kind: 'event', name, payload })));
  ws.on('close', () => unsubs.forEach((u) => u()));
  // A frame ws refuses (over the size limit, text that is not UTF-8, a bad opcode) closes that
  // socket with the matching code; without a listener the error would end the whole host.
  ws.on('error', () => undefined);
  ws.on('message', (data, isBinary) => {
    if (isBinary) return send({ kind: 'response', id: -1, ok: false, error: 'binary messages are not accepted' });
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      return send({ kind: 'response', id: -1, ok: false, error: 'message is not JSON' });
    }
    const wire = WireFromRendererSchema.safeParse(json);
    if (!wire.success) return send({ kind: 'response', id: -1, ok: false, error: `malformed message: ${wire.error.issues[0]?.path.join('.') || 'message'}: ${wire.error.issues[0]?.message ?? ''}` });
    const { id, name, params } = wire.data;
    const parsed = parseRequest(name, params);
    if (!parsed.ok) return send({ kind: 'response', id, ok: false, error: parsed.error });
    app.handle(parsed.name, parsed.params).then(
      (result) => send({ kind: 'response', id, ok: true, result }),
      (err: unknown) => send({ kind: 'response', id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  });
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, token: string, csp: string): Promise<void> {
  const headers = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, headers).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const isPage = url.pathname === '/' || url.pathname === '/index.html';
  if (isPage && !tokenMatches(url.searchParams.get('token'), token)) {
    res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Open the address Roller Companion printed (it carries this run’s token).\n');
    return;
  }
  const rel = isPage ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
  const file = normalize(join(root, rel));
  if (!file.startsWith(root + sep)) {
    res.writeHead(404, headers).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
  }
}

function tokenMatches(given: string | null, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function closeAll(server: Server, wss: WebSocketServer): Promise<void> {
  for (const c of wss.clients) c.terminate();
  return new Promise((ok) => {
    wss.close(() => server.close(() => ok()));
    server.closeAllConnections();
  });
}
