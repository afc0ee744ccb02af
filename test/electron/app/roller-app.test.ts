/**
 * The main-process services on a manual clock with the simulated roller over simulated
 * Bluetooth and an in-memory store: what the renderer is sent, and what gets recorded.
 */
import { testRollerApp } from '../../support/test-roller-app';
import { screeningAnswers } from '../../support/screening-answers';
import { describe, expect, it } from 'vitest';
import { memoryAppStore } from '../../../electron/app/app-store';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import { parseRequest, type EventName, type EventPayload } from '../../../electron/ipc/ipc-contract';

function setup(store = memoryAppStore()) {
  const scheduler = new ManualScheduler();
  const app = testRollerApp({
    scheduler,
    store,
    platform: 'linux',
    now: () => new Date(Date.UTC(2026, 10, 21, 9, 0, 0) + scheduler.nowMs()),
    loadSystemNoble: () => ({ ok: false, adapter: { state: 'unavailable', message: 'Bluetooth unavailable: this system has no Bluetooth socket (EAFNOSUPPORT)', fix: 'Plug in an adapter.' } }),
  });
  const seen: { [N in EventName]: EventPayload<N>[] } = { snapshot: [], live: [], coach: [], prompt: [], session: [], calibration: [], progress: [] };
  for (const name of Object.keys(seen) as EventName[]) app.on(name, (p) => (seen[name] as unknown[]).push(p));
  app.start();
  return { scheduler, store, app, seen };
}

describe('RollerApp', () => {
  it('changes only the profile fields sent (saving the units keeps the calibration and roller)', async () => {
    const t = setup();
    await t.app.handle('profile.update', { rollerDiameterIn: 4, neckAboveCm: 19, lumbarBelowCm: 12, calibratedAt: '2026-11-21T09:00:00Z' });
    // As the IPC layer delivers it: parsed against the contract first.
    const parsed = parseRequest<'profile.update'>('profile.update', { units: 'cm' });
    if (!parsed.ok) throw new Error(parsed.error);
    const after = await t.app.handle('profile.update', parsed.params);
    expect(after).toMatchObject({ units: 'cm', rollerDiameterIn: 4, neckAboveCm: 19, lumbarBelowCm: 12, calibratedAt: '2026-11-21T09:00:00Z' });
    expect(t.app.snapshot().profile.neckAboveCm).toBe(19);
  });

  it('shows Bluetooth unavailable with its fix, while the simulated roller streams', async () => {
    const t = setup();
    expect(t.app.snapshot().adapter).toEqual({ state: 'unavailable', message: 'Bluetooth unavailable: this system has no Bluetooth socket (EAFNOSUPPORT)', fix: 'Plug in an adapter.' });
    await t.scheduler.drive(t.app.handle('sensors.useSimulated', { scenario: 'too-fast' }));
    expect(t.app.snapshot().connection).toMatchObject({ name: 'streaming', source: 'simulated', description: expect.stringMatching(/100 Hz/) });
    await expect(t.scheduler.drive(t.app.handle('sensors.useSimulated', { scenario: 'no-such' }))).rejects.toThrow(/no simulated scenario "no-such"/);
    // Another scenario, then the end: every simulated roller's timers (stream, battery, status) stop.
    await t.scheduler.drive(t.app.handle('sensors.useSimulated', { scenario: 'good-slow-session' }));
    await t.scheduler.drive(t.app.dispose());
    expect(t.scheduler.pendingTimers).toBe(0);
  });

  it('runs a session: live points in display-rate batches, warnings at once, the recording finished with its reason', async () => {
    const t = setup();
    await t.scheduler.drive(t.app.handle('sensors.useSimulated', { scenario: 'too-fast' }));
    const status = await t.scheduler.drive(t.app.handle('session.start', {}));
    expect(status.state).toBe('running');
    await t.scheduler.advanceByAsync(20_000);
    const batches = t.seen.live;
    expect(batches.length).toBeGreaterThan(300); // ~20 batches a second
    expect(batches.length).toBeLessThan(500);
    const points = batches.reduce((n, b) => n + b.points.length, 0);
    expect(points / batches.length).toBeGreaterThan(2); // never one message per sample
    expect(t.seen.coach.map((e) => e.kind)).toContain('too-fast');
    expect(t.seen.session.length).toBeGreaterThan(15);
    const ended = await t.scheduler.drive(t.app.handle('session.stop', { reason: 'stopped: pain' }));
    expect(ended).toMatchObject({ state: 'ended', endReason: 'stopped: pain' });
    const rec = t.store.sessions[0]!;
    expect(rec.frames).toBeGreaterThan(900); // the raw protocol frames (2 samples each at 100 Hz)
    expect(rec.track).toBeGreaterThan(500);
    expect(rec.end?.reason).toBe('stopped: pain');
    expect(rec.end?.summary.eventCounts['too-fast']).toBeGreaterThanOrEqual(1);
    expect(rec.meta.sensorConfig?.sampleRateHz).toBe(100);
  });

  it('never answers a stop with "completed" when the session could not be saved: says why, in the answer and as a notice', async () => {
    const memory = memoryAppStore();
    const failing = (finish: () => { lost: string | null }): typeof memory => ({
      ...memory,
      startSession: (meta) => ({ ...memory.startSession(meta), finish }),
    });
    const gone = 'session 1 is no longer in the session database (it was removed, perhaps by another program using this data folder)';
    const t = setup(
      failing(() => {
        throw Object.assign(new Error(gone), { kind: 'not-found' });
      }),
    );
    await t.scheduler.drive(t.app.handle('sensors.useSimulated', { scenario: 'too-fast' }));
    await t.scheduler.drive(t.app.handle('session.start', {}));
    await t.scheduler.advanceByAsync(3_000);
    const ended = await t.scheduler.drive(t.app.handle('session.stop', { reason: 'completed' }));
    const problem = `This session could not be saved: ${gone}.`;
    expect(ended).toMatchObject({ state: 'ended', endReason: 'not saved', saveProblem: problem });
    expect(t.app.snapshot().session).toMatchObject({ endReason: 'not saved', saveProblem: problem });
    expect(t.app.snapshot().notices).toEqual([problem]);

    // Part of it kept: the reason stands, and the answer says what was lost.
    const lost = 'Part of this session could not be saved: 12 sensor notifications arrived while saving failed and could not be kept. The rest is saved.';
    const p = setup(failing(() => ({ lost })));
    await p.scheduler.drive(p.app.handle('sensors.useSimulated', { scenario: 'too-fast' }));
    await p.scheduler.drive(p.app.handle('session.start', {}));
    const partly = await p.scheduler.drive(p.app.handle('session.stop', { reason: 'stopped: pain' }));
    expect(partly).toMatchObject({ endReason: 'stopped: pain', saveProblem: lost });
    expect(p.app.snapshot().notices).toEqual([lost]);

    // All saved: no problem.
    const ok = setup();
    await ok.scheduler.drive(ok.app.handle('sensors.useSimulated', { scenario: 'too-fast' }));
    await ok.scheduler.drive(ok.app.handle('session.start', {}));
    expect(await ok.scheduler.drive(ok.app.handle('session.stop', { reason: 'completed' }))).toMatchObject({ endReason: 'completed', saveProblem: null });
  });

  it('calibrates through the engine and stores the measured spine map in the profile', async () => {
    const t = setup();
    await t.scheduler.drive(t.app.handle('sensors.useSimulated', { scenario: 'calibration-pass' }));
    await t.scheduler.drive(t.app.handle('calibration.start', {}));
    for (let i = 0; i < 120 && t.app.snapshot().calibration.state === 'running'; i++) await t.scheduler.advanceByAsync(500);
    expect(t.app.snapshot().calibration).toMatchObject({ state: 'done', step: 'done' });
    const profile = await t.scheduler.drive(t.app.handle('calibration.accept', {}));
    // The person follows the pass on this scenario's body: neck 21 cm above the start spot, ribs 14 cm below.
    expect(Math.abs(profile.neckAboveCm! - 21)).toBeLessThan(1);
    expect(Math.abs(profile.lumbarBelowCm! - 14)).toBeLessThan(1);
    expect(t.store.loadProfile()?.neckAboveCm).toBe(profile.neckAboveCm);
    // Accepted: the outcome is in the profile, and the pass is put away.
    expect(t.app.snapshot().calibration.state).toBe('idle');
    expect(t.seen.calibration.some((c) => c.step === 'hold-top')).toBe(true);
  });

  it('calibrates the demo: with the default simulated session the roller follows the pass, then plays its session again', async () => {
    const t = setup();
    await t.scheduler.drive(t.app.handle('sensors.useSimulated', {}));
    // The default scenario alone never holds still 3 s at the neck: without following the pass, this waits for ever.
    await t.scheduler.advanceByAsync(30_000);
    await t.scheduler.drive(t.app.handle('calibration.start', {}));
    for (let i = 0; i < 120 && t.app.snapshot().calibration.state === 'running'; i++) await t.scheduler.advanceByAsync(500);
    const done = t.app.snapshot().calibration;
    expect(done).toMatchObject({ state: 'done', step: 'done' });
    // The default scenario's person: base of the neck 21 cm above the start spot, end of the ribs 14 cm below.
    expect(Math.abs(done.neckAboveCm! - 21)).toBeLessThan(1);
    expect(Math.abs(done.lumbarBelowCm! - 14)).toBeLessThan(1);
    expect(t.seen.calibration.map((c) => c.step)).toEqual(expect.arrayContaining(['roll-up', 'hold-top', 'roll-down', 'hold-bottom', 'done']));
    // Afterwards the session scenario plays again from its start: a session sees its strokes.
    await t.scheduler.drive(t.app.handle('session.start', {}));
    await t.scheduler.advanceByAsync(60_000);
    const positions = t.seen.live.flatMap((b) => b.points.map((p) => p.positionCm));
    expect(Math.max(...positions) - Math.min(...positions)).toBeGreaterThan(15);
    await t.scheduler.drive(t.app.handle('session.stop', { reason: 'completed' }));
  });

  it('a cancelled pass sends the simulated roller back to its session at once; Back then puts the outcome away', async () => {
    const t = setup();
    await t.scheduler.drive(t.app.handle('sensors.useSimulated', {}));
    await t.scheduler.drive(t.app.handle('calibration.start', {}));
    await t.scheduler.advanceByAsync(5_000);
    const failed = await t.scheduler.drive(t.app.handle('calibration.cancel', {}));
    expect(failed).toMatchObject({ state: 'failed' });
    // Back: the outcome is put away, the profile keeps the spine map it had.
    const before = t.app.snapshot().profile;
    expect(await t.scheduler.drive(t.app.handle('calibration.cancel', {}))).toMatchObject({ state: 'idle' });
    expect(t.app.snapshot().calibration.state).toBe('idle');
    expect(t.seen.calibration.at(-1)?.state).toBe('idle');
    expect(t.app.snapshot().profile).toEqual(before);
    await t.scheduler.drive(t.app.dispose());
    expect(t.scheduler.pendingTimers).toBe(0);
  });

  it('refuses an accept without a successful pass, and a profile the engine cannot use', async () => {
    const t = setup();
    await expect(t.app.handle('calibration.accept', {})).rejects.toThrow(/no successful calibration pass/);
    await expect(t.app.handle('profile.update', { dwellNudgeS: 30, dwellLimitS: 20 })).rejects.toThrow();
    await expect(t.app.handle('profile.update', { speedLimitInPerS: 9 })).rejects.toThrow();
    const p = await t.app.handle('profile.update', { units: 'cm', rollerDiameterIn: 4 });
    expect(p).toMatchObject({ units: 'cm', rollerDiameterIn: 4 });
  });

  it('records the screening answers with their date and whether clearance is advised', async () => {
    const t = setup();
    const s = await t.app.handle('screening.submit', screeningAnswers(['osteoporosis']));
    expect(s).toMatchObject({ needsClearance: true, answeredAt: '2026-11-21T09:00:00.000Z' });
    expect(t.store.loadScreening()).toEqual(s);
    expect(t.seen.snapshot.at(-1)?.screening).toEqual(s);
  });
});
