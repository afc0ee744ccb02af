/**
 * The browser host: the same renderer and the same main-process services, for a browser, over
 * a local WebSocket. Used by `roller serve`, the demo where Electron's binary is missing, and the
 * end-to-end tests in real Chromium.
 *
 * Security (SECURITY.md, "The browser host"): bound to 127.0.0.1 only, answering to
 * `127.0.0.1:<port>` and `localhost:<port>` (host-names.ts); a random token per run is required
 * to load the page and to open the API socket (host-token.ts); the socket also checks the Origin
 * header, exactly, for the name in use (another web page in the same browser cannot drive the
 * app); every message is parsed against the IPC contract (api-socket.ts). Request paths are
 * accepted only in canonical form, so "is this the page" has one answer whatever the spelling
 * (request-target.ts); files are served from the renderer build folder only, with a strict
 * Content Security Policy, by `send` (static-files.ts): the Express project's maintained
 * static-file streamer (the core of `serve-static`), rather than our own decoding, joining and
 * streaming of paths.
 *
 * No request can end the process: each handler runs inside a guard that turns any throw into an
 * answer (400/403/404/421, or 500 for what was not foreseen), and the request, response and
 * upgraded sockets carry error listeners. `test/fuzz/browser-host-http-fuzz.test.ts` sends raw
 * requests to hold this.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { BROWSER_HOST_API_PATH, MAX_CHART_PNG_BASE64 } from '../ipc/ipc-contract';
import type { RollerApp } from '../app/roller-app';
import { attachApiSocket } from './api-socket';
import { contentSecurityPolicy, hostInUse, originAllowed } from './host-names';
import { newHostToken, tokenMatches } from './host-token';
import { answerText, BASE_HEADERS, refuseUpgrade } from './http-answer';
import { readRequestTarget } from './request-target';
import { serveFile } from './static-files';

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

interface HostContext {
  port: number;
  token: string;
  root: string;
}

const ignore = () => undefined;

export async function startBrowserHost(o: BrowserHostOptions): Promise<BrowserHost> {
  const server = createServer();
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port ?? 0, '127.0.0.1', () => ok());
  });
  // Once listening, an error of the listening socket (e.g. accept failing for want of file
  // descriptors) leaves the server listening; it must not end the process.
  server.on('error', ignore);
  const ctx: HostContext = { port: (server.address() as { port: number }).port, token: newHostToken(), root: resolve(o.rendererDir) };

  // Responses still being written, per connection: an upgrade pipelined behind one is refused,
  // or ws's answer and the WebSocket's frames would be interleaved with that response's bytes.
  const inFlight = new WeakMap<Duplex, number>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    req.on('error', ignore);
    res.on('error', ignore);
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.once('close', () => inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1));
    try {
      answerHttp(req, res, ctx);
    } catch {
      answerText(res, 500, 'internal error');
    }
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: o.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the socket over without its own error listener: a reset must not end the host.
    socket.on('error', ignore);
    try {
      const refusal = (inFlight.get(socket) ?? 0) > 0 ? 400 : upgradeRefusal(req, ctx);
      if (refusal !== null) return refuseUpgrade(socket, refusal);
      // ws answers a bad handshake itself (400: version, key, Upgrade header; 405: method).
      wss.handleUpgrade(req, socket, head, (ws) => attachApiSocket(ws, o.app));
    } catch {
      refuseUpgrade(socket, 500);
    }
  });

  return {
    url: `http://127.0.0.1:${ctx.port}/?token=${ctx.token}`,
    port: ctx.port,
    token: ctx.token,
    close: () => closeAll(server, wss),
  };
}

function answerHttp(req: IncomingMessage, res: ServerResponse, ctx: HostContext): void {
  const host = hostInUse(req, ctx.port);
  if (host === null) return answerText(res, 421, 'wrong host');
  const headers = { ...BASE_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(host) };
  if (req.method !== 'GET' && req.method !== 'HEAD') return answerText(res, 405, 'GET or HEAD only', { ...headers, Allow: 'GET, HEAD' });
  const target = readRequestTarget(req.url);
  if (!target.ok) return answerText(res, 400, target.reason, headers);
  if (!target.isPage) return serveFile(req, res, ctx.root, target.path, headers);
  if (!tokenMatches(target.token, ctx.token)) return answerText(res, 403, 'Open the address Roller Companion printed (it carries this run’s token).', headers);
  serveFile(req, res, ctx.root, '/index.html', headers);
}

/** The status to refuse an API upgrade with, or null to let ws complete it. */
function upgradeRefusal(req: IncomingMessage, ctx: HostContext): number | null {
  const host = hostInUse(req, ctx.port);
  if (host === null || !originAllowed(req, host)) return 403;
  const target = readRequestTarget(req.url);
  if (!target.ok) return 400;
  if (target.path !== BROWSER_HOST_API_PATH) return 404;
  return tokenMatches(target.token, ctx.token) ? null : 403;
}

function closeAll(server: Server, wss: WebSocketServer): Promise<void> {
  for (const c of wss.clients) c.terminate();
  return new Promise((ok) => {
    wss.close(() => server.close(() => ok()));
    server.closeAllConnections();
  });
}
