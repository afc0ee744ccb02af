/**
 * Import de-duplication and notes in real Chromium: a recording imported, reviewed and exported
 * (the browser host shows the folder's path to copy), the export imported again ("already in
 * your sessions", still one session), then a note written in Review that History shows. Screens
 * at 1280×800 and 800×600 go to test-artifacts/.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecordingCsv } from '../../sensor-protocol/recording/recording-csv-writer';
import type { RollerApp } from '../../electron/app/roller-app';
import { HistorySchema } from '../../electron/ipc/ipc-contract';
import { simulationCsvMetadata } from '../../electron/sim/csv-metadata';
import { builtInScenario } from '../../electron/sim/scenario-catalog';
import { simulate } from '../../electron/sim/simulate';
import { ARTIFACTS, canRunBrowser, startE2e, type E2e } from './browser-harness';
import { useSimulated } from './page-checks';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
];

/** Screenshots at both sizes with `testId` scrolled into view, then back to 1280×800; no sideways scrolling at either. */
async function shots(page: Page, name: string, testId: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await expect.poll(() => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page
      .getByTestId(testId)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]!);
}

describe.skipIf(!canRunBrowser)('import de-duplication and session notes in Chromium', () => {
  let dir: string;
  let exportFolder: string;
  let e: E2e;
  let app: RollerApp;
  let page: Page;
  let id = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roller-notes-e2e-'));
    exportFolder = join(dir, 'exports');
    const sim = simulate(builtInScenario('too-fast'), { seed: 11 });
    writeFileSync(join(dir, 'evening.csv'), formatRecordingCsv(sim.samples, { ...simulationCsvMetadata(sim.meta), started_at: new Date(Date.now() - 3_600_000).toISOString() }));
    e = await startE2e({ dataDir: join(dir, 'data'), exportFolder, screened: true });
    ({ app, page } = e);
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-screen').waitFor();
  }, 60_000);

  afterAll(async () => {
    await e?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a recording, and exports it from its review: the browser shows the folder with Copy path', async () => {
    await page.getByTestId('import-file').setInputFiles(join(dir, 'evening.csv'));
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('history-session').count()).toBe(1);
    id = Number(await page.getByTestId('history-session').getAttribute('data-session-id'));
    await expect(page.getByTestId('imported-badge').textContent()).resolves.toBe('Imported');
    await page.getByTestId(`review-session-${id}`).click();
    await page.getByTestId('review-summary').waitFor();
    await expect(page.getByTestId('review-imported').textContent()).resolves.toBe('Imported from evening.csv');
    await page.getByTestId('review-export').click();
    await page.getByTestId('export-done').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('export-folder-path').inputValue()).resolves.toBe(exportFolder);
    await expect(page.getByTestId('export-open-folder').count()).resolves.toBe(0);
    expect(
      readdirSync(exportFolder)
        .map((n) => n.replace(/^roller-session-\d+-[\d-]{10}/, ''))
        .sort(),
    ).toEqual(['-charts.png', '-track.json', '.csv', '.json']);
    await shots(page, '40-exported-path', 'review-actions');
  });

  it('imports the exported file again: "already in your sessions", and still one session', async () => {
    await page.getByTestId('review-back').click();
    await page.getByTestId('history-screen').waitFor();
    const csv = readdirSync(exportFolder).find((n) => n.endsWith('.csv'))!;
    await page.getByTestId('import-file').setInputFiles(join(exportFolder, csv));
    const already = page.getByTestId('import-already');
    await already.waitFor({ timeout: 30_000 });
    await expect(already.textContent()).resolves.toMatch(new RegExp(`^Already in your sessions: \\d{4}-\\d\\d-\\d\\d at .+, session #${id}\\. Nothing was added\\.`));
    await expect(page.getByTestId('history-session').count()).resolves.toBe(1);
    expect(HistorySchema.parse(await app.handle('history.get', { days: 30 })).sessions).toHaveLength(1);
    await shots(page, '41-import-already', 'history-import');
  });

  it('a note written in Review shows in History', async () => {
    await page.getByTestId(`review-session-${id}`).click();
    await page.getByTestId('note-editor').waitFor();
    await page.getByTestId('note-discomfort-4').click();
    await page.getByTestId('note-numbness').check();
    await page.getByTestId('note-text').fill('Tingling in the left hand after the upper back.');
    await shots(page, '42-note-editor', 'note-editor');
    await page.getByTestId('note-save').click();
    await page.getByTestId('note-saved').waitFor();
    await page.getByTestId('review-back').click();
    const marker = page.getByTestId('note-marker');
    await marker.waitFor();
    await expect(marker.textContent()).resolves.toMatch(/4\/10 · numbness$/);
    await shots(page, '43-history-note', 'history-today');
    const stored = HistorySchema.parse(await app.handle('history.get', { days: 30 })).sessions[0]!;
    expect(stored.note).toMatchObject({ discomfort: 4, pain: false, numbness: true, text: 'Tingling in the left hand after the upper back.' });
  });

  it('the end card offers a note on the session just recorded', async () => {
    await useSimulated(page);
    await page.getByTestId('nav-session').click();
    await page.getByTestId('start-button').click();
    await expect.poll(() => app.snapshot().session.figures?.durationS ?? 0, { timeout: 20_000 }).toBeGreaterThan(2);
    await page.getByTestId('stop-button').click();
    await page.getByTestId('session-summary').waitFor();
    const liveId = app.snapshot().session.sessionId!;
    await page.getByTestId('summary-add-note').click();
    await page.getByTestId('note-discomfort-2').click();
    await page.getByTestId('note-text').fill('Easy today.');
    await page.getByTestId('note-save').click();
    await page.getByTestId('note-saved').waitFor();
    await shots(page, '44-end-card-note', 'session-summary');
    const stored = HistorySchema.parse(await app.handle('history.get', { days: 30 })).sessions.find((x) => x.id === liveId)!;
    expect(stored.note).toMatchObject({ discomfort: 2, text: 'Easy today.' });
    expect(stored.imported).toBe(false);
  }, 60_000);
});
