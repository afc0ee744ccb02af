/**
 * History trends, like-for-like comparison and the printable report in real Chromium, over a
 * session store seeded with simulated sessions across three weeks (one of them 8 seconds long and
 * stopped for pain): the weekly charts and the calendar, the comparison that refuses to call a
 * short painful session better, the overlaid charts, round chart ticks, and a report that prints
 * on exactly one A4 page. Screenshots at 1280×800 and 800×600 go to test-artifacts/; neither
 * size scrolls sideways.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
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
import { SIZES, noSidewaysScroll } from './page-checks';

const DAY_MS = 86_400_000;

/** Sessions seeded, days before now. */
const SEEDS = [
  { scenario: 'good-slow-session', daysAgo: 15, untilS: undefined },
  { scenario: 'lumbar-drift', daysAgo: 8, untilS: undefined },
  { scenario: 'too-fast', daysAgo: 1, untilS: undefined },
  { scenario: 'good-slow-session', daysAgo: 0, untilS: 8 },
] as const;

/** Pages in a PDF made by Chromium (each page object is `/Type /Page`). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Waits until `expr` is true in the page, checking once per frame (the page's CSP forbids Playwright's own polling by eval). */
async function until(page: Page, expr: string, frames = 600): Promise<void> {
  for (let i = 0; i < frames; i++) {
    if (await page.evaluate<boolean>(`Boolean(${expr})`)) return;
    await page.evaluate('new Promise((r) => requestAnimationFrame(r))');
  }
  throw new Error(`never true: ${expr}`);
}

/** Two animation frames: chart.js has redrawn after a change of size or media. */
async function settle(page: Page): Promise<void> {
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

async function shots(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // chart.js resizes on the next frame after the window changes.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    await noSidewaysScroll(page);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${size.width}x${size.height}.png`), fullPage: true });
  }
  await page.setViewportSize(SIZES[0]);
}

describe.skipIf(!canRunBrowser)('History trends, Compare and the session report in Chromium', () => {
  let e: E2e;
  let page: Page;
  const ids: number[] = [];

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'roller-trends-e2e-'));
    const opened = openSessionStore({ dataDir });
    const now = Date.now();
    for (const [i, seed] of SEEDS.entries()) {
      const sim = simulate(builtInScenario(seed.scenario), { seed: 5 + i, ...(seed.untilS ? { untilS: seed.untilS } : {}) });
      // At 10:00 local time (the app's own clock decides the day), so a session stays on its day.
      const day = new Date(now - seed.daysAgo * DAY_MS);
      day.setHours(seed.daysAgo === 0 ? Math.min(day.getHours(), 10) : 10, 0, 0, 0);
      const csv = formatRecordingCsv(sim.samples, { ...simulationCsvMetadata(sim.meta), started_at: day.toISOString() });
      ids.push(importRecordingText(opened.store, csv, { fileName: `${seed.scenario}.csv`, settings: motionSettings({}), now }).session.id);
    }
    opened.store.close();
    // The short one ended because it hurt (imports end "completed").
    const db = new Database(join(dataDir, 'roller.sqlite'));
    db.prepare("UPDATE sessions SET end_reason = 'stopped: pain' WHERE id = ?").run(ids[3]);
    db.close();
    e = await startE2e({ dataDir, screened: true });
    page = e.page;
  }, 90_000);

  afterAll(async () => {
    await e?.close();
  });

  it('History: the calendar marks the days rolled, and three weekly charts hold main’s figures', async () => {
    await page.getByTestId('nav-history').click();
    const trends = page.getByTestId('history-trends');
    await trends.waitFor();
    await until(page, `['trend-rolling', 'trend-within', 'trend-warning-rate'].every((id) => document.querySelector('[data-testid="' + id + '"]')?.__chart)`);
    const rolled = await page.locator('[data-testid="calendar-day"][data-rolled="true"]').count();
    expect(rolled).toBe(4);
    const weeks = await page.evaluate<{ rolling: (number | null)[]; budget: number }>(`(() => {
      const c = document.querySelector('[data-testid="trend-rolling"]').__chart;
      return { rolling: c.data.datasets[0].data, budget: c.options.plugins.annotation.annotations.budget.yMin };
    })()`);
    expect(weeks.rolling).toHaveLength(8);
    expect(weeks.rolling.filter((v) => v !== null).length).toBeGreaterThanOrEqual(3);
    expect(weeks.budget).toBe(10 * 7); // the default 10-minute daily budget, a week of it
    await shots(page, 'trends-history');
  });

  it('Compare: a short session stopped for pain is better on nothing; both sessions are overlaid', async () => {
    await page.getByTestId(`compare-session-${ids[2]}`).click();
    await page.getByTestId(`compare-session-${ids[3]}`).click();
    await page.getByTestId('compare-open').click();
    const verdict = page.getByTestId('compare-verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain('too different to call one better');
    expect(await page.getByTestId('compare-limits').textContent()).toContain('stopped for pain');
    expect(await page.locator('.compare__trend').count()).toBe(0);
    await until(page, `['compare-speed-chart', 'compare-position-chart'].every((id) => document.querySelector('[data-testid="' + id + '"]')?.__chart?.data.datasets.length === 2)`);
    const starts = await page.evaluate<number[]>(`document.querySelector('[data-testid="compare-position-chart"]').__chart.data.datasets.map((d) => d.data[0].x)`);
    expect(starts).toEqual([0, 0]);
    await shots(page, 'trends-compare');
    await page.getByTestId('compare-back').click();
  });

  it('Review: round ticks on both charts, a key to the markers and a scale for the heat column', async () => {
    await page.getByTestId(`review-session-${ids[2]}`).click();
    await until(page, `['speed-chart', 'position-chart'].every((id) => document.querySelector('[data-testid="' + id + '"]')?.__chart?.scales?.x?.ticks?.length > 1)`);
    const ticks = await page.evaluate<{ x: number[]; y: number[] }>(`(() => {
      const c = document.querySelector('[data-testid="position-chart"]').__chart;
      return { x: c.scales.x.ticks.map((t) => t.value), y: c.scales.y.ticks.map((t) => t.value) };
    })()`);
    const xStep = ticks.x[1]! - ticks.x[0]!;
    expect([5, 10, 15, 30, 60, 120]).toContain(xStep);
    expect(ticks.x.every((v) => v % xStep === 0)).toBe(true);
    const yStep = ticks.y[1]! - ticks.y[0]!;
    expect([2, 5]).toContain(yStep); // inches, the default units
    expect(ticks.y.every((v) => v % yStep === 0)).toBe(true);
    await page.getByTestId('marker-legend').waitFor();
    await page.getByTestId('dwell-scale').waitFor();
    await shots(page, 'trends-review');
  });

  it('the report fits one A4 page', async () => {
    await page.getByTestId('review-report').click();
    await page.getByTestId('report-page').waitFor();
    await until(page, `['report-speed-chart', 'report-position-chart'].every((id) => document.querySelector('[data-testid="' + id + '"]')?.__chart)`);
    expect(await page.getByTestId('report-when').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} at \d{2}:\d{2} · /);
    await shots(page, 'trends-report');
    // The print layout as the A4 page (794 × 1123 CSS px) will see it.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'trends-report-print-media.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: null }); // back to the default (an explicit 'screen' would print the PDF with screen CSS)
    await page.setViewportSize(SIZES[0]);
    await settle(page);
    expect(pdfPages(pdf)).toBe(1);
    writeFileSync(join(ARTIFACTS, 'trends-report.pdf'), pdf);
  });

  it('the longest a report gets still fits one page: a pain line, 14 warnings and more, a note of the longest printed length', async () => {
    // The page as it would be for such a session (no seeded session has that many warnings, and notes come from elsewhere).
    await page.evaluate(`(() => {
      const sheet = document.querySelector('[data-testid="report-page"]');
      const list = sheet.querySelector('[data-testid="report-events"]');
      const item = list.querySelector('li');
      list.replaceChildren(...Array.from({ length: 14 }, () => item.cloneNode(true)));
      const more = item.cloneNode(true);
      more.textContent = '… and 23 more';
      list.append(more);
      const pain = document.createElement('p');
      pain.className = 'report__pain';
      pain.textContent = 'Stopped because it hurt.';
      sheet.querySelector('.report__head').after(pain);
      const note = document.createElement('section');
      note.className = 'report__note';
      note.innerHTML = '<h2>Note</h2><p></p>';
      note.querySelector('p').textContent = ${JSON.stringify('Felt a pull on the left side below the shoulder blade. '.repeat(8).slice(0, 399) + '…')};
      sheet.querySelector('.report__foot').before(note);
    })()`);
    await settle(page);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(ARTIFACTS, 'trends-report-longest.pdf'), pdf);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(ARTIFACTS, 'trends-report-longest-print-media.png'), fullPage: true });
    expect(pdfPages(pdf)).toBe(1);
  });
});
