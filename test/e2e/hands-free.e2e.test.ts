/**
 * Hands-free sessions and a routine, end to end in Chromium with the simulated roller playing
 * the `hands-free` scenario (still, strokes, a rest, strokes again): turned on in Settings, a
 * session is armed, starts when the roller rolls, pauses when it rests and goes on; then the
 * thoracic-extension routine runs its first repetition. The voice guide is captured from the
 * page's speech synthesis. Screenshots at 1280×800 and 800×600 (test-artifacts/), where the
 * speed, the zone, the warning's room, both stop controls and the hands-free state stay in view.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunBrowser, startE2e, type E2e } from './browser-harness';
import { SIZES, captureSpeech, inView, noSidewaysScroll, said } from './page-checks';

/** At each size: nothing scrolls sideways, the live essentials are in view; a screenshot. */
async function liveAtBothSizes(e: E2e, name: string): Promise<void> {
  const { page } = e;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate('window.scrollTo(0, 0)');
    await e.shot(`hands-free-${name}-${size.width}x${size.height}`);
    await noSidewaysScroll(page, name);
    for (const id of ['guide-state', 'speed-readout', 'zone-readout', 'warning-area', 'stop-button', 'pain-button', 'session-time']) await inView(page, page.getByTestId(id), `${name}: ${id}`);
  }
  await page.setViewportSize(SIZES[0]);
}

const phaseOf = (page: Page) => page.getByTestId('guide-state').getAttribute('data-phase');

describe.skipIf(!canRunBrowser)('hands-free and routines in Chromium', () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e({ screened: true });
    // The page's voice, captured: what the speaker hands to speech synthesis.
    await captureSpeech(e.page);
  }, 60_000);
  afterAll(async () => {
    await e?.close();
  });

  it('Settings: hands-free and the voice guide are off by default and turned on', async () => {
    const { page } = e;
    await page.getByTestId('nav-settings').click();
    const handsFree = page.getByTestId('hands-free-toggle');
    await handsFree.waitFor();
    expect(await handsFree.isChecked()).toBe(false);
    expect(await page.getByTestId('voice-guide-toggle').isChecked()).toBe(false);
    await handsFree.check();
    await page.getByTestId('voice-guide-toggle').check();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await handsFree.scrollIntoViewIfNeeded();
      await e.shot(`settings-hands-free-${size.width}x${size.height}`);
      await noSidewaysScroll(page, `settings ${size.width}x${size.height}`);
    }
    await page.setViewportSize(SIZES[0]);
    await page.getByTestId('settings-save').click();
    await expect.poll(() => e.app.snapshot().profile).toMatchObject({ handsFree: true, voiceGuide: true });
  });

  it('an armed session starts when the roller rolls, pauses when it rests and goes on when it rolls again', async () => {
    const { page } = e;
    // The scenario begins still at the start spot as the simulated roller connects.
    await e.app.handle('sensors.useSimulated', { scenario: 'hands-free' });
    await page.getByTestId('nav-session').click();
    await page.locator('[data-testid="connection-state"][data-state="streaming"]').waitFor({ timeout: 20_000 });
    const start = page.getByTestId('start-button');
    await expect(start.textContent()).resolves.toContain('Arm hands-free');
    await e.shot('hands-free-start-1280x800');
    await start.click();
    await page.getByTestId('guide-state').waitFor();
    if ((await phaseOf(page)) === 'armed') await liveAtBothSizes(e, 'armed');
    await page.locator('[data-testid="guide-state"][data-phase="rolling"]').waitFor({ timeout: 60_000 });
    await liveAtBothSizes(e, 'rolling');
    await page.locator('[data-testid="guide-state"][data-phase="paused"]').waitFor({ timeout: 60_000 });
    await liveAtBothSizes(e, 'paused');
    await page.locator('[data-testid="guide-state"][data-phase="rolling"]').waitFor({ timeout: 60_000 });
    const heard = (await said(page)).map((s) => s.split('.')[0]);
    expect(heard.slice(0, 4)).toEqual(['Hands-free is on', 'Started', 'Paused', 'Going on']);
    await page.getByTestId('stop-button').click();
    await page.getByTestId('session-summary').waitFor();
  }, 180_000);

  it('the extension routine starts from the Session screen, counts the position in, then paces the first rep; the week is tallied', async () => {
    const { page } = e;
    await expect(page.getByTestId('extension-tally').textContent()).resolves.toBe('Extension in the last 7 days: 0 times.');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.getByTestId('extension-tally').scrollIntoViewIfNeeded();
      await e.shot(`routines-${size.width}x${size.height}`);
      await noSidewaysScroll(page, `routines ${size.width}x${size.height}`);
    }
    await page.setViewportSize(SIZES[0]);
    await page.getByTestId('routine-thoracic-extension').click();
    await page.locator('[data-testid="routine-progress"][data-step="position"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="routine-progress"][data-step="lean"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('routine-progress').textContent()).resolves.toMatch(/^Thoracic extension · rep 1 of 10 · \d+:\d\d left$/);
    await liveAtBothSizes(e, 'extension');
    const heard = await said(page);
    const from = heard.findIndex((s) => s.startsWith('Thoracic extension.'));
    expect(from).toBeGreaterThanOrEqual(0);
    expect(heard[from + 1]).toBe('1 of 10. Lean back slowly over the roller, head supported.');
    await page.getByTestId('stop-button').click();
    await page.getByTestId('session-summary').waitFor();
    await expect.poll(() => page.getByTestId('extension-tally').textContent()).toBe('Extension in the last 7 days: once.');
  }, 120_000);
});
