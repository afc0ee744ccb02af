/**
 * The names the browser host answers to, and what follows from the one a request uses.
 *
 * The host listens on 127.0.0.1 and answers to `127.0.0.1:<port>` and `localhost:<port>` (a
 * browser may be given either). Any other Host is refused, so a page that points its own domain
 * at 127.0.0.1 (DNS rebinding) reaches nothing. For the name in use:
 * - a WebSocket from a browser must come from exactly `http://<that name>` (Origin);
 * - the page's Content Security Policy lets it connect to `ws://<that name>` only.
 */
import type { IncomingMessage } from 'node:http';

export const HOST_NAMES = ['127.0.0.1', 'localhost'] as const;

/** `127.0.0.1:<port>` or `localhost:<port>` as this request names the host (any case), or null. */
export function hostInUse(req: IncomingMessage, port: number): string | null {
  const given = req.headers.host;
  if (typeof given !== 'string') return null;
  const lower = given.toLowerCase();
  return HOST_NAMES.some((n) => lower === `${n}:${port}`) ? lower : null;
}

/** No Origin (not a browser) or exactly the page's own origin for the name in use. */
export function originAllowed(req: IncomingMessage, host: string): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${host}`;
}

export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ws://${host}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
