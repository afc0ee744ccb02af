/**
 * Review and history in real Chromium: a simulated session imported into a fresh session store,
 * then opened from the History screen; the charts carry the engine's track and the warnings as
 * annotations, the summary shows the engine's figures, and picking a warning moves the charts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatRecordingCsv } from '../../sensor-protocol/recording/recording-csv-writer';
import { motionSettings } from '../../electron/motion/motion-settings';
import { openSessionStore } from '../../electron/session/open-session-store';
import { importRecordingText } from '../../electron/session/session-import';
import { simulationCsvMetadata } from '../../electron/sim/csv-metadata';
import { builtInScenario } from '../../electron/sim/scenario-catalog';
import { simulate } from '../../electron/sim/simulate';
import { ARTIFACTS, canRunBrowser, startE2e, type E2e } from './browser-harness';

describe.skipIf(!canRunBrowser)('review and history in Chromium', () => {
  let dataDir: string;
  let e: E2e;
  let page: Page;
  let sessionId: number;
  let engineEvents: { kind: string; t: number }[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'roller-review-e2e-'));
    const sim = simulate(builtInScenario('too-fast'), { seed: 2 });
    const opened = openSessionStore({ dataDir });
    const imported = importRecordingText(opened.store, formatRecordingCsv(sim.samples, { ...simulationCsvMetadata(sim.meta), started_at: new Date().toISOString() }), {
      fileName: 'too-fast.csv',
      settings: motionSettings({}),
      now: Date.now(),
    });
    sessionId = imported.session.id;
    engineEvents = opened.store.events(sessionId).map((e) => ({ kind: e.kind, t: e.t }));
    opened.store.close();
    e = await startE2e({ dataDir, screened: true });
    page = e.page;
  }, 60_000);

  afterAll(async () => {
    await e?.close();
  });

  it('lists the session by day, opens it, and charts the engine’s track with its warnings', async () => {
    expect(engineEvents.filter((e) => e.kind === 'too-fast').length).toBeGreaterThanOrEqual(3);
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-screen').waitFor();
    await page.getByTestId('history-session').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, '10-history.png') });
    await page.getByTestId(`review-session-${sessionId}`).click();
    await page.getByTestId('review-summary').waitFor();
    await page.getByTestId('speed-chart').waitFor();
    // Both charts hold the track (chart.js draws without animation) before the screenshot.
    await page.waitForFunction(`['speed-chart', 'position-chart'].every((id) => document.querySelector('[data-testid="' + id + '"]')?.__chart?.data.datasets[0]?.data.length > 0)`);
    await page.screenshot({ path: join(ARTIFACTS, '11-review.png'), fullPage: true });
    const charts = await page.evaluate<{ speed: { points: number; annotations: number; xMin: number | null; xMax: number | null }; position: { points: number; annotations: number } }>(`(() => {
      const info = (id) => {
        const c = document.querySelector('[data-testid="' + id + '"]').__chart;
        return { points: c.data.datasets[0].data.length, annotations: Object.keys(c.options.plugins.annotation.annotations || {}).length, xMin: c.options.scales.x.min ?? null, xMax: c.options.scales.x.max ?? null };
      };
      return { speed: info('speed-chart'), position: info('position-chart') };
    })()`);
    expect(charts.speed.points).toBeGreaterThan(500);
    expect(charts.position.points).toBe(charts.speed.points);
    // The limit line plus at least one shaded over-limit stretch per too-fast warning.
    expect(charts.speed.annotations).toBeGreaterThanOrEqual(1 + engineEvents.filter((e) => e.kind === 'too-fast').length);
    // Zone bands plus one mark per warning.
    expect(charts.position.annotations).toBeGreaterThanOrEqual(engineEvents.length);
    await expect(page.getByTestId('review-event').count()).resolves.toBe(engineEvents.length);
  });

  it('picking a warning moves both charts to it', async () => {
    const second = engineEvents[1]!;
    const speedRange = async () =>
      await page.evaluate<[number | null, number | null]>(
        `(() => { const c = document.querySelector('[data-testid="speed-chart"]').__chart; return [c.options.scales.x.min ?? null, c.options.scales.x.max ?? null]; })()`,
      );
    await page.getByTestId('review-event').nth(1).click();
    // The chart's range moves once React has handled the click: wait for it, not for a time.
    const around = ([min, max]: [number | null, number | null]) => min !== null && max !== null && min <= second.t && max >= second.t && max - min < 120;
    await expect.poll(async () => around(await speedRange())).toBe(true);
    const range = (await speedRange()) as [number, number];
    expect(range[0]).toBeLessThanOrEqual(second.t);
    expect(range[1]).toBeGreaterThanOrEqual(second.t);
    expect(range[1] - range[0]).toBeLessThan(120);
    await page.screenshot({ path: join(ARTIFACTS, '12-review-event.png') });
  });
});
