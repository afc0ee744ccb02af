/**
 * One figure, one computation, read off the screens in real Chromium: a short live session with
 * the simulated roller, stopped; the end card, the History entry and the Review summary print the
 * same text for every figure, the text of main's figures, and so does `roller sessions list`.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli/cli-main';
import { clockText, durationText, sessionFigureTexts, type SessionFigureTexts } from '../../electron/ipc/figure-text';
import type { SessionFigures } from '../../electron/motion/session-figures-schema';
import { lengthText } from '../../renderer/common/units';
import { canRunBrowser, startE2e, type E2e } from './browser-harness';

const FIELDS = ['length', 'rolling', 'within-limit', 'longest-stay', 'warnings'] as const;
const KEY: Record<(typeof FIELDS)[number], keyof SessionFigureTexts> = { length: 'length', rolling: 'rolling', 'within-limit': 'withinLimit', 'longest-stay': 'longestStay', warnings: 'warnings' };

describe.skipIf(!canRunBrowser)('the session figures on every screen, in Chromium', () => {
  let e: E2e;
  let figures: SessionFigures;
  let id: number;
  let expected: SessionFigureTexts;

  beforeAll(async () => {
    e = await startE2e({ screened: true });
    await e.app.handle('sensors.useSimulated', { scenario: 'guided-session' });
    await e.page.getByTestId('nav-session').click();
    await e.page.getByTestId('start-button').click();
    await e.page.getByTestId('speed-readout').waitFor();
    // Roll until the figures have something in them (real time: the simulated roller streams live).
    await vi.waitFor(() => expect(e.app.snapshot().session.figures?.rollingS ?? 0).toBeGreaterThan(6), { timeout: 40_000, interval: 250 });
    await e.page.getByTestId('stop-button').click();
    await e.page.getByTestId('session-summary').waitFor();
    const s = e.app.snapshot().session;
    figures = s.figures!;
    id = s.sessionId!;
    expected = sessionFigureTexts(figures, (cm) => lengthText(cm, e.app.snapshot().profile.units));
  }, 90_000);

  afterAll(async () => {
    await e?.close();
  });

  const read = (testId: string) => e.page.getByTestId(testId).first().textContent();

  it('the end card prints main’s figures', async () => {
    await e.shot('12-session-figures-end-card');
    for (const f of FIELDS) expect(await read(`summary-${f}`), f).toBe(expected[KEY[f]]);
    expect(await read('summary-today')).toBe(`${durationText(e.app.snapshot().session.todayRollingS)} of ${durationText(e.app.snapshot().session.dailyBudgetS)}`);
  });

  it('the History entry and today’s total print the same', async () => {
    await e.page.getByTestId('nav-history').click();
    const row = e.page.locator(`[data-testid="history-session"][data-session-id="${id}"]`);
    await row.waitFor();
    for (const f of FIELDS) expect(await row.getByTestId(`history-${f}`).textContent(), f).toBe(expected[KEY[f]]);
    expect(await e.page.getByTestId('history-today').textContent()).toContain(`${durationText(e.app.snapshot().session.todayRollingS)} of`);
  });

  it('the Review summary prints the same, with the excursions main measured', async () => {
    await e.page.getByTestId(`review-session-${id}`).click();
    await e.page.getByTestId('review-summary').waitFor();
    const review = { length: 'review-duration', rolling: 'review-rolling', 'within-limit': 'review-within-limit', 'longest-stay': 'review-longest-stay', warnings: 'review-warnings' };
    for (const f of FIELDS) expect(await read(review[f]), f).toBe(expected[KEY[f]]);
    expect(await read('review-lumbar')).toBe(expected.lumbar);
    expect(await read('review-neck')).toBe(expected.neck);
  });

  it('roller sessions list prints the same rolling time and daily total', async () => {
    let out = '';
    const before = process.env['ROLLER_DATA_DIR'];
    process.env['ROLLER_DATA_DIR'] = e.dataDir;
    try {
      expect(await main(['sessions', 'list'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => undefined } })).toBe(0);
    } finally {
      if (before === undefined) delete process.env['ROLLER_DATA_DIR'];
      else process.env['ROLLER_DATA_DIR'] = before;
    }
    const row = out.split('\n').find((l) => l.trim().startsWith(`${id} `))!;
    expect(row).toContain(`  ${clockText(figures.durationS)}  `);
    expect(row).toContain(`  ${clockText(figures.rollingS)}  `);
    expect(out).toContain(`today: ${clockText(e.app.snapshot().session.todayRollingS)} rolling`);
  });
});
