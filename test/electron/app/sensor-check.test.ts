/**
 * The Sensor check requests on a manual clock with the simulated roller: its figures, the
 * sample-rate choice (kept in the profile, honoured by the simulated roller, refused during a
 * session) and the support report's contents with the injected log lines.
 */
import { describe, expect, it } from 'vitest';
import { memoryAppStore } from '../../../electron/app/app-store';
import { ManualScheduler } from '../../../electron/ble/scheduler';
import { DiagnosticsSchema, parseRequest, SensorCheckSchema } from '../../../electron/ipc/ipc-contract';
import { testRollerApp } from '../../support/test-roller-app';

function setup(o: { store?: ReturnType<typeof memoryAppStore>; logLines?: () => string[] } = {}) {
  const scheduler = new ManualScheduler();
  const store = o.store ?? memoryAppStore();
  const app = testRollerApp({ scheduler, store, platform: 'linux', now: () => new Date(Date.UTC(2026, 10, 21, 9, 0, 0) + scheduler.nowMs()), ...(o.logLines ? { supportLogLines: o.logLines } : {}) });
  app.start();
  const check = async () => SensorCheckSchema.parse(await scheduler.drive(app.handle('sensors.check', {})));
  return { scheduler, store, app, check };
}

describe('sensors.check', () => {
  it('says plainly that no sensor is connected', async () => {
    const t = setup();
    const c = await t.check();
    expect(c).toMatchObject({ connected: false, sensor: null, rate: { askedHz: null, measuredHz: null, choicesHz: [], chosenHz: 100 }, axis: { found: false, confidence: 0 } });
    await t.scheduler.drive(t.app.dispose());
  });

  it('the simulated roller: name, kind, rate measured near the one asked, no frames lost, the technical facts, the axis found', async () => {
    const t = setup();
    await t.scheduler.drive(t.app.handle('sensors.useSimulated', { scenario: 'good-slow-session' }));
    await t.check(); // a first signal reading
    await t.scheduler.advanceByAsync(20_000);
    const c = await t.check();
    expect(c.connected).toBe(true);
    expect(c.sensor).toMatchObject({ kind: 'simulated', name: expect.stringMatching(/Roller/) });
    expect(c.rate).toMatchObject({ askedHz: 100, sensorHz: 100, choicesHz: [100, 200], chosenHz: 100 });
    expect(c.rate.measuredHz).toBeGreaterThan(95);
    expect(c.rate.measuredHz).toBeLessThan(105);
    expect(c.link.lostPercent).toBe(0);
    expect(c.link.frames).toBeGreaterThan(0);
    expect(c.link.rssi.length).toBeGreaterThanOrEqual(1);
    expect(c.link.rssi[0]!.dbm).toBeLessThan(0);
    expect(c.link.processingMs).toEqual({ median: 0, p95: 0 }); // the manual clock stands still while a notification is processed
    expect(c.technical).toMatchObject({ mtu: expect.any(Number), samplesPerFrame: expect.any(Number), clock: 'sensor', refusedFrames: 0 });
    expect(c.raw.t.length).toBeGreaterThan(100);
    expect(c.raw.t.length).toBeLessThanOrEqual(250);
    // 20 s of a rolling session: the check's own engine has found the roller's axis.
    expect(c.axis).toMatchObject({ from: 'check', found: true });
    expect(c.axis.confidence).toBeGreaterThan(0.5);
    // The Pair and Session screens' words stay plain.
    expect(t.app.snapshot().connection.description).not.toMatch(/MTU|per frame/);
    await t.scheduler.drive(t.app.dispose());
  });

  it('200 Hz: kept in the profile, the simulated roller follows, refused while a session runs', async () => {
    const store = memoryAppStore();
    const t = setup({ store });
    await t.scheduler.drive(t.app.handle('sensors.useSimulated', { scenario: 'good-slow-session' }));
    await t.scheduler.advanceByAsync(4000);
    const after = await t.scheduler.drive(t.app.handle('sensors.setSampleRate', { hz: 200 }));
    expect(after.rate).toMatchObject({ chosenHz: 200, askedHz: 200, sensorHz: 200 });
    expect(t.app.snapshot().profile.sampleRateHz).toBe(200);
    await t.scheduler.advanceByAsync(4000);
    const c = await t.check();
    expect(c.rate.measuredHz).toBeGreaterThan(190);
    expect(c.rate.measuredHz).toBeLessThan(210);
    expect(c.connected).toBe(true);
    // The pause while the sensor was set up again was asked for: not a gap, nothing lost.
    expect(c.link).toMatchObject({ gaps: 0, reconnects: 0, lostFrames: 0 });
    await t.scheduler.drive(t.app.handle('session.start', {}));
    await expect(t.scheduler.drive(t.app.handle('sensors.setSampleRate', { hz: 100 }))).rejects.toThrow(/session is running/);
    await t.scheduler.drive(t.app.handle('session.stop', { reason: 'completed' }));
    await t.scheduler.drive(t.app.dispose());

    // The next start asks for 200 Hz at once; erasing the user's data goes back to 100 Hz.
    const again = setup({ store });
    await again.scheduler.drive(again.app.handle('sensors.useSimulated', { scenario: 'good-slow-session' }));
    expect((await again.check()).rate).toMatchObject({ chosenHz: 200, sensorHz: 200 });
    await again.scheduler.drive(again.app.handle('data.eraseAll', { confirm: 'erase everything' }));
    expect(again.app.snapshot().profile.sampleRateHz).toBeNull();
    expect((await again.check()).rate.chosenHz).toBe(100);
    await again.scheduler.drive(again.app.dispose());
  });

  it('profile.update cannot set the rate behind the sensor’s back; an unknown rate is refused', () => {
    expect(parseRequest('profile.update', { sampleRateHz: 200 })).toMatchObject({ ok: false, error: expect.stringMatching(/^profile\.update: /) });
    expect(parseRequest('sensors.setSampleRate', { hz: 150 })).toMatchObject({ ok: false, error: expect.stringMatching(/^sensors\.setSampleRate: hz/) });
  });
});

describe('sensors.diagnostics', () => {
  it('carries the app version, the system, the adapter, the check, the notes and the injected log lines', async () => {
    const t = setup({ logLines: () => ['12:00 first', '12:01 second'] });
    await t.scheduler.drive(t.app.handle('sensors.useSimulated', { scenario: 'good-slow-session' }));
    await t.scheduler.advanceByAsync(3000);
    const d = DiagnosticsSchema.parse(await t.scheduler.drive(t.app.handle('sensors.diagnostics', {})));
    expect(d.app.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(d.system.os.length).toBeGreaterThan(0);
    expect(d.adapter.state).toBe('unavailable');
    expect(d.check.connected).toBe(true);
    expect(d.notes.some((n) => /Roller sensor.*: 100 Hz/.test(n))).toBe(true);
    expect(d.logLines).toEqual(['12:00 first', '12:01 second']);
    await t.scheduler.drive(t.app.dispose());
  });

  it('no log lines by default, and none (but a report) when the log source fails', async () => {
    const plain = setup();
    expect((await plain.scheduler.drive(plain.app.handle('sensors.diagnostics', {}))).logLines).toEqual([]);
    await plain.scheduler.drive(plain.app.dispose());
    const failing = setup({
      logLines: () => {
        throw new Error('log file unreadable');
      },
    });
    expect((await failing.scheduler.drive(failing.app.handle('sensors.diagnostics', {}))).logLines).toEqual([]);
    await failing.scheduler.drive(failing.app.dispose());
  });
});
