/**
 * The Content Security Policy of the desktop window, written once. The app protocol sends it as a
 * header on every response (app-protocol.ts); renderer/index.html carries the same policy in a
 * `<meta>` tag, minus the directives a `<meta>` policy cannot carry (the browser ignores them
 * there); test/electron/main/content-security-policy.test.ts keeps the two, and SECURITY.md, equal.
 *
 * No inline script or style, no eval, no remote code, no plugins, no `<base>`, no framing, no
 * form posts. `connect-src 'self'` also admits a WebSocket to the page's own host and port, which
 * is how the page reaches the browser host (`roller serve`), whose header adds its exact address.
 * Pure.
 */
const DIRECTIVES: readonly (readonly [name: string, value: string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

/** Directives that only a header can deliver: a `<meta>` policy ignores them (CSP 3, §3.3). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const join = (list: readonly (readonly [string, string])[]) => list.map(([name, value]) => `${name} ${value}`).join('; ');

/** The `Content-Security-Policy` header of every response of the app protocol. */
export const APP_CSP = join(DIRECTIVES);

/** The same policy as renderer/index.html's `<meta http-equiv="Content-Security-Policy">` holds it. */
export const APP_CSP_META = join(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));
