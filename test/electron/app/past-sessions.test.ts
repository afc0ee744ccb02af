/**
 * A session recorded through the app into the real session database (a temporary folder), then
 * read back for review and history over the IPC contract's requests.
 */
import { testRollerApp } from '../../support/test-roller-app';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppStore } from '../../../electron/app/open-app-store';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import { CompareAnswerSchema, HistorySchema, SessionReviewSchema } from '../../../electron/ipc/ipc-contract';

const dir = mkdtempSync(join(tmpdir(), 'roller-past-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('past sessions over the contract', () => {
  it('reviews a recorded session (track, events, settings) and lists it in the history', async () => {
    const scheduler = new ManualScheduler();
    const store = openAppStore(dir);
    const app = testRollerApp({ scheduler, store });
    app.start();
    await scheduler.drive(app.handle('sensors.useSimulated', { scenario: 'too-fast' }));
    const started = await scheduler.drive(app.handle('session.start', {}));
    await scheduler.advanceByAsync(25_000);
    await scheduler.drive(app.handle('session.stop', { reason: 'completed' }));

    const history = HistorySchema.parse(await app.handle('history.get', { days: 7 }));
    expect(history.sessions.map((s) => s.id)).toEqual([started.sessionId]);
    expect(history.sessions[0]!.summary?.eventCounts['too-fast']).toBeGreaterThanOrEqual(1);
    expect(history.days).toHaveLength(1);
    expect(history.days[0]!.rollingS).toBeGreaterThan(10);

    const review = SessionReviewSchema.parse(await app.handle('review.get', { id: started.sessionId! }));
    expect(review.session.endReason).toBe('completed');
    expect(review.track.t.length).toBeGreaterThan(400); // 25 Hz stored track over ~25 s
    expect(review.track.t.length).toBe(review.track.positionCm.length);
    expect(review.events.map((e) => e.kind)).toContain('too-fast');
    expect(review.settings).toMatchObject({ rollerDiameterIn: 6, speedLimitInPerS: 1 });
    // Time per 1-inch bin covers the session's time (the track starts when the session does).
    const binned = review.dwell.seconds.reduce((a, b) => a + b, 0);
    expect(review.dwell.binCm).toBeCloseTo(2.54);
    expect(binned).toBeGreaterThan(0.95 * review.session.summary!.durationS);
    expect(binned).toBeLessThanOrEqual(review.session.summary!.durationS + 1e-6);
    await expect(app.handle('review.get', { id: 999 })).rejects.toThrow(/999/);

    // A second, shorter session stopped for pain: compared, the earlier comes first whatever the order asked.
    const second = await scheduler.drive(app.handle('session.start', {}));
    await scheduler.advanceByAsync(5_000);
    await scheduler.drive(app.handle('session.stop', { reason: 'stopped: pain' }));
    // Its review counts time from its own first sample, not from when the sensor began streaming.
    const secondReview = SessionReviewSchema.parse(await app.handle('review.get', { id: second.sessionId! }));
    expect(secondReview.track.t[0]).toBe(0);
    expect(secondReview.track.t.at(-1)!).toBeLessThanOrEqual(secondReview.session.summary!.durationS + 0.1);
    expect(review.track.t[0]).toBe(0);
    for (const e of review.events) expect(e.t).toBeLessThanOrEqual(review.session.summary!.durationS + 0.1);
    const compared = CompareAnswerSchema.parse(await app.handle('compare.get', { ids: [second.sessionId!, started.sessionId!] }));
    expect(compared.sessions.map((s) => s.session.id)).toEqual([started.sessionId, second.sessionId]);
    expect(compared.comparison.ids).toEqual([started.sessionId, second.sessionId]);
    expect(compared.comparison.limits).toContainEqual({ kind: 'stopped-for-pain', which: 'later' });
    expect(compared.comparison.rows.every((r) => r.trend === null)).toBe(true);
    expect(compared.comparison.rows.find((r) => r.key === 'rolling')!.values[0]).toBe(review.session.summary!.rollingS);
    await expect(app.handle('compare.get', { ids: [started.sessionId!, started.sessionId!] })).rejects.toThrow(/two different sessions/);
    await scheduler.drive(app.dispose());
  });

  it('a routine session is read back with its routine, in the history and the review', async () => {
    const scheduler = new ManualScheduler();
    const store = openAppStore(join(dir, 'routine'));
    const app = testRollerApp({ scheduler, store });
    app.start();
    await scheduler.drive(app.handle('sensors.useSimulated', { scenario: 'hands-free' }));
    const routine = await scheduler.drive(app.handle('session.start', { routine: 'thoracic-extension' }));
    await scheduler.advanceByAsync(5_000);
    await scheduler.drive(app.handle('session.stop', { reason: 'completed' }));
    const free = await scheduler.drive(app.handle('session.start', {}));
    await scheduler.advanceByAsync(5_000);
    await scheduler.drive(app.handle('session.stop', { reason: 'completed' }));

    const history = HistorySchema.parse(await app.handle('history.get', { days: 7 }));
    expect(history.sessions.map((s) => [s.id, s.routine])).toEqual([
      [routine.sessionId, 'thoracic-extension'],
      [free.sessionId, null],
    ]);
    expect(SessionReviewSchema.parse(await app.handle('review.get', { id: routine.sessionId! })).session.routine).toBe('thoracic-extension');
    await scheduler.drive(app.dispose());
  });
});
