/**
 * Hands-free sessions and routines through the app: the simulated roller plays the `hands-free`
 * scenario (still, strokes, a rest, strokes again) on a manual clock; the session is armed by
 * `session.start`, starts with the strokes, pauses in the rest and goes on after it, and what
 * the voice guide says comes out as `prompt` events in order; a free session's guide adds the
 * next area and the time left of today, spaced from each other and from the warnings.
 */
import { describe, expect, it } from 'vitest';
import type { RollerApp } from '../../../electron/app/roller-app';
import { memoryAppStore } from '../../../electron/app/app-store';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import type { SessionStatus, VoicePrompt } from '../../../electron/ipc/ipc-contract';
import { testRollerApp } from '../../support/test-roller-app';

interface Run {
  app: RollerApp;
  scheduler: ManualScheduler;
  store: ReturnType<typeof memoryAppStore>;
  prompts: VoicePrompt[];
  /** The hands-free phase each time it changed (from the session events). */
  phases: string[];
  sessions: SessionStatus[];
}

async function appWith(profile: { handsFree?: boolean; dailyBudgetMin?: number }): Promise<Run> {
  const scheduler = new ManualScheduler();
  const store = memoryAppStore();
  const app = testRollerApp({ scheduler, store, now: () => new Date(Date.UTC(2026, 11, 3, 9, 0, 0) + scheduler.nowMs()) });
  const run: Run = { app, scheduler, store, prompts: [], phases: [], sessions: [] };
  app.on('prompt', (p) => run.prompts.push(p));
  app.on('session', (s) => {
    run.sessions.push(s);
    const phase = s.state === 'running' ? (s.handsFree?.phase ?? 'manual') : s.state;
    if (run.phases[run.phases.length - 1] !== phase) run.phases.push(phase);
  });
  app.start();
  await scheduler.drive(app.handle('profile.update', profile));
  await scheduler.drive(app.handle('sensors.useSimulated', { scenario: 'hands-free' }));
  return run;
}

describe('a hands-free session', () => {
  it('is armed, starts when rolling starts, pauses when the roller rests and goes on when it rolls again', async () => {
    const r = await appWith({ handsFree: true });
    const armed = await r.scheduler.drive(r.app.handle('session.start', {}));
    expect(armed).toMatchObject({ state: 'running', handsFree: { phase: 'armed', activeS: 0 }, routine: null });
    // The scenario: 6 s still, ~15 s of strokes, 9 s at rest, strokes again.
    await r.scheduler.advanceByAsync(4_000);
    expect(r.app.snapshot().session.handsFree?.phase).toBe('armed');
    await r.scheduler.advanceByAsync(36_000);
    const ended = await r.scheduler.drive(r.app.handle('session.stop', { reason: 'completed' }));
    expect(r.phases).toEqual(['armed', 'rolling', 'paused', 'rolling', 'ended']);
    expect(r.prompts.map((p) => p.kind)).toEqual(['armed', 'started', 'paused', 'resumed']);
    // Active time: the two blocks of strokes (about 15 s each, the second one cut by the stop), not the still time.
    const last = r.sessions.filter((s) => s.state === 'running').at(-1)!;
    expect(last.handsFree!.activeS).toBeGreaterThan(18);
    expect(last.handsFree!.activeS).toBeLessThan(ended.elapsedS - 12);
    expect(r.store.sessions[0]!.meta.routine).toBeNull();
  });

  it('a free session also says the next area as the back is covered and the time left of today, spaced and after warnings', async () => {
    const r = await appWith({ handsFree: true, dailyBudgetMin: 3 });
    // What was heard when, on the manual clock: prompts and coaching warnings.
    const heard: { ms: number; what: string }[] = [];
    r.app.on('prompt', (p) => heard.push({ ms: r.scheduler.nowMs(), what: p.kind === 'next-area' ? `next ${p.area}` : p.kind === 'today-left' ? `${p.seconds} s left today` : p.kind }));
    r.app.on('coach', (e) => heard.push({ ms: r.scheduler.nowMs(), what: `warning ${e.kind}` }));
    await r.scheduler.drive(r.app.handle('session.start', {}));
    for (let i = 0; i < 120 && !r.prompts.some((p) => p.kind === 'budget-used'); i++) await r.scheduler.advanceByAsync(5_000);
    const ended = await r.scheduler.drive(r.app.handle('session.stop', { reason: 'completed' }));

    const GUIDE = ['next mid-back', 'next upper-back', 'areas-covered', '60 s left today', '30 s left today', 'budget-used'];
    expect(heard.map((h) => h.what).filter((w) => GUIDE.includes(w))).toEqual(['next mid-back', '60 s left today', '30 s left today', 'areas-covered', 'budget-used']);
    // Today's budget used: the time-budget warning first, the voice after it.
    const warned = heard.findIndex((h) => h.what === 'warning time-budget');
    expect(warned).toBeGreaterThan(-1);
    expect(heard.findIndex((h) => h.what === 'budget-used')).toBeGreaterThan(warned);
    // Each of the guide's prompts comes at least 8 s after anything heard before it (within a batch of samples).
    for (const [i, h] of heard.entries()) if (i > 0 && GUIDE.includes(h.what)) expect(h.ms - heard[i - 1]!.ms, `${h.what} after ${heard[i - 1]!.what}`).toBeGreaterThanOrEqual(7_900);
    // The areas were covered by the session's own zone times: both safe areas had at least 45 s.
    expect(ended.figures!.zoneTimeS['upper-back']).toBeGreaterThanOrEqual(45);
    expect(ended.figures!.zoneTimeS['mid-back']).toBeGreaterThanOrEqual(45);
    expect(ended.figures!.rollingS).toBeGreaterThanOrEqual(180);
  });

  it('with hands-free off, Start starts at once as before (no phase, no prompts)', async () => {
    const r = await appWith({});
    const started = await r.scheduler.drive(r.app.handle('session.start', {}));
    expect(started.handsFree).toBeNull();
    await r.scheduler.advanceByAsync(30_000);
    await r.scheduler.drive(r.app.handle('session.stop', { reason: 'completed' }));
    expect(r.prompts).toEqual([]);
  });
});

describe('guided routines', () => {
  it('the back release runs hands-free, says where to roll, counts rolling time down and ends itself', async () => {
    const r = await appWith({});
    const started = await r.scheduler.drive(r.app.handle('session.start', { routine: 'back-release' }));
    expect(started).toMatchObject({ handsFree: { phase: 'armed' }, routine: { kind: 'back-release', step: 'position', leftS: 90 } });
    for (let i = 0; i < 40 && r.app.snapshot().session.state === 'running'; i++) await r.scheduler.advanceByAsync(5_000);
    const kinds = r.prompts.map((p) => (p.kind === 'area' ? `area ${p.area}` : p.kind === 'time-left' ? `${p.seconds} s left` : p.kind));
    // The order of the release's own prompts, whatever pauses come between them.
    expect(kinds.filter((k) => !['paused', 'resumed'].includes(k))).toEqual(['release-position', 'started', 'area upper-back', '60 s left', 'area mid-back', '30 s left', '10 s left', 'release-done']);
    expect(kinds).toContain('paused');
    const ended = r.sessions.at(-1)!;
    expect(ended).toMatchObject({ state: 'ended', endReason: 'completed', routine: { kind: 'back-release', step: 'done', leftS: 0 } });
    expect(r.store.sessions[0]!.meta.routine).toBe('back-release');
  });

  it('thoracic extension is paced by time, says to keep the roller still when it rolls, and is tallied for the week', async () => {
    const r = await appWith({ handsFree: true });
    expect(await r.app.handle('routines.tally', {})).toEqual({ extension: { lastWeek: 0, mostInOneDay: 0, manyTimesADay: false } });
    const started = await r.scheduler.drive(r.app.handle('session.start', { routine: 'thoracic-extension' }));
    // Not hands-free: its pacing starts at once.
    expect(started).toMatchObject({ handsFree: null, routine: { kind: 'thoracic-extension', step: 'position', rep: null, reps: 10 } });
    await r.scheduler.advanceByAsync(20_000);
    expect(r.app.snapshot().session.routine).toMatchObject({ rep: 1 });
    for (let i = 0; i < 40 && r.app.snapshot().session.state === 'running'; i++) await r.scheduler.advanceByAsync(5_000);
    const kinds = r.prompts.map((p) => p.kind);
    expect(kinds[0]).toBe('extension-position');
    expect(kinds.filter((k) => k === 'extension-lean')).toHaveLength(10);
    expect(kinds.at(-1)).toBe('extension-done');
    // The scenario rolls the roller: the guide asks to keep it still.
    expect(kinds).toContain('keep-still');
    expect(r.sessions.at(-1)).toMatchObject({ state: 'ended', endReason: 'completed' });
    expect(await r.app.handle('routines.tally', {})).toEqual({ extension: { lastWeek: 1, mostInOneDay: 1, manyTimesADay: false } });
  });
});
