import { describe, expect, it } from 'vitest';
import { OPEN_STATUS } from '../../../renderer/bridge/bridge-status';
import { initialAppState, withSession, withSnapshot } from '../../../renderer/app/app-state';
import { snapshotFixture } from './fixtures';

describe('app state', () => {
  it('is ready once a snapshot arrives', () => {
    const s = withSnapshot(initialAppState(OPEN_STATUS), snapshotFixture(), 10);
    expect(s).toMatchObject({ load: 'ready', sessionReceivedAtMs: 10 });
  });

  it('does not restart the session clock for a snapshot with the same session figures', () => {
    const running = snapshotFixture({ session: { ...snapshotFixture().session, state: 'running', sessionId: 4, elapsedS: 30 } });
    const a = withSnapshot(initialAppState(OPEN_STATUS), running, 1000);
    const b = withSnapshot(a, { ...running, devices: [] }, 5000);
    expect(b.sessionReceivedAtMs).toBe(1000);
    const c = withSnapshot(b, { ...running, session: { ...running.session, elapsedS: 34 } }, 5000);
    expect(c.sessionReceivedAtMs).toBe(5000);
  });

  it('ignores patches before the first snapshot', () => {
    const s = initialAppState(OPEN_STATUS);
    expect(withSession(s, snapshotFixture().session, 1)).toBe(s);
  });
});
