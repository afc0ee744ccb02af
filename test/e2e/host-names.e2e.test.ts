/**
 * The browser host at both of its names in real Chromium: the page opened at
 * `http://127.0.0.1:<port>/?token=…` and at `http://localhost:<port>/?token=…` loads, its Content
 * Security Policy lets it open its WebSocket, the host accepts that socket's Origin, and requests
 * and events go both ways over it (the simulated roller is chosen and shown streaming).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunBrowser, startE2e, type E2e } from './browser-harness';

describe.skipIf(!canRunBrowser)('browser host names (Chromium)', () => {
  let e: E2e;
  const problems: string[] = [];
  beforeAll(async () => {
    e = await startE2e({ screened: true });
    e.page.on('console', (m) => {
      if (m.type() === 'error' && /content security policy|websocket/i.test(m.text())) problems.push(m.text());
    });
  }, 60_000);
  afterAll(async () => {
    await e?.close();
  });

  it('at 127.0.0.1: the page reaches the app over its WebSocket', async () => {
    await e.page.goto(e.host.url);
    await e.page.getByTestId('nav-pair').click();
    await e.page.getByTestId('use-simulated').click();
    await e.page.locator('[data-testid="connection-state"][data-state="streaming"]').waitFor({ timeout: 20_000 });
    expect(problems).toEqual([]);
  });

  it('at localhost: the same page, its WebSocket allowed by the CSP and the Origin check', async () => {
    const url = e.host.url.replace('127.0.0.1', 'localhost');
    expect(url).toMatch(/^http:\/\/localhost:\d+\/\?token=/);
    await e.page.goto(url);
    // The badge comes from the app's snapshot and its events, both over the WebSocket.
    await e.page.locator('[data-testid="connection-state"][data-state="streaming"]').waitFor({ timeout: 20_000 });
    await e.page.getByTestId('nav-pair').click();
    await e.page.getByTestId('use-simulated').waitFor();
    expect(new URL(e.page.url()).host).toBe(`localhost:${e.host.port}`);
    expect(problems).toEqual([]);
  });
});
