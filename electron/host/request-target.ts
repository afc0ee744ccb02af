/**
 * The request target of a browser-host request (`req.url`, as sent), read without decoding.
 *
 * The host serves a handful of built files whose names are plain ASCII (`index.html`,
 * `assets/index-<hash>.js`…), so a path is accepted only in its canonical form: the form it has
 * after percent-decoding and normalising. Any other spelling is refused as a whole, so one
 * path has one meaning for this check, for the file system and for the static-file library:
 *
 * | refused (400)                                  | because                                        |
 * |------------------------------------------------|------------------------------------------------|
 * | `%` anywhere in the path (`/%69ndex.html`, `%2e%2e`, `%2f`, `%00`, `%`) | an encoded spelling of a plain path, or not decodable |
 * | an empty, `.` or `..` segment (`//index.html`, `/./index.html`, `/a/../x`) | a second spelling of another path |
 * | a trailing slash but the root's (`/index.html/`) | a second spelling of a file                     |
 * | a segment that starts or ends with `.` (`/.env`, `/index.html.`) | dotfiles; Windows drops a trailing dot  |
 * | any character outside `A–Z a–z 0–9 . _ -` and `/` (`~`, `:`, `\`, non-ASCII) | 8.3 names, NTFS streams, Unicode folding |
 * | not starting with `/` (`*`, `http://…`), over 1,024 characters |                                   |
 *
 * "Is this the page" is then decided on that one form, ignoring case (a case-insensitive file
 * system serves `/INDEX.HTML` as `index.html`): `/` and `/index.html` in any case are the page.
 * The query is read with URLSearchParams, which never throws (a bad `%` sequence stays as it is).
 */

/** Longest path accepted, characters (the build's paths are under 100). */
export const MAX_PATH_CHARS = 1024;

const SEGMENT = '[A-Za-z0-9_-](?:[A-Za-z0-9._-]*[A-Za-z0-9_-])?';
const CANONICAL_PATH = new RegExp(`^(?:/|(?:/${SEGMENT})+)$`);

export type RequestTarget =
  | {
      ok: true;
      /** The canonical path, e.g. `/assets/app.js`. */
      path: string;
      /** True for the page: `/` or `/index.html`, in any case. */
      isPage: boolean;
      /** The first `token` query parameter, decoded, or null. */
      token: string | null;
    }
  | { ok: false; reason: string };

export function readRequestTarget(raw: string | undefined): RequestTarget {
  const target = raw ?? '';
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? '' : target.slice(q + 1);
  if (path.length > MAX_PATH_CHARS) return { ok: false, reason: `path longer than ${MAX_PATH_CHARS} characters` };
  if (!CANONICAL_PATH.test(path)) return { ok: false, reason: 'path not in canonical form (no %-encoding, empty, dot or trailing-slash segments; letters, digits, . _ - only)' };
  const lower = path.toLowerCase();
  return { ok: true, path, isPage: lower === '/' || lower === '/index.html', token: new URLSearchParams(query).get('token') };
}
