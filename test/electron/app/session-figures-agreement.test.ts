/**
 * One figure, one computation: a session driven through the live app (the simulated roller on a
 * manual clock, the real session store in a data folder) ends with figures that the end card,
 * History, Review, the daily counter, `roller sessions list` (through the CLI's main()) and the
 * JSON export all hold exactly — the same numbers, and the same text where they print it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRollerApp } from '../../../electron/app/create-roller-app';
import type { RollerApp } from '../../../electron/app/roller-app';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import { main } from '../../../electron/cli/cli-main';
import { clockText, percentText, sessionFigureTexts } from '../../../electron/ipc/figure-text';
import type { EventPayload, SessionStatus } from '../../../electron/ipc/ipc-contract';
import { SessionFiguresSchema, type SessionFigures } from '../../../electron/motion/session-figures-schema';
import { localDay } from '../../../electron/session/session-history';
import { roundedForJson } from '../../../electron/session/json-numbers';

const root = mkdtempSync(join(tmpdir(), 'roller-figures-'));
const dataDir = join(root, 'data');
const exportFolder = join(root, 'exports');
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<string> {
  let out = '';
  let err = '';
  const before = process.env['ROLLER_DATA_DIR'];
  process.env['ROLLER_DATA_DIR'] = dataDir;
  try {
    const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
    expect(err).toBe('');
    expect(code).toBe(0);
  } finally {
    if (before === undefined) delete process.env['ROLLER_DATA_DIR'];
    else process.env['ROLLER_DATA_DIR'] = before;
  }
  return out;
}

const cm = (v: number) => `${v.toFixed(1)} cm`;

describe('one session, the same figures everywhere', () => {
  const scheduler = new ManualScheduler();
  let app: RollerApp;
  const live: EventPayload<'live'>[] = [];
  let first: SessionStatus;
  let ended: SessionStatus;
  let figures: SessionFigures;

  async function session(scenario: string, ms: number): Promise<SessionStatus> {
    await scheduler.drive(app.handle('sensors.useSimulated', { scenario }));
    await scheduler.drive(app.handle('session.start', {}));
    await scheduler.advanceByAsync(ms);
    return scheduler.drive(app.handle('session.stop', { reason: 'completed' }));
  }

  beforeAll(async () => {
    app = createRollerApp({ host: 'browser', dataDir, exportFolder, scheduler });
    app.on('live', (b) => live.push(b));
    app.start();
    // An earlier session today, so the daily counter adds a stored total and a live figure.
    first = await session('too-fast', 20_000);
    live.length = 0;
    ended = await session('guided-session', 60_000);
    figures = SessionFiguresSchema.parse(ended.figures);
  }, 120_000);

  afterAll(async () => {
    await scheduler.drive(app.dispose());
  });

  it('the session has figures worth comparing (rolling, warnings of several kinds, an excursion)', () => {
    expect(first.figures!.rollingS).toBeGreaterThan(5);
    expect(figures.rollingS).toBeGreaterThan(20);
    expect(figures.rollingS % 1).not.toBe(0);
    expect(figures.eventCounts['too-fast']).toBeGreaterThanOrEqual(1);
    expect(figures.eventCounts['dwell-nudge']).toBe(1);
    expect(figures.excursions.lumbar.count).toBeGreaterThanOrEqual(1);
    expect(figures.excursions.lumbar.deepestCm).toBeGreaterThan(0);
    expect(figures.warnings).toBe(
      figures.eventCounts['too-fast'] + figures.eventCounts['dwell-nudge'] + figures.eventCounts['dwell-limit'] + figures.excursions.lumbar.count + figures.excursions.neck.count,
    );
  });

  it('the end card gets the figures the live screen last showed, and today = earlier sessions + this one', () => {
    // What the end card renders: the session status of the snapshot (and of the `session` event).
    const card = app.snapshot().session;
    expect(card.state).toBe('ended');
    expect(card.figures).toEqual(figures);
    expect(card.todayRollingS).toBe(first.figures!.rollingS + figures.rollingS);
    // The last live batch carried the same rolling time (the live counter did not drift).
    const last = live.filter((b) => b.rolling !== null).at(-1)!.rolling!;
    expect(last.rollingS).toBe(figures.rollingS);
    expect(last.todayRollingS).toBe(card.todayRollingS);
  });

  it('History and Review read the stored figures as they are; the daily total is the daily counter', async () => {
    const id = ended.sessionId!;
    const history = await app.handle('history.get', { days: 90 });
    const entry = history.sessions.find((s) => s.id === id)!;
    expect(entry.summary).toEqual(figures);
    const today = history.days.find((d) => d.sessionIds.includes(id))!;
    expect(today.day).toBe(localDay(Date.parse(entry.startedAt), -new Date().getTimezoneOffset()));
    expect(today.rollingS).toBe(app.snapshot().session.todayRollingS);
    const review = await app.handle('review.get', { id });
    expect(review.session.summary).toEqual(figures);
    // The same text on every screen (each renders sessionFigureTexts of these figures).
    expect(sessionFigureTexts(entry.summary!, cm)).toEqual(sessionFigureTexts(figures, cm));
    expect(clockText(today.rollingS)).toBe(clockText(app.snapshot().session.todayRollingS));
  });

  it('roller sessions list prints the same figures, and today’s total as the daily counter', async () => {
    const id = ended.sessionId!;
    const json = JSON.parse(await cli('sessions', 'list', '--json')) as { id: number; rollingS: number; withinLimitShare: number; warnings: number; figures: SessionFigures }[];
    const mine = json.find((s) => s.id === id)!;
    expect(mine.figures).toEqual(figures);
    expect(mine).toMatchObject({ rollingS: figures.rollingS, withinLimitShare: figures.withinLimitShare, warnings: figures.warnings });

    const text = await cli('sessions', 'list');
    const [header, ...rows] = text.split('\n');
    const cells = (line: string) => line.trim().split(/\s{2,}/);
    const col = (name: string) => cells(header!).indexOf(name);
    const row = cells(rows.find((r) => r.trim().startsWith(`${id} `))!);
    expect(row[col('length')]).toBe(clockText(figures.durationS));
    expect(row[col('rolling')]).toBe(clockText(figures.rollingS));
    expect(row[col('within limit')]).toBe(percentText(figures.withinLimitShare));
    expect(row[col('warnings')]).toBe(String(figures.warnings));
    expect(text).toContain(`today: ${clockText(app.snapshot().session.todayRollingS)} rolling`);
  });

  it('the JSON export holds the same figures (rounded by the one JSON rounding)', async () => {
    const r = await scheduler.drive(app.handle('sessions.export', { id: ended.sessionId! }));
    const json = JSON.parse(readFileSync(r.files.find((f) => f.kind === 'json')!.path, 'utf8')) as {
      summary: SessionFigures;
      session: { timeOriginT: number };
      events: { t: number; kind: string; sinceStartS: number }[];
    };
    expect(json.summary).toEqual(roundedForJson(figures));
    // Each warning's time as Review shows it, and on the recording's clock from the same origin.
    const review = await app.handle('review.get', { id: ended.sessionId! });
    expect(review.events.length).toBeGreaterThan(0);
    expect(json.events.map((e) => [e.kind, e.sinceStartS])).toEqual(review.events.map((e) => [e.kind, (roundedForJson({ sinceStartS: e.t }) as { sinceStartS: number }).sinceStartS]));
    expect(json.session.timeOriginT).toBeGreaterThan(0);
    for (const e of json.events) expect(e.t - json.session.timeOriginT).toBeCloseTo(e.sinceStartS, 2);
  });
});
