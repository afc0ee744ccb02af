import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_PAGE_URL, isAppUrl, originOf, rendererLocation } from '../../../electron/main/app-origin';

describe('the app page’s origin', () => {
  it('accepts the app protocol’s pages, whatever their path, query or fragment', () => {
    for (const url of [APP_PAGE_URL, 'app://roller/', 'app://roller/index.html#/history', 'app://roller/assets/app.js?x=1']) expect(isAppUrl(url, [APP_ORIGIN]), url).toBe(true);
  });

  it('refuses every other origin, including the ones a prefix match let through', () => {
    for (const url of [
      'app://roller.evil/index.html',
      'app://rollerx/',
      'app://roller@evil/',
      'app://user:pw@roller/',
      'app://roller:8080/',
      'app://other/',
      'https://roller/',
      'file:///home/u/out/renderer/index.html',
      'file:///home/u/out/renderer/../../evil.html',
      'about:blank',
      'data:text/html,hi',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url, [APP_ORIGIN]), url).toBe(false);
    }
  });

  it('parses an origin into scheme and host, nothing for a URL without a host', () => {
    expect(originOf('http://localhost:5173/index.html')).toEqual({ protocol: 'http:', host: 'localhost:5173' });
    expect(originOf('HTTP://LOCALHOST:5173/')).toEqual({ protocol: 'http:', host: 'localhost:5173' });
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('%')).toBeNull();
  });

  it('loads the app protocol’s page unless ELECTRON_RENDERER_URL names a dev server', () => {
    expect(rendererLocation({})).toEqual({ ok: true, url: APP_PAGE_URL, origins: [APP_ORIGIN], dev: false });
    expect(rendererLocation({ ELECTRON_RENDERER_URL: '' })).toMatchObject({ ok: true, url: APP_PAGE_URL });
  });

  it('allows exactly the dev server’s origin while developing, and not the app protocol’s', () => {
    const loc = rendererLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(loc).toMatchObject({ ok: true, url: 'http://localhost:5173', dev: true });
    if (!loc.ok) throw new Error(loc.error);
    expect(isAppUrl('http://localhost:5173/index.html', loc.origins)).toBe(true);
    for (const url of ['http://localhost:51730/', 'http://localhost:5174/', 'https://localhost:5173/', 'http://localhost/', 'http://localhost:5173.evil.example/', APP_PAGE_URL]) {
      expect(isAppUrl(url, loc.origins), url).toBe(false);
    }
  });

  it('names a dev server address that is not http(s)', () => {
    expect(rendererLocation({ ELECTRON_RENDERER_URL: 'localhost:5173' })).toEqual({ ok: false, error: expect.stringContaining('ELECTRON_RENDERER_URL') });
    expect(rendererLocation({ ELECTRON_RENDERER_URL: 'file:///tmp/index.html' })).toMatchObject({ ok: false });
  });
});
