/**
 * What a user hears, in order: the app's own main side (the simulated roller playing the
 * `hands-free` scenario on a manual clock) runs the back-release routine or a free hands-free
 * session, and the renderer's services — wired to it as the UI is — speak each prompt through a
 * captured speaker.
 */
import { describe, expect, it } from 'vitest';
import { memoryAppStore } from '../../../../electron/app/app-store';
import { ManualScheduler } from '../../../../electron/ble/scheduler';
import { createAppServices, wireServices } from '../../../../renderer/app/app-services';
import { OPEN_STATUS } from '../../../../renderer/bridge/bridge-status';
import type { RollerBridge } from '../../../../renderer/bridge/roller-bridge';
import { capturingSpeaker } from '../../../../renderer/features/live/speaker';
import { testRollerApp } from '../../../support/test-roller-app';

async function voiceGuideRun(profile: Record<string, unknown>) {
  const scheduler = new ManualScheduler();
  const app = testRollerApp({ scheduler, store: memoryAppStore() });
  app.start();
  const bridge: RollerBridge = {
    request: (name, params) => app.handle(name, params as never),
    subscribe: (name, fn) => app.on(name, fn),
    status: () => OPEN_STATUS,
    onStatus: () => () => undefined,
  };
  const speaker = capturingSpeaker();
  const services = createAppServices(bridge, speaker);
  const off = wireServices(services);
  await scheduler.drive(services.store.reload());
  await scheduler.drive(app.handle('profile.update', { voiceGuide: true, ...profile }));
  await scheduler.drive(app.handle('sensors.useSimulated', { scenario: 'hands-free' }));
  return { scheduler, app, speaker, off };
}

describe('the voice guide through the app', () => {
  it('says the release from start position to done, pauses included, in order', async () => {
    const { scheduler, app, speaker, off } = await voiceGuideRun({});
    await scheduler.drive(app.handle('session.start', { routine: 'back-release' }));
    for (let i = 0; i < 40 && app.snapshot().session.state === 'running'; i++) await scheduler.advanceByAsync(5_000);
    off();
    await scheduler.drive(app.dispose());

    const heard = speaker.said.map((s) => s.split(/[.:]/)[0]);
    expect(heard[0]).toBe('Back release');
    expect(heard.filter((s) => s !== 'Paused' && s !== 'Going on')).toEqual([
      'Back release',
      'Started',
      'Roll the upper back, up toward the shoulders, and back',
      'One minute left',
      'Now the middle of the back',
      '30 seconds left',
      '10 seconds left',
      'That is the release done',
    ]);
    // Every pause is followed by going on before the next part is said.
    const pauses = heard.flatMap((s, i) => (s === 'Paused' ? [i] : []));
    expect(pauses.length).toBeGreaterThan(0);
    for (const i of pauses) expect(heard.slice(i + 1).find((s) => s === 'Going on' || s === 'Paused')).toBe('Going on');
  });

  it('says, in a free hands-free session, the next area as the back is covered and the time left of today, in order', async () => {
    // A 3-minute daily budget, so the time left comes within the test.
    const { scheduler, app, speaker, off } = await voiceGuideRun({ handsFree: true, dailyBudgetMin: 3 });
    await scheduler.drive(app.handle('session.start', {}));
    for (let i = 0; i < 120 && !speaker.said.some((s) => s.startsWith('That is enough rolling')); i++) await scheduler.advanceByAsync(5_000);
    await scheduler.drive(app.handle('session.stop', { reason: 'completed' }));
    off();
    await scheduler.drive(app.dispose());

    const heard = speaker.said.map((s) => s.split(/[.:]/)[0]);
    expect(heard.filter((s) => s !== 'Paused' && s !== 'Going on')).toEqual([
      'Hands-free is on',
      'Started',
      'The upper back has had its time',
      'One minute of rolling left for today',
      '30 seconds of rolling left for today',
      'Upper and middle back have both had their time',
      'That is enough rolling for today',
    ]);
  });
});
