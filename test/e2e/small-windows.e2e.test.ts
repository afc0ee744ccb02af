/**
 * Every screen in real Chromium at 1280×800 and at 800×600 (a laptop with the window half the
 * screen): nothing scrolls sideways, the connection badge is whole, and in a live session with
 * the simulated roller the speed, the zone, the warning, Stop and "It hurts" are all in view and
 * the "Same spot" ring is drawn. Screenshots of each screen at each size go to test-artifacts/.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { formatRecordingCsv } from '../../sensor-protocol/recording/recording-csv-writer';
import { motionSettings } from '../../electron/motion/motion-settings';
import { openSessionStore } from '../../electron/session/open-session-store';
import { importRecordingText } from '../../electron/session/session-import';
import { simulationCsvMetadata } from '../../electron/sim/csv-metadata';
import { builtInScenario } from '../../electron/sim/scenario-catalog';
import { simulate } from '../../electron/sim/simulate';
import { ARTIFACTS, canRunBrowser, startE2e, type E2e } from './browser-harness';
import { SIZES, inView, noSidewaysScroll, useSimulated, type Box } from './page-checks';

async function boxOf(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  expect(b, 'element is laid out').not.toBeNull();
  return b!;
}

/** The badge's label is not cut short (no ellipsis, no clipping). */
async function badgeWhole(page: Page): Promise<void> {
  // The header scrolls with the page: look at it from the top.
  await page.evaluate('window.scrollTo(0, 0)');
  const badge = page.getByTestId('connection-state');
  await inView(page, badge, 'connection badge');
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- evaluate of a string is typed unknown
  const label = (await page.evaluate(
    `(() => { const l = document.querySelector('[data-testid="connection-state"] .conn-badge__label'); return { scroll: l.scrollWidth, client: l.clientWidth }; })()`,
  )) as {
    scroll: number;
    client: number;
  };
  expect(label.client, 'badge label has room').toBeGreaterThan(0);
  expect(label.scroll, 'badge label is not clipped').toBeLessThanOrEqual(label.client + 1);
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.skipIf(!canRunBrowser)('every screen fits the window, from 800×600 up', () => {
  let e: E2e;
  let page: Page;
  let reviewId: number;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'roller-layout-e2e-'));
    const sim = simulate(builtInScenario('too-fast'), { seed: 3 });
    const opened = openSessionStore({ dataDir });
    const imported = importRecordingText(opened.store, formatRecordingCsv(sim.samples, { ...simulationCsvMetadata(sim.meta), started_at: new Date().toISOString() }), {
      fileName: 'too-fast.csv',
      settings: motionSettings({}),
      now: Date.now(),
    });
    reviewId = imported.session.id;
    opened.store.close();
    e = await startE2e({ dataDir, screened: true });
    page = e.page;
  }, 60_000);

  afterAll(async () => {
    await e?.close();
  });

  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;

    it(`${tag}: Pair and Setup`, async () => {
      await page.setViewportSize(size);
      await useSimulated(page, 'guided-session');
      await e.shot(`layout-${tag}-pair`);
      await noSidewaysScroll(page);
      await badgeWhole(page);
      await inView(page, page.getByTestId('nav-history'), 'History tab');

      await page.getByTestId('nav-setup').click();
      await page.getByTestId('calibration-start').waitFor();
      await e.shot(`layout-${tag}-setup`);
      await noSidewaysScroll(page);
      await badgeWhole(page);
    }, 60_000);

    it(`${tag}: a live session keeps speed, zone, warning and both stops in view`, async () => {
      await page.getByTestId('nav-session').click();
      await page.getByTestId('start-button').waitFor();
      await e.shot(`layout-${tag}-session-start`);
      await noSidewaysScroll(page);
      await page.getByTestId('start-button').click();
      await page.getByTestId('speed-readout').waitFor();
      await page.getByTestId('warning-banner').waitFor({ timeout: 60_000 });
      await e.shot(`layout-${tag}-session-live`);
      await noSidewaysScroll(page);
      await badgeWhole(page);
      await inView(page, page.getByTestId('speed-readout'), 'speed');
      await inView(page, page.getByTestId('zone-readout'), 'zone');
      const warning = await inView(page, page.getByTestId('warning-area'), 'warning area');
      await inView(page, page.getByTestId('warning-banner'), 'warning');
      await inView(page, page.getByTestId('stop-button'), 'Stop');
      await inView(page, page.getByTestId('pain-button'), 'It hurts');
      const ring = await boxOf(page.locator('[data-testid="dwell-ring"] svg'));
      expect(ring.width, 'dwell ring drawn').toBeGreaterThan(40);
      expect(ring.height, 'dwell ring drawn').toBeGreaterThan(40);
      // The warning hides nothing: no panel heading and no zone readout under it.
      for (const l of [page.getByTestId('zone-readout'), page.getByTestId('speed-readout'), ...(await page.locator('.panel-heading').all())]) {
        const b = await l.boundingBox();
        if (b && b.width > 0) expect(overlaps(warning, b), 'warning covers a heading or readout').toBe(false);
      }
      await page.getByTestId('stop-button').click();
      await page.getByTestId('session-summary').waitFor();
      await e.shot(`layout-${tag}-session-ended`);
      await noSidewaysScroll(page);
    }, 90_000);

    it(`${tag}: History, Review and Settings`, async () => {
      await page.getByTestId('nav-history').click();
      await page.getByTestId(`review-session-${reviewId}`).waitFor();
      await e.shot(`layout-${tag}-history`);
      await noSidewaysScroll(page);
      await badgeWhole(page);
      await page.getByTestId(`review-session-${reviewId}`).click();
      await page.getByTestId('review-summary').waitFor();
      await page.getByTestId('speed-chart').waitFor();
      await page.waitForFunction(`document.querySelector('[data-testid="zone-times"]') !== null`);
      await e.shot(`layout-${tag}-review`);
      await page.screenshot({ path: join(ARTIFACTS, `layout-${tag}-review-full.png`), fullPage: true });
      await noSidewaysScroll(page);

      await page.getByTestId('nav-settings').click();
      await page.getByTestId('speed-limit-input').waitFor();
      await e.shot(`layout-${tag}-settings`);
      await noSidewaysScroll(page);
      await badgeWhole(page);
    }, 60_000);
  }
});
