/**
 * Checks the Chromium tests make of what a person sees, in one place: nothing scrolls sideways,
 * an element is whole inside the window and nothing covers it, the simulated roller streams,
 * and the page's speech is captured instead of spoken.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
] as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The page is no wider than the window; when it is, the message names what sticks out. */
export async function noSidewaysScroll(page: Page, what = 'page'): Promise<void> {
  const m = await page.evaluate<{ scroll: number; client: number; wide: string[] }>(`(() => {
    const s = document.scrollingElement;
    return {
      scroll: s.scrollWidth,
      client: s.clientWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > s.clientWidth + 0.5)
        .slice(0, 5)
        .map((el) => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right)),
    };
  })()`);
  expect(m.scroll, `${what}: ${m.scroll} px wide in a ${m.client} px window; sticking out: ${m.wide.join('; ')}`).toBeLessThanOrEqual(m.client);
}

/**
 * `l` is laid out whole inside the window and not covered: what is drawn at its centre is it or
 * inside it (not the stop bar, a banner or a dialog). Returns its box.
 */
export async function inView(page: Page, l: Locator, what: string): Promise<Box> {
  const b = await l.boundingBox();
  const v = page.viewportSize()!;
  expect(b, `${what} is laid out`).not.toBeNull();
  const where = `${what} at ${Math.round(b!.x)},${Math.round(b!.y)} ${Math.round(b!.width)}×${Math.round(b!.height)} in ${v.width}×${v.height}`;
  expect(b!.width * b!.height, `${where}: has size`).toBeGreaterThan(0);
  expect(b!.x, where).toBeGreaterThanOrEqual(0);
  expect(b!.y, where).toBeGreaterThanOrEqual(0);
  expect(b!.x + b!.width, where).toBeLessThanOrEqual(v.width + 0.5);
  expect(b!.y + b!.height, where).toBeLessThanOrEqual(v.height + 0.5);
  const x = b!.x + b!.width / 2;
  const y = b!.y + b!.height / 2;
  const covered = await l.evaluate(
    (el: { contains(node: unknown): boolean }, [px, py]: number[]) =>
      !el.contains((globalThis as unknown as { document: { elementFromPoint(x: number, y: number): unknown } }).document.elementFromPoint(px!, py!)),
    [x, y],
  );
  expect(covered, `${where}: visible, not covered`).toBe(false);
  return b!;
}

/** Pair: the simulated roller playing `scenario` (the default one when not given) streams. */
export async function useSimulated(page: Page, scenario?: string): Promise<void> {
  await page.getByTestId('nav-pair').click();
  await page.getByTestId('use-simulated').waitFor();
  if (scenario) await page.getByTestId('simulated-scenario').selectOption(scenario);
  await page.getByTestId('use-simulated').click();
  // The button is busy until the new simulated sensor streams.
  await expect.poll(() => page.getByTestId('use-simulated').isEnabled(), { timeout: 20_000 }).toBe(true);
  await page.locator('[data-testid="connection-state"][data-state="streaming"]').waitFor({ timeout: 20_000 });
}

/**
 * From the next load on, what the page hands to speech synthesis is kept in `window.__said`
 * instead of spoken (read it with `said`). Reloads the page.
 */
export async function captureSpeech(page: Page): Promise<void> {
  await page.addInitScript(`
    window.__said = [];
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: { speak: (u) => void window.__said.push(u.text), cancel: () => undefined } });
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
  `);
  await page.reload();
}

/** What the page has said since it loaded (see captureSpeech). */
export const said = (page: Page): Promise<string[]> => page.evaluate<string[]>('window.__said.slice()');
