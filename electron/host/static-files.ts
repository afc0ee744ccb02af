/**
 * The renderer build's files, served with `send` (the Express project's static-file streamer,
 * the one under `serve-static`): it resolves the path under the build folder and refuses what
 * leaves it, streams the file with its Content-Type, and answers HEAD, Range and conditional
 * requests. We use `send` rather than `serve-static` because the host decides methods and
 * paths itself and wants no directory redirects. The path given is already canonical
 * (request-target.ts), so `send`'s own decoding has nothing to decode.
 *
 * Every outcome is an answer: a missing file or a folder 404, any other refusal of `send` its
 * status, a read error after the headers closes the connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import send from 'send';
import { answerText } from './http-answer';

export function serveFile(req: IncomingMessage, res: ServerResponse, root: string, path: string, headers: Record<string, string>): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  const stream = send(req, path, { root, index: false, dotfiles: 'ignore', cacheControl: false, extensions: false });
  stream.on('directory', () => answerText(res, 404, 'not found'));
  stream.on('error', (err: { status?: unknown }) => {
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 600 ? err.status : 500;
    answerText(res, status, status === 404 ? 'not found' : 'cannot serve this file');
  });
  stream.pipe(res);
}
