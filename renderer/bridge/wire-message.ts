/**
 * Parses one text frame from the browser host (the wire format in the IPC contract). A frame that
 * is not JSON or not a known message shape comes back as an error string, never as an exception.
 */
import { WireFromMainSchema, type WireFromMain } from './contract';

export type WireParse = { ok: true; message: WireFromMain } | { ok: false; error: string };

export function parseWireFromMain(text: unknown): WireParse {
  if (typeof text !== 'string') return { ok: false, error: 'binary frame (expected JSON text)' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'frame is not JSON' };
  }
  const parsed = WireFromMainSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `unexpected message: ${issue?.path.join('.') || 'frame'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, message: parsed.data };
}
