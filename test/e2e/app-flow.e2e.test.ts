/**
 * The desktop app's main job, end to end in real Chromium through the browser host: first run
 * (safety screening, height) → pair the simulated roller → calibrate the spine map → a live session in
 * which a too-fast stroke, a long stay on one spot and a drift below the ribcage each show their
 * warning → stop. Screenshots of every screen are kept in test-artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENING_QUESTIONS } from '../../electron/ipc/ipc-contract';
import { canRunBrowser, startE2e, type E2e } from './browser-harness';
import { useSimulated } from './page-checks';

describe.skipIf(!canRunBrowser)('the app in Chromium', () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e();
  }, 60_000);
  afterAll(async () => {
    await e?.close();
  });

  it('first run: the safety screening, not medical advice, answers recorded', async () => {
    const { page } = e;
    await page.getByTestId('screening-ack').waitFor();
    await e.shot('01-screening');
    await page.getByTestId('screening-submit').click();
    await expect(page.getByTestId('screening-problems').textContent()).resolves.toMatch(/\S/);
    await page.getByTestId('screening-ack').check();
    for (const q of SCREENING_QUESTIONS) await page.getByTestId(`screening-no-${q.id}`).check();
    await page.getByTestId('screening-submit').click();
    // Then the height (the spine map is estimated from it until a calibration).
    await page.getByTestId('first-run-height').waitFor();
    await page.getByTestId('height-continue').click();
    await page.getByTestId('nav-pair').waitFor();
    expect(e.app.snapshot().screening).toMatchObject({ needsClearance: false, acknowledgedNotMedicalAdvice: true });
  });

  it('pair: Bluetooth unavailable is explained, the simulated roller connects', async () => {
    const { page } = e;
    await page.getByTestId('nav-pair').click();
    await page.getByTestId('use-simulated').waitFor();
    await expect(page.locator('body').textContent()).resolves.toMatch(/Bluetooth (unavailable|is)/);
    await e.shot('02-pair-no-bluetooth');
    await page.getByTestId('simulated-scenario').selectOption('calibration-pass');
    await page.getByTestId('use-simulated').click();
    await expect.poll(() => page.getByTestId('use-simulated').isEnabled(), { timeout: 20_000 }).toBe(true);
    await page.locator('[data-testid="connection-state"][data-state="streaming"]').waitFor({ timeout: 20_000 });
    await e.shot('03-pair-simulated-streaming');
  });

  it('setup: the calibration pass measures the neck and ribcage boundaries', async () => {
    const { page } = e;
    await page.getByTestId('nav-setup').click();
    await page.getByTestId('calibration-start').click();
    await page.locator('[data-testid="calibration-step"]').waitFor();
    await page.locator('[data-testid="calibration-step"][data-step="hold-top"]').waitFor({ timeout: 40_000 });
    await e.shot('04-calibration-hold-top');
    await page.getByTestId('calibration-accept').waitFor({ timeout: 60_000 });
    await e.shot('05-calibration-done');
    const neck = Number(/([\d.]+)/.exec((await page.getByTestId('calibration-neck').textContent()) ?? '')?.[1]);
    expect(neck).toBeGreaterThan(7); // inches or cm depending on units: 22 cm ≈ 8.7 in
    await page.getByTestId('calibration-accept').click();
    await expect.poll(() => e.app.snapshot().profile.neckAboveCm).toBeGreaterThan(20);
    expect(e.app.snapshot().profile.lumbarBelowCm).toBeGreaterThan(11);
  }, 120_000);

  it('live session: too fast, a long stay and the lower back each show their warning', async () => {
    const { page } = e;
    await useSimulated(page, 'guided-session');
    await page.getByTestId('nav-session').click();
    await e.shot('06-session-start');
    await page.getByTestId('start-button').click();
    await page.getByTestId('speed-readout').waitFor();
    const seen = new Set<string>();
    for (const kind of ['too-fast', 'dwell-nudge', 'lumbar']) {
      const banner = page.locator(`[data-testid="warning-banner"][data-kind="${kind}"]`);
      await banner.waitFor({ timeout: 60_000 });
      seen.add(kind);
      await e.shot(`07-warning-${kind}`);
    }
    expect([...seen]).toEqual(['too-fast', 'dwell-nudge', 'lumbar']);
    await page.getByTestId('pain-button').click();
    await expect.poll(() => e.app.snapshot().session.state).toBe('ended');
    expect(e.app.snapshot().session.endReason).toBe('stopped: pain');
    await e.shot('08-session-ended-pain');
  }, 150_000);

  it('settings: thresholds with their ranges', async () => {
    const { page } = e;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('speed-limit-input').waitFor();
    await e.shot('09-settings');
    await expect(page.locator('main').textContent()).resolves.toMatch(/speed/i);
  });
});
