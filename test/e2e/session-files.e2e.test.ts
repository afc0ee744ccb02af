/**
 * Managing past sessions in real Chromium: import a recording through the file picker (with its
 * progress), check the review's summary, dwell heatmap and time per zone against the engine,
 * export it (CSV + JSON + chart image) and read the files back, compare two sessions side by
 * side, analyse one again with a stricter speed limit, and delete one after confirming.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseRecordingCsv } from '../../sensor-protocol/recording/recording-csv-reader';
import { formatRecordingCsv } from '../../sensor-protocol/recording/recording-csv-writer';
import type { RollerApp } from '../../electron/app/roller-app';
import { HistorySchema } from '../../electron/ipc/ipc-contract';
import { dwellHistogram } from '../../electron/motion/dwell-histogram';
import { analyzeSamples } from '../../electron/motion/motion-engine';
import { motionSettings } from '../../electron/motion/motion-settings';
import { sessionFiguresOf } from '../../electron/motion/session-figures';
import { decimateTrack } from '../../electron/session/track-decimation';
import { simulationCsvMetadata } from '../../electron/sim/csv-metadata';
import { builtInScenario } from '../../electron/sim/scenario-catalog';
import { simulate } from '../../electron/sim/simulate';
import { percentText } from '../../renderer/features/history/history-format';
import { ARTIFACTS, canRunBrowser, startE2e, type E2e } from './browser-harness';

function recording(scenario: string, seed: number, startedAt: string) {
  const sim = simulate(builtInScenario(scenario), { seed });
  const csv = formatRecordingCsv(sim.samples, { ...simulationCsvMetadata(sim.meta), started_at: startedAt });
  const settings = motionSettings({ rollerDiameterIn: sim.meta.rollerDiameterIn });
  const engine = analyzeSamples(sim.samples, settings);
  return { sim, csv, engine, summary: sessionFiguresOf(engine.track, engine.events, engine.settings), dwell: dwellHistogram(decimateTrack(engine.track)) };
}

/** Local date-time with this machine's UTC offset, `offsetDays` from today. */
const day = (offsetDays: number, hh: string) => {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${hh}:00${off >= 0 ? '+' : '-'}${p(Math.floor(Math.abs(off) / 60))}:${p(Math.abs(off) % 60)}`;
};

describe.skipIf(!canRunBrowser)('past sessions: import, export, compare, re-analyse, delete in Chromium', () => {
  let dir: string;
  let exportFolder: string;
  let e: E2e;
  let app: RollerApp;
  let page: Page;
  const first = recording('ten-minute-mixed', 5, day(-1, '18:30'));
  const second = recording('lumbar-drift', 6, day(0, '08:15'));
  const engineEvents = (r: typeof first) => r.engine.events.filter((e) => e.kind !== 'time-budget');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roller-files-e2e-'));
    exportFolder = join(dir, 'exports');
    writeFileSync(join(dir, 'mixed.csv'), first.csv);
    writeFileSync(join(dir, 'lumbar.csv'), second.csv);
    const lines = second.csv.split('\n');
    const bad = lines.findIndex((l) => /^\d/.test(l)) + 9;
    lines[bad] = lines[bad]!.replace(/^[^,]*,/, 'soon,');
    writeFileSync(join(dir, 'damaged.csv'), lines.join('\n'));
    e = await startE2e({ dataDir: join(dir, 'data'), exportFolder, screened: true });
    ({ app, page } = e);
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-screen').waitFor();
  }, 60_000);

  afterAll(async () => {
    await e?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a damaged recording with the line and column, and imports nothing', async () => {
    await page.getByTestId('import-file').setInputFiles(join(dir, 'damaged.csv'));
    const error = page.getByTestId('import-error');
    await expect.poll(() => error.textContent(), { timeout: 20_000 }).toMatch(/damaged\.csv: line \d+, column 1 \(t_s\).*nothing was imported/);
    await expect(page.getByTestId('history-session').count()).resolves.toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, '13-import-error.png') });
  });

  it('imports two recordings through the file picker; the review matches the engine', async () => {
    for (const name of ['mixed.csv', 'lumbar.csv']) {
      await page.getByTestId('import-file').setInputFiles(join(dir, name));
      await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    }
    await expect.poll(() => page.getByTestId('history-session').count()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, '14-imported.png') });

    // The first recording, reviewed.
    const ids = await page.getByTestId('history-session').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-session-id'))));
    const mixedId = Math.min(...ids);
    await page.getByTestId(`review-session-${mixedId}`).click();
    await page.getByTestId('review-summary').waitFor();
    await expect(page.getByTestId('review-within-limit').textContent()).resolves.toBe(percentText(first.summary.withinLimitShare));
    await expect(page.getByTestId('review-event').count()).resolves.toBe(engineEvents(first).length);
    // The heatmap's bins are the engine's time per inch; the zone times its summary's.
    const bins = await page
      .getByTestId('dwell-bins')
      .locator('rect')
      .evaluateAll((els) => els.map((e) => ({ s: Number(e.getAttribute('data-seconds')), from: Number(e.getAttribute('data-from-cm')) })));
    const engineBins = first.dwell.seconds.map((s, i) => ({ s, from: first.dwell.firstBinCm + i * first.dwell.binCm })).filter((b) => b.s > 0);
    expect(bins.length).toBe(engineBins.length);
    // (Binned from the track as stored: the engine's, thinned to 25 Hz.)
    for (let i = 0; i < bins.length; i++) {
      expect(bins[i]!.from).toBeCloseTo(engineBins[i]!.from, 1);
      expect(bins[i]!.s).toBeCloseTo(engineBins[i]!.s, 1);
    }
    const zones = await page
      .getByTestId('zone-times')
      .locator('li')
      .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-zone'), Number(e.getAttribute('data-seconds'))])));
    for (const [zone, s] of Object.entries(first.summary.zoneTimeS)) expect(zones[zone]).toBeCloseTo(s, 1);
    await page.getByTestId('dwell-heatmap').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, '15-review-heatmap.png'), fullPage: true });
  });

  it('exports the session: the CSV holds the same samples, the JSON the same warnings, the PNG the charts', async () => {
    await page.getByTestId('review-export').click();
    await page.getByTestId('export-done').waitFor({ timeout: 30_000 });
    const names = await page
      .getByTestId('export-done')
      .locator('li')
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    expect(names.map((n) => n.replace(/^roller-session-\d+-[\d-]{10}/, ''))).toEqual(['.csv', '.json', '-track.json', '-charts.png']);
    const [csvName, jsonName, , pngName] = names as [string, string, string, string];
    const csv = parseRecordingCsv(readFileSync(join(exportFolder, csvName), 'utf8'));
    if (!csv.ok) throw new Error(csv.error.message);
    expect(csv.samples.length).toBe(first.sim.samples.length);
    expect(csv.samples[1234]).toEqual(first.sim.samples[1234]);
    const json = JSON.parse(readFileSync(join(exportFolder, jsonName), 'utf8')) as { events: { kind: string }[] };
    expect(json.events.filter((e) => e.kind !== 'time-budget').length).toBe(engineEvents(first).length);
    const png = readFileSync(join(exportFolder, pngName));
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(400); // width from the IHDR chunk: the charts as drawn
    expect(png.readUInt32BE(20)).toBeGreaterThan(400);
    expect(existsSync(join(exportFolder, `${csvName}.part`))).toBe(false);
    writeFileSync(join(ARTIFACTS, '16-exported-charts.png'), png);
    await page.screenshot({ path: join(ARTIFACTS, '16-exported.png') });
  });

  it('analyses the session again with a stricter limit: more too-fast warnings, the figures replaced', async () => {
    const before = await page.getByTestId('review-event').count();
    await app.handle('profile.update', { speedLimitInPerS: 0.6 });
    await page.getByTestId('review-reanalyze').click();
    await page.getByTestId('reanalyze-confirm').waitFor();
    await expect(page.getByTestId('reanalyze-confirm').textContent()).resolves.toContain('0.6 in/s');
    await page.screenshot({ path: join(ARTIFACTS, '17-reanalyze-confirm.png') });
    await page.getByTestId('reanalyze-confirm-yes').click();
    await page.getByTestId('reanalyze-done').waitFor({ timeout: 30_000 });
    const strict = analyzeSamples(first.sim.samples, motionSettings({ rollerDiameterIn: first.sim.meta.rollerDiameterIn, speedLimitInPerS: 0.6 }));
    const expected = strict.events.filter((e) => e.kind !== 'time-budget').length;
    expect(expected).toBeGreaterThan(before);
    await expect.poll(() => page.getByTestId('review-event').count()).toBe(expected);
    await expect(page.getByTestId('reanalyze-done').textContent()).resolves.toMatch(new RegExp(`warnings ${before} → \\d+`));
    await app.handle('profile.update', { speedLimitInPerS: 1 });
  });

  it('compares the two sessions side by side', async () => {
    await page.getByTestId('review-back').click();
    await page.getByTestId('history-session').first().waitFor();
    const ids = await page.getByTestId('history-session').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-session-id'))));
    for (const id of ids) await page.getByTestId(`compare-session-${id}`).click();
    await page.getByTestId('compare-open').click();
    await page.getByTestId('compare-table').waitFor();
    const rows = await page
      .getByTestId('compare-row')
      .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-key'), [...e.querySelectorAll('td')].map((td) => td.textContent ?? '')])));
    // Earlier: the mixed session (re-analysed at 0.6 in/s); later: the lumbar drift. Like with
    // like: crossings of the lines as counts, too-fast warnings per 10 minutes of rolling.
    const crossings = (events: { kind: string }[]) => events.filter((e) => e.kind === 'lumbar' || e.kind === 'neck').length;
    const strict = analyzeSamples(first.sim.samples, motionSettings({ rollerDiameterIn: first.sim.meta.rollerDiameterIn, speedLimitInPerS: 0.6 }));
    const [a, b] = [crossings(strict.events), crossings(engineEvents(second))];
    expect(rows['excursions']!.slice(0, 2).map(Number)).toEqual([a, b]);
    const verdict = await page.getByTestId('compare-verdict').textContent();
    if (rows['excursions']!.length > 2) expect(rows['excursions']![2]).toBe(b > a ? '▼ worse' : b < a ? '▲ better' : '= same');
    else expect(verdict).toMatch(/too different/);
    const rates = rows['too-fast-rate']!.slice(0, 2);
    expect(rates.every((v: string) => /^\d+(\.\d)?( \(too short to say\))?$/.test(v))).toBe(true);
    await expect(page.getByTestId('compare-heatmap-0').locator('rect').count()).resolves.toBeGreaterThan(5);
    await expect(page.getByTestId('compare-heatmap-1').locator('rect').count()).resolves.toBeGreaterThan(5);
    await page.screenshot({ path: join(ARTIFACTS, '18-compare.png'), fullPage: true });
    await page.getByTestId('compare-back').click();
  });

  it('deletes a session only after confirming', async () => {
    await page.getByTestId('history-session').first().waitFor();
    const ids = await page.getByTestId('history-session').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-session-id'))));
    const victim = Math.max(...ids);
    await page.getByTestId(`review-session-${victim}`).click();
    await page.getByTestId('review-delete').click();
    await page.getByTestId('delete-confirm').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, '19-delete-confirm.png') });
    // The safe choice has the focus; Escape closes the question too.
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Keep it');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('delete-confirm').count()).resolves.toBe(0);
    await page.getByTestId('review-delete').click();
    await page.getByTestId('delete-confirm-yes').click();
    await page.getByTestId('history-screen').waitFor();
    await expect.poll(() => page.getByTestId('history-session').count()).toBe(1);
    await expect(app.handle('review.get', { id: victim })).rejects.toThrow(String(victim));
  });

  it('erases all data from Settings after confirming; the app starts over with the safety questions', async () => {
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('data-folder').textContent()).resolves.toBe(join(dir, 'data'));
    await page.getByTestId('erase-all').click();
    await page.getByTestId('erase-confirm').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, '20-erase-confirm.png') });
    await page.getByTestId('erase-confirm-yes').click();
    await page.getByTestId('screening-submit').waitFor({ timeout: 10_000 });
    expect(HistorySchema.parse(await app.handle('history.get', { days: 3660 })).sessions).toHaveLength(0);
    expect(app.snapshot().screening).toBeNull();
  });
});
