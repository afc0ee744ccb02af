/** The request target as the browser host reads it: canonical paths only, the page in any case. */
import { describe, expect, it } from 'vitest';
import { MAX_PATH_CHARS, readRequestTarget } from '../../../electron/host/request-target';

describe('readRequestTarget', () => {
  it('accepts canonical paths and finds the page in any case', () => {
    expect(readRequestTarget('/')).toEqual({ ok: true, path: '/', isPage: true, token: null });
    expect(readRequestTarget('/index.html?token=abc&token=def')).toEqual({ ok: true, path: '/index.html', isPage: true, token: 'abc' });
    expect(readRequestTarget('/INDEX.Html')).toMatchObject({ ok: true, isPage: true });
    expect(readRequestTarget('/assets/index-Bb_pq-7L.js?v=1')).toEqual({ ok: true, path: '/assets/index-Bb_pq-7L.js', isPage: false, token: null });
    expect(readRequestTarget('/api?token=%C3%A9')).toMatchObject({ ok: true, path: '/api', token: 'é' });
  });

  it('refuses every other spelling of a path', () => {
    const refused = [
      '/%69ndex.html',
      '/%',
      '/%zz',
      '/%2e%2e/etc/passwd',
      '/assets%2fapp.js',
      '/%00',
      '/%c0%ae%c0%ae/',
      '//',
      '//index.html',
      '/./index.html',
      '/assets/../index.html',
      '/index.html/',
      '/assets/',
      '/index.html.',
      '/.env',
      '/INDEX~1.HTM',
      '/index.html::$DATA',
      '/assets\\app.js',
      '/indéx.html',
      '/ index.html',
      '*',
      'http://127.0.0.1:1/',
      '',
      undefined,
      `/${'a'.repeat(MAX_PATH_CHARS)}`,
    ];
    for (const raw of refused) expect(readRequestTarget(raw), String(raw)).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it('reads any query without throwing (bad %-sequences stay as they are)', () => {
    expect(readRequestTarget('/?token=%')).toMatchObject({ ok: true, token: '%' });
    expect(readRequestTarget('/?token=%E0%A4%A')).toMatchObject({ ok: true, isPage: true });
    expect(readRequestTarget('/?token')).toMatchObject({ ok: true, token: '' });
    expect(readRequestTarget('/?a=1?token=2')).toMatchObject({ ok: true, token: null });
  });
});
