/**
 * Which URLs are the app's own page: the page served by the app protocol
 * (`app://roller/index.html`, see app-protocol.ts) or, while developing, the electron-vite dev
 * server named by `ELECTRON_RENDERER_URL`. IPC senders and navigations are checked with
 * {@link isAppUrl}: the URL is parsed and its scheme and host (with port) compared exactly with
 * the allowed origins, never by prefix — `app://roller.evil/`, `app://roller@evil/`,
 * `http://localhost:51730/` for a dev server on 5173 are other origins. Pure.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'roller';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
export const DEV_SERVER_ENV = 'ELECTRON_RENDERER_URL';

/** An origin as the URL parser gives it: `protocol` with its colon (`app:`), `host` with any port. */
export interface UrlOrigin {
  protocol: string;
  host: string;
}

export const APP_ORIGIN: UrlOrigin = { protocol: `${APP_SCHEME}:`, host: APP_HOST };

/** The origin of `url`, or null when it is not a URL with a host (or carries credentials). */
export function originOf(url: string): UrlOrigin | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host || parsed.username || parsed.password) return null;
  return { protocol: parsed.protocol, host: parsed.host };
}

export function isAppUrl(url: string, allowed: readonly UrlOrigin[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowed.some((a) => a.protocol === origin.protocol && a.host === origin.host);
}

/** What the window loads, and the origins that count as the app's page. */
export type RendererLocation = { ok: true; url: string; origins: readonly UrlOrigin[]; dev: boolean } | { ok: false; error: string };

export function rendererLocation(env: Readonly<Record<string, string | undefined>>): RendererLocation {
  const dev = env[DEV_SERVER_ENV];
  if (dev === undefined || dev === '') return { ok: true, url: APP_PAGE_URL, origins: [APP_ORIGIN], dev: false };
  const origin = originOf(dev);
  if (!origin || (origin.protocol !== 'http:' && origin.protocol !== 'https:')) {
    return { ok: false, error: `${DEV_SERVER_ENV} is not an http(s) address of the dev server: "${dev}"` };
  }
  return { ok: true, url: dev, origins: [origin], dev: true };
}
