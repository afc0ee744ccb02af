/**
 * The review of a long session in Chromium: one hour recorded at 200 Hz (the simulated roller),
 * stored, then opened from History. Measured in the page: from pressing Review to both charts
 * drawn (the request, the data over the socket, building and drawing the charts).
 */
import { screeningAnswers } from '../support/screening-answers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { formatRecordingCsv } from '../../sensor-protocol/recording/recording-csv-writer';
import { createRollerApp } from '../../electron/app/create-roller-app';
import { startBrowserHost } from '../../electron/host/browser-host';
import { motionSettings } from '../../electron/motion/motion-settings';
import { openSessionStore } from '../../electron/session/open-session-store';
import { importRecordingText } from '../../electron/session/session-import';
import { builtInScenario } from '../../electron/sim/scenario-catalog';
import { simulate } from '../../electron/sim/simulate';
import { percentile } from './event-matching';
import { CHROMIUM, CHROMIUM_ARGS, RENDERER_DIR, canRunBrowser } from '../e2e/browser-harness';

export interface ReviewRenderReport {
  samples: number;
  runs: number;
  renderP50Ms: number;
  renderMaxMs: number;
}

/** Presses the session's Review button and resolves when both charts exist and a frame has been drawn. */
const OPEN_REVIEW = (id: number) => `new Promise((resolve) => {
  const t0 = performance.now();
  document.querySelector('[data-testid="review-session-${id}"]').click();
  const check = () => {
    const a = document.querySelector('[data-testid="speed-chart"]');
    const b = document.querySelector('[data-testid="position-chart"]');
    if (a && b && a.__chart && b.__chart) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
    else requestAnimationFrame(check);
  };
  check();
})`;

export async function runReviewRenderBench(runs = 3): Promise<ReviewRenderReport | null> {
  if (!canRunBrowser) return null;
  const dataDir = mkdtempSync(join(tmpdir(), 'roller-review-bench-'));
  try {
    const scenario = { ...builtInScenario('ten-minute-mixed'), sensor: { ...builtInScenario('ten-minute-mixed').sensor, sampleRateHz: 200 } };
    const samples: ImuSample[] = [];
    let offset = 0;
    for (let k = 0; k < 6; k++) {
      const sim = simulate(scenario, { seed: 10 + k });
      for (const s of sim.samples) samples.push({ ...s, tS: s.tS + offset });
      offset = samples[samples.length - 1]!.tS + 0.005;
    }
    const opened = openSessionStore({ dataDir });
    const { session } = importRecordingText(opened.store, formatRecordingCsv(samples, { roller_diameter_in: '6', started_at: new Date().toISOString() }), {
      fileName: 'one-hour.csv',
      settings: motionSettings({}),
      now: Date.now(),
    });
    opened.store.close();
    const app = createRollerApp({ host: 'browser', dataDir });
    const host = await startBrowserHost({ app, rendererDir: RENDERER_DIR });
    app.start();
    await app.handle('screening.submit', screeningAnswers());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        await page.getByTestId('nav-history').click();
        await page.getByTestId(`review-session-${session.id}`).waitFor();
        times.push(await page.evaluate<number>(OPEN_REVIEW(session.id)));
        await page.getByTestId('review-back').click();
      }
      return { samples: samples.length, runs, renderP50Ms: percentile(times, 0.5), renderMaxMs: Math.max(...times) };
    } finally {
      await browser.close();
      await host.close();
      await app.dispose();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
