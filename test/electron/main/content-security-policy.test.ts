/**
 * One Content Security Policy: the app protocol's header, the `<meta>` of renderer/index.html
 * (the header's policy without what a `<meta>` cannot carry) and the policy SECURITY.md states.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_CSP, APP_CSP_META } from '../../../electron/main/content-security-policy';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const metaCsp = (html: string) => /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]),
  );

describe('the Content Security Policy', () => {
  it('is strict: no inline code, no eval, no remote sources, no plugins, no framing', () => {
    const d = directives(APP_CSP);
    expect(d.get('default-src')).toBe("'self'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('style-src')).toBe("'self'");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('frame-ancestors')).toBe("'none'");
    expect(d.get('form-action')).toBe("'none'");
    expect(APP_CSP).not.toMatch(/unsafe-|\*|https?:|ws:/);
  });

  it('is the policy of renderer/index.html’s <meta>, less the header-only frame-ancestors', () => {
    expect(metaCsp(readFileSync(`${ROOT}renderer/index.html`, 'utf8'))).toBe(APP_CSP_META);
    const header = directives(APP_CSP);
    header.delete('frame-ancestors');
    expect(directives(APP_CSP_META)).toEqual(header);
  });

  it.skipIf(!existsSync(`${ROOT}out/renderer/index.html`))('is kept in the built page', () => {
    expect(metaCsp(readFileSync(`${ROOT}out/renderer/index.html`, 'utf8'))).toBe(APP_CSP_META);
  });

  it('is the policy SECURITY.md states', () => {
    const text = readFileSync(`${ROOT}SECURITY.md`, 'utf8').replace(/\s+/g, ' ');
    expect(text).toContain(`\`${APP_CSP}\``);
  });
});
