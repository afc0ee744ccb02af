/**
 * A new user's whole journey, end to end in real Chromium through the browser host, at 1280×800
 * and at 800×600 (one app per size): the safety questions answered in the UI → the height →
 * Pair (the simulated roller playing the `hands-free` scenario) → Setup: a calibration pass the
 * simulated person follows, Use these → Settings: hands-free and the voice guide on (the page's
 * speech captured) → a hands-free session that arms, starts by rolling and is stopped → the end
 * card → its review with a note (rating, a flag, words) → History: the note marker, the trends
 * and the calendar → a second session → Compare the two → export from the review, and import
 * the exported CSV again: "already in your sessions", nothing added.
 * On every screen nothing scrolls sideways; in the live session the speed, the zone, the
 * warning's room, Stop and "It hurts" are in the window and uncovered. Each step's screenshot is
 * test-artifacts/journey-<size>-NN-<step>.png.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistorySchema, SCREENING_QUESTIONS } from '../../electron/ipc/ipc-contract';
import { ARTIFACTS, canRunBrowser, startE2e, type E2e } from './browser-harness';
import { SIZES, captureSpeech, inView, noSidewaysScroll, said, useSimulated } from './page-checks';

/** The live essentials: in the window and not covered, at the top of the page. */
const LIVE = ['speed-readout', 'zone-readout', 'warning-area', 'stop-button', 'pain-button'] as const;

describe.skipIf(!canRunBrowser).each(SIZES)('a new user’s journey at $width×$height', (size) => {
  const tag = `${size.width}x${size.height}`;
  let e: E2e;
  let page: Page;
  let dir: string;
  let exportFolder: string;
  const sessionIds: number[] = [];

  /**
   * This screen: no sideways scrolling, `scrollTo` brought to the top (else the page's top), a
   * screenshot (`whole`: of the whole page, not only the window).
   */
  const step = async (name: string, scrollTo?: string, whole = false): Promise<void> => {
    if (scrollTo) await page.evaluate(`document.querySelector('[data-testid="${scrollTo}"]').scrollIntoView({ block: 'start' })`);
    else await page.evaluate('window.scrollTo(0, 0)');
    await noSidewaysScroll(page, `${tag} ${name}`);
    await page.screenshot({ path: join(ARTIFACTS, `journey-${tag}-${name}.png`), fullPage: whole });
  };

  /** The live essentials in the window and uncovered; a screenshot. */
  const live = async (name: string): Promise<void> => {
    await page.evaluate('window.scrollTo(0, 0)');
    for (const id of LIVE) await inView(page, page.getByTestId(id), `${tag} ${name}: ${id}`);
    await step(name);
  };
  const phase = (p: 'rolling' | 'paused') => page.locator(`[data-testid="guide-state"][data-phase="${p}"]`).waitFor({ timeout: 60_000 });

  /**
   * A hands-free session: armed, it starts when the roller rolls (checked live); with
   * `throughARest` it also pauses while the roller rests and goes on. Then stopped.
   */
  const handsFreeSession = async (shot: string, throughARest: boolean): Promise<number> => {
    await page.getByTestId('nav-session').click();
    const start = page.getByTestId('start-button');
    await expect(start.textContent()).resolves.toContain('Arm hands-free');
    await start.click();
    await phase('rolling');
    await live(shot);
    if (throughARest) {
      await phase('paused');
      await live(`${shot}-paused`);
      await phase('rolling');
    }
    await page.getByTestId('stop-button').click();
    await page.getByTestId('session-summary').waitFor();
    return e.app.snapshot().session.sessionId!;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roller-journey-e2e-'));
    exportFolder = join(dir, 'exports');
    e = await startE2e({ dataDir: join(dir, 'data'), exportFolder, viewport: size });
    page = e.page;
    await captureSpeech(page);
  }, 60_000);

  afterAll(async () => {
    await e?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('first run: the safety questions answered, then the height', async () => {
    await page.getByTestId('screening-ack').waitFor();
    await step('01-screening');
    await page.getByTestId('screening-ack').check();
    for (const q of SCREENING_QUESTIONS) await page.getByTestId(`screening-no-${q.id}`).check();
    await page.getByTestId('screening-submit').click();
    await page.getByTestId('first-run-height').waitFor();
    await page.getByTestId('height-feet').fill('5');
    await page.getByTestId('height-inches').fill('11');
    await step('02-height');
    await page.getByTestId('height-continue').click();
    await page.getByTestId('nav-pair').waitFor();
    expect(e.app.snapshot().screening).toMatchObject({ needsClearance: false, acknowledgedNotMedicalAdvice: true });
    expect(e.app.snapshot().profile).toMatchObject({ bodyHeightCm: 180.3 });
  });

  it('Pair: the simulated roller streams', async () => {
    await useSimulated(page, 'hands-free');
    await step('03-pair');
  });

  it('Setup: the demo’s calibration pass completes; Use these saves it and leads to the Session screen', async () => {
    await page.getByTestId('nav-setup').click();
    await page.getByTestId('calibration-start').click();
    await page.locator('[data-testid="calibration-step"][data-step="hold-top"]').waitFor({ timeout: 40_000 });
    await step('04-calibrate');
    await page.getByTestId('calibration-accept').waitFor({ timeout: 90_000 });
    await inView(page, page.getByTestId('calibration-accept'), `${tag} Use these`);
    await step('05-calibrated');
    await page.getByTestId('calibration-accept').click();
    await expect(page.getByTestId('calibration-saved').textContent()).resolves.toContain('Saved: your spine map is now calibrated');
    // The scenario's person: neck 21 cm above the start spot, ribs 14 cm below.
    expect(Math.abs(e.app.snapshot().profile.neckAboveCm! - 21)).toBeLessThan(1.5);
    await step('06-saved', 'calibration-panel');
    await page.getByTestId('calibration-to-session').click();
    await page.getByTestId('start-button').waitFor();
  }, 150_000);

  it('Settings: hands-free and the voice guide turned on', async () => {
    await page.getByTestId('nav-settings').click();
    const handsFree = page.getByTestId('hands-free-toggle');
    await handsFree.check();
    await page.getByTestId('voice-guide-toggle').check();
    await step('07-settings-hands-free', 'hands-free-toggle');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => e.app.snapshot().profile).toMatchObject({ handsFree: true, voiceGuide: true });
  });

  it('a hands-free session arms, starts by rolling and is stopped; the end card; its review takes a note', async () => {
    sessionIds.push(await handsFreeSession('08-live', true));
    const heard = (await said(page)).map((s) => s.split('.')[0]);
    expect(heard).toEqual(expect.arrayContaining(['Hands-free is on', 'Started', 'Paused', 'Going on']));
    await step('09-end-card');
    await page.getByTestId('summary-review').click();
    await page.getByTestId('review-summary').waitFor();
    await page.getByTestId('note-editor').waitFor();
    await page.getByTestId('note-discomfort-3').click();
    await page.getByTestId('note-numbness').check();
    await page.getByTestId('note-text').fill('Tight between the shoulder blades; eased off after.');
    await page.getByTestId('note-save').click();
    await page.getByTestId('note-saved').waitFor();
    await page.getByTestId('speed-chart').waitFor();
    await step('10-review', undefined, true);
    await step('11-review-note', 'note-editor');
  }, 120_000);

  it('History: the note marker, the weekly trends and the calendar', async () => {
    await page.getByTestId('nav-history').click();
    const marker = page.getByTestId('note-marker');
    await marker.waitFor();
    await expect(marker.textContent()).resolves.toMatch(/3\/10 · numbness$/);
    await step('12-history', 'history-today');
    await page.getByTestId('history-trends').waitFor();
    await expect(page.locator('[data-testid="calendar-day"][data-rolled="true"]').count()).resolves.toBe(1);
    await step('13-history-trends', 'history-trends');
  });

  it('a second session, then Compare the two', async () => {
    sessionIds.push(await handsFreeSession('14-live-second', false));
    await step('15-end-card-second');
    await page.getByTestId('nav-history').click();
    for (const id of sessionIds) await page.getByTestId(`compare-session-${id}`).click();
    await page.getByTestId('compare-open').click();
    await page.getByTestId('compare-table').waitFor();
    await expect(page.getByTestId('compare-row').count()).resolves.toBeGreaterThan(3);
    await step('16-compare', undefined, true);
    await page.getByTestId('compare-back').click();
  }, 120_000);

  it('export from the review; importing the exported CSV adds nothing: "already in your sessions"', async () => {
    const [first] = sessionIds;
    await page.getByTestId(`review-session-${first}`).click();
    await page.getByTestId('review-export').click();
    await page.getByTestId('export-done').waitFor({ timeout: 30_000 });
    await step('17-exported', 'review-actions');
    await page.getByTestId('review-back').click();
    await page.getByTestId('history-screen').waitFor();
    const csv = readdirSync(exportFolder).find((n) => n.endsWith('.csv'))!;
    await page.getByTestId('import-file').setInputFiles(join(exportFolder, csv));
    const already = page.getByTestId('import-already');
    await already.waitFor({ timeout: 30_000 });
    await expect(already.textContent()).resolves.toMatch(new RegExp(`^Already in your sessions: .+, session #${first}\\. Nothing was added\\.`));
    await step('18-import-already', 'history-import');
    await expect(page.getByTestId('history-session').count()).resolves.toBe(2);
    expect(HistorySchema.parse(await e.app.handle('history.get', { days: 30 })).sessions).toHaveLength(2);
  }, 60_000);
});
