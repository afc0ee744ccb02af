/**
 * Setup, end to end in real Chromium through the browser host: first run (safety questions →
 * the height, in feet and inches) → the default simulated session → a calibration pass that
 * completes in the demo (the simulated person follows the pass) → Use these (saved, what changed,
 * on to the Session screen) → the profile form still there; Settings' "Change in Setup" lands on
 * it. Then the app's process goes away: the banner says it is not running and how to start it,
 * and the header no longer claims a connected sensor. Screenshots at 1280×800 and 800×600 go to
 * test-artifacts/ (setup-*).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENING_QUESTIONS } from '../../electron/ipc/ipc-contract';
import { canRunBrowser, startE2e, type E2e } from './browser-harness';
import { SIZES, noSidewaysScroll } from './page-checks';

describe.skipIf(!canRunBrowser)('Setup in Chromium', () => {
  let e: E2e;
  /**
   * A screenshot at each size (back at 1280×800 afterwards), no sideways scrolling at either;
   * `scrolledTo`: the part the app brings into view (at each size, as it would at that size),
   * and `inView`: what must be on the screen then.
   */
  const shots = async (name: string, o: { scrolledTo?: string; inView?: string } = {}) => {
    for (const size of SIZES) {
      await e.page.setViewportSize(size);
      await noSidewaysScroll(e.page);
      if (o.scrolledTo) await e.page.getByTestId(o.scrolledTo).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      if (o.inView) {
        const b = await e.page.getByTestId(o.inView).boundingBox();
        expect(b!.y + b!.height, `${o.inView} in view at ${size.width}×${size.height}`).toBeLessThanOrEqual(size.height);
        expect(b!.y).toBeGreaterThanOrEqual(0);
      }
      await e.shot(`setup-${name}-${size.width}x${size.height}`);
    }
    await e.page.setViewportSize(SIZES[0]);
  };

  beforeAll(async () => {
    e = await startE2e();
  }, 60_000);
  afterAll(async () => {
    await e?.close();
  });

  it('first run: after the safety questions, the height is asked (feet and inches), before any session', async () => {
    const { page } = e;
    await page.getByTestId('screening-ack').check();
    for (const q of SCREENING_QUESTIONS) await page.getByTestId(`screening-no-${q.id}`).check();
    await page.getByTestId('screening-submit').click();
    await page.getByTestId('first-run-height').waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.getByTestId('height-feet').fill('5');
    await page.getByTestId('height-inches').fill('13');
    await page.getByTestId('height-continue').click();
    await expect(page.getByTestId('height-error').textContent()).resolves.toBe('Height (inches): type the inches over the feet, from 0 to 11.9, such as 9.');
    await shots('01-height-error');
    await page.getByTestId('height-inches').fill('11');
    await page.getByTestId('height-continue').click();
    await page.getByTestId('nav-pair').waitFor();
    expect(e.app.snapshot().profile).toMatchObject({ bodyHeightCm: 180.3, units: 'in' });
  });

  it('the default simulated session connects', async () => {
    const { page } = e;
    await page.getByTestId('use-simulated').click();
    await page.locator('[data-testid="connection-state"][data-state="streaming"]').waitFor({ timeout: 20_000 });
  });

  it('calibrating the demo completes; Use these confirms and leads on; the profile form stays', async () => {
    const { page } = e;
    await page.getByTestId('nav-setup').click();
    await expect(page.getByTestId('height-feet').inputValue()).resolves.toBe('5');
    await expect(page.getByTestId('height-inches').inputValue()).resolves.toBe('11');
    await shots('02-idle');
    await page.getByTestId('calibration-start').click();
    await page.locator('[data-testid="calibration-step"][data-step="hold-top"]').waitFor({ timeout: 40_000 });
    // While the pass runs its instructions come first; the form is still on the screen.
    await expect(page.getByTestId('profile-save').count()).resolves.toBe(1);
    await shots('03-hold-top');
    await page.getByTestId('calibration-accept').waitFor({ timeout: 90_000 });
    // The pass ended while watching: its outcome was brought into view.
    const accept = await page.getByTestId('calibration-accept').boundingBox();
    expect(accept!.y + accept!.height).toBeLessThanOrEqual(SIZES[0].height);
    await shots('04-measured', { scrolledTo: 'calibration-panel', inView: 'calibration-accept' });
    await page.getByTestId('calibration-accept').click();
    const saved = page.getByTestId('calibration-saved');
    await saved.waitFor();
    await expect(saved.textContent()).resolves.toContain('Saved: your spine map is now calibrated');
    await expect(page.getByTestId('calibration-change-neck').textContent()).resolves.toMatch(/^Base of the neck \d+\.\d in above the start spot \(was \d+\.\d in, estimated from your height\)$/);
    // The default scenario's person: neck 21 cm above the start spot, ribs 14 cm below.
    const profile = e.app.snapshot().profile;
    expect(Math.abs(profile.neckAboveCm! - 21)).toBeLessThan(1.5);
    expect(Math.abs(profile.lumbarBelowCm! - 14)).toBeLessThan(1.5);
    expect(e.app.snapshot().calibration.state).toBe('idle');
    // The form is still there, with the height as saved.
    await expect(page.getByTestId('profile-save').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('height-feet').inputValue()).resolves.toBe('5');
    await shots('05-saved', { scrolledTo: 'calibration-panel', inView: 'calibration-to-session' });
    await page.getByTestId('calibration-to-session').click();
    await page.getByTestId('start-button').waitFor();
  }, 150_000);

  it('Settings → Change in Setup lands on the profile form', async () => {
    const { page } = e;
    await page.getByTestId('nav-settings').click();
    // The same unit choice as Setup's.
    await expect(page.getByTestId('settings-units-in').isChecked()).resolves.toBe(true);
    await shots('06-settings-units', { scrolledTo: 'settings-units-in', inView: 'settings-units-cm' });
    await page.getByTestId('edit-profile').click();
    const heading = page.getByRole('heading', { name: 'You and your roller' });
    await heading.waitFor();
    const box = await heading.boundingBox();
    expect(box!.y).toBeLessThan(SIZES[0].height);
    await expect(page.getByTestId('calibration-current').textContent()).resolves.toMatch(/^Calibrated on /);
    // Centimetres: the height in one field, converted; the spine map in cm.
    await page.getByTestId('units-cm').check();
    await expect(page.getByTestId('height-input').inputValue()).resolves.toBe('180');
    await expect(page.getByTestId('height-feet').count()).resolves.toBe(0);
    await shots('06b-cm-form', { scrolledTo: 'height-fields', inView: 'height-input' });
  });

  it('the app’s process gone: the banner says it is not running and how to start it; the sensor state is unknown', async () => {
    const { page } = e;
    await e.host.close();
    await page.locator('[data-testid="app-link-lost"][data-stopped="yes"]').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('app-link-lost').textContent()).resolves.toContain('The app is not running');
    await expect(page.getByTestId('app-link-lost').textContent()).resolves.not.toContain('keeps recording');
    await expect(page.getByTestId('app-restart').textContent()).resolves.toMatch(/^To start it again, run npm start/);
    await expect(page.getByTestId('connection-state').getAttribute('data-state')).resolves.toBe('unknown');
    await shots('07-app-stopped');
  }, 40_000);
});
