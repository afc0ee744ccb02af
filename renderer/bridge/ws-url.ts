import { BROWSER_HOST_API_PATH } from './contract';

/** The parts of `window.location` the WebSocket address is built from. */
export interface LocationLike {
  protocol: string;
  host: string;
  search: string;
}

/**
 * `ws://<host>/api?token=<token>` for the page at `location` (the browser host serves the page at
 * `/?token=…`), or null when the page was not served by a host (no host, or no token).
 */
export function wsUrlFor(location: LocationLike): string | null {
  if (!location.host) return null;
  const token = new URLSearchParams(location.search).get('token');
  if (!token) return null;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${BROWSER_HOST_API_PATH}?token=${encodeURIComponent(token)}`;
}
