/**
 * One API connection of the browser host: the renderer's requests in, answers and the app's
 * events out, every message parsed against the IPC contract. Nothing a message holds can throw
 * out of here: a bad message gets an error answer, a request the app fails (by rejecting or by
 * throwing) gets the app's error, and an answer that cannot be sent is dropped.
 */
import type { WebSocket } from 'ws';
import { EVENTS, parseRequest, WireFromRendererSchema, type EventName, type WireFromMain } from '../ipc/ipc-contract';
import type { RollerApp } from '../app/roller-app';

export function attachApiSocket(ws: WebSocket, app: RollerApp): void {
  const send = (m: WireFromMain) => {
    try {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
    } catch {
      // The socket is closing, or the value cannot be written as JSON: nothing to answer on.
    }
  };
  const unsubs = (Object.keys(EVENTS) as EventName[]).map((name) => app.on(name, (payload) => send({ kind: 'event', name, payload })));
  ws.on('close', () => unsubs.forEach((u) => u()));
  // A frame ws refuses (over the size limit, text that is not UTF-8, a bad opcode) closes that
  // socket with the matching code; without a listener the error would end the whole host.
  ws.on('error', () => undefined);
  ws.on('message', (data, isBinary) => {
    try {
      answer(data, isBinary, app, send);
    } catch (err) {
      send({ kind: 'response', id: -1, ok: false, error: `message not handled: ${err instanceof Error ? err.message : String(err)}` });
    }
  });
}

function answer(data: unknown, isBinary: boolean, app: RollerApp, send: (m: WireFromMain) => void): void {
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
  // Through a promise, so an app that throws instead of rejecting is answered the same way.
  Promise.resolve()
    .then(() => app.handle(parsed.name, parsed.params))
    .then(
      (result) => send({ kind: 'response', id, ok: true, result }),
      (err: unknown) => send({ kind: 'response', id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
}
