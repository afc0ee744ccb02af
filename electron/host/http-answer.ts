/**
 * The browser host's short answers (refusals and errors), written so that they never throw:
 * an answer to a request whose response has already started, or whose socket is gone, closes
 * the connection instead.
 */
import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';

/** Headers on every answer of the host. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** A plain-text answer; closes the connection when one can no longer be written. */
export function answerText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  try {
    if (res.headersSent || res.writableEnded) {
      res.destroy();
      return;
    }
    res.writeHead(status, { ...BASE_HEADERS, ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${text}\n`);
  } catch {
    res.destroy();
  }
}

/** Refuses a WebSocket upgrade with `status` and closes the socket once the answer is out. */
export function refuseUpgrade(socket: Duplex, status: number): void {
  try {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    socket.once('finish', () => socket.destroy());
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  } catch {
    socket.destroy();
  }
}
