/**
 * What the user sees, measured in Debian's Chromium through the browser host, with the
 * simulated roller streaming at 100 Hz on the real clock:
 * - a coaching event raised by the engine (in the main process, right as the notification that
 *   caused it is processed) → the warning banner painted in the page, p50 / p95;
 * - the live view's frame time while streaming (requestAnimationFrame intervals), p50 / p95.
 * Both clocks are this machine's wall clock (Date.now in Node and in the page).
 */
import { screeningAnswers } from '../support/screening-answers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { openAppStore } from '../../electron/app/open-app-store';
import { RollerApp } from '../../electron/app/roller-app';
import { loadSystemNoble } from '../../electron/ble/noble-loader';
import { realScheduler } from '../../electron/ble/scheduler';
import { createSimulatedNoble } from '../../electron/ble/sim-peripheral';
import { startBrowserHost } from '../../electron/host/browser-host';
import type { ScenarioInput } from '../../electron/sim/scenario-schema';
import { percentile } from './event-matching';
import { CHROMIUM, CHROMIUM_ARGS, RENDERER_DIR, canRunBrowser } from '../e2e/browser-harness';

/** Fast passes with long pauses: one too-fast warning every ~5 s. */
const DRILL: ScenarioInput = {
  name: 'warning-drill',
  description: 'Repeated fast passes, each one warning.',
  roller: { diameterIn: 6 },
  spineMap: { neckAboveCm: 40, lumbarBelowCm: 40 },
  sensor: { sampleRateHz: 100, samplesPerFrame: 1 },
  segments: [
    { kind: 'rest', durationS: 3 },
    { kind: 'oscillate', fromCm: 0, toCm: 8, passes: 12, profile: 'cruise', peakSpeedInPerS: 2.5, turnPauseS: 4 },
    { kind: 'rest', durationS: 2 },
  ],
};

/** Records when each new warning banner is painted (Date.now, after the next animation frame). */
const WATCH_BANNERS = `
  window.__banners = [];
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType === 1 && (n.getAttribute('data-testid') === 'warning-banner' || n.querySelector('[data-testid="warning-banner"]'))) {
        requestAnimationFrame(() => window.__banners.push(Date.now()));
      }
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Records, per animation frame, the interval since the previous one and the main thread's work
 * for the frame: from the frame's start (a rAF callback) to a task queued from it, which runs
 * once the app's own frame callbacks, style, layout and paint are done.
 */
const WATCH_FRAMES = `
  window.__frames = [];
  window.__work = [];
  let last = performance.now();
  const channel = new MessageChannel();
  let frameStart = 0;
  channel.port1.onmessage = () => window.__work.push(performance.now() - frameStart);
  const tick = (t) => {
    window.__frames.push(t - last);
    last = t;
    frameStart = performance.now();
    channel.port2.postMessage(0);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

export interface UiBenchReport {
  warnings: number;
  warningP50Ms: number;
  warningP95Ms: number;
  frames: number;
  /** Main-thread work per frame (app callbacks, style, layout, paint). */
  frameWorkP50Ms: number;
  frameWorkP95Ms: number;
  /** Interval between frames (vsync-bound at 60 Hz: 16.7 ms). */
  frameP50Ms: number;
  frameP95Ms: number;
  /** Frames that came more than 25 ms after the previous one (a missed vsync). */
  droppedFrames: number;
}

export async function runUiBench(): Promise<UiBenchReport | null> {
  if (!canRunBrowser) return null;
  const dataDir = mkdtempSync(join(tmpdir(), 'roller-ui-bench-'));
  const store = openAppStore(dataDir);
  const app = new RollerApp({
    host: 'browser',
    scheduler: realScheduler,
    store,
    loadSystemNoble: () => loadSystemNoble(),
    makeSimulatedNoble: () => {
      const sim = createSimulatedNoble({ scheduler: realScheduler, peripherals: [{ kind: 'roller', scenario: DRILL as never }] });
      return { noble: sim.noble, dispose: () => sim.dispose() };
    },
  });
  const host = await startBrowserHost({ app, rendererDir: RENDERER_DIR });
  app.start();
  await app.handle('screening.submit', screeningAnswers());
  await app.handle('profile.update', { sounds: false, speech: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Scripts go in as text: a bundler's helpers in a serialised function would not exist in the page.
    await page.addInitScript({ content: WATCH_BANNERS });
    await page.goto(host.url);
    await page.getByTestId('nav-session').waitFor();
    const coach: number[] = [];
    app.on('coach', (e) => e.kind === 'too-fast' && coach.push(Date.now()));
    await app.handle('sensors.useSimulated', { scenario: 'too-fast' });
    await app.handle('session.start', {});
    await page.getByTestId('nav-session').click();
    await page.getByTestId('speed-readout').waitFor();
    await page.evaluate(WATCH_FRAMES);
    await page.waitForTimeout(process.env['UIB'] ? Number(process.env['UIB']) : 60_000);
    const { banners, frames, work } = await page.evaluate<{ banners: number[]; frames: number[]; work: number[] }>('({ banners: window.__banners, frames: window.__frames, work: window.__work })');
    await app.handle('session.stop', { reason: 'completed' });
    const delays: number[] = [];
    for (const t of coach) {
      const shown = banners.find((b) => b >= t);
      if (shown !== undefined) delays.push(shown - t);
    }
    const f = frames.slice(5);
    const w = work.slice(5);
    return {
      frameWorkP50Ms: percentile(w, 0.5),
      frameWorkP95Ms: percentile(w, 0.95),
      warnings: delays.length,
      warningP50Ms: percentile(delays, 0.5),
      warningP95Ms: percentile(delays, 0.95),
      frames: f.length,
      frameP50Ms: percentile(f, 0.5),
      frameP95Ms: percentile(f, 0.95),
      droppedFrames: f.filter((d) => d > 25).length,
    };
  } finally {
    await browser.close();
    await host.close();
    await app.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
