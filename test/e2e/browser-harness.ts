/**
 * End-to-end harness: the real app services and the browser host in this process (a fresh data
 * folder each time), and Debian's Chromium driven by playwright-core. Screenshots go to
 * test-artifacts/ (kept out of git) so a person can look at every screen.
 */
import { screeningAnswers } from '../support/screening-answers';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createRollerApp } from '../../electron/app/create-roller-app';
import type { RollerApp } from '../../electron/app/roller-app';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
export const canRunBrowser = existsSync(CHROMIUM) && existsSync(join(RENDERER_DIR, 'index.html'));
if (!canRunBrowser && process.env['CI']) {
  // In CI the end-to-end tests must run: .ci/run installs Chromium and npm test builds the app.
  throw new Error(`end-to-end tests need ${CHROMIUM} and the built renderer (${RENDERER_DIR}); install Debian's chromium and run npm test`);
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface E2e {
  app: RollerApp;
  host: BrowserHost;
  browser: Browser;
  page: Page;
  dataDir: string;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface E2eOptions {
  viewport?: { width: number; height: number };
  /** A data folder prepared by the test (removed at close); default: a new one. */
  dataDir?: string;
  exportFolder?: string;
  /** Answer the safety questions (all "no") before the page opens. */
  screened?: boolean;
}

export async function startE2e(o: E2eOptions = {}): Promise<E2e> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'roller-e2e-'));
  const app = createRollerApp({ host: 'browser', dataDir, ...(o.exportFolder ? { exportFolder: o.exportFolder } : {}) });
  const host = await startBrowserHost({ app, rendererDir: RENDERER_DIR });
  app.start();
  if (o.screened) {
    await app.handle('screening.submit', screeningAnswers());
  }
  const viewport = o.viewport ?? { width: 1280, height: 800 };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage({ viewport });
  await page.goto(host.url);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    app,
    host,
    browser,
    page,
    dataDir,
    shot: async (name) => {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    },
    close: async () => {
      await browser.close();
      await host.close();
      await app.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
