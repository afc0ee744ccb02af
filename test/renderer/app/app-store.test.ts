import { describe, expect, it, vi } from 'vitest';
import type { BridgeStatus } from '../../../renderer/bridge/bridge-status';
import type { EventName, EventPayload, RequestName } from '../../../renderer/bridge/contract';
import type { RollerBridge } from '../../../renderer/bridge/roller-bridge';
import { createAppStore } from '../../../renderer/app/app-store';
import { snapshotFixture } from './fixtures';

/** A bridge whose answers and events the test controls. */
function fakeBridge() {
  let status: BridgeStatus = { state: 'open', attempt: 0, retryAtMs: null, reason: null };
  const statusFns = new Set<(s: BridgeStatus) => void>();
  const subs = new Map<string, Set<(p: unknown) => void>>();
  const requests: string[] = [];
  let answer: () => Promise<unknown> = () => Promise.resolve(snapshotFixture());
  const bridge: RollerBridge = {
    request: (name: RequestName) => {
      requests.push(name);
      return answer() as never;
    },
    subscribe: (name, fn) => {
      const set = subs.get(name) ?? new Set();
      subs.set(name, set);
      set.add(fn as (p: unknown) => void);
      return () => set.delete(fn as (p: unknown) => void);
    },
    status: () => status,
    onStatus: (fn) => {
      statusFns.add(fn);
      return () => statusFns.delete(fn);
    },
  };
  return {
    bridge,
    requests,
    setAnswer: (fn: () => Promise<unknown>) => {
      answer = fn;
    },
    emit: <N extends EventName>(name: N, payload: EventPayload<N>) => subs.get(name)?.forEach((fn) => fn(payload)),
    setStatus: (s: BridgeStatus) => {
      status = s;
      statusFns.forEach((fn) => fn(s));
    },
    subscriberCount: () => [...subs.values()].reduce((n, s) => n + s.size, 0) + statusFns.size,
  };
}

describe('app store', () => {
  it('loads the snapshot and follows the events', async () => {
    const f = fakeBridge();
    const store = createAppStore(f.bridge, () => 0);
    const stop = store.start();
    await vi.waitFor(() => expect(store.state.get().load).toBe('ready'));
    f.emit('session', { ...snapshotFixture().session, state: 'running', elapsedS: 5 });
    expect(store.state.get().snapshot?.session.state).toBe('running');
    f.emit('calibration', { ...snapshotFixture().calibration, state: 'running', step: 'roll-up' });
    expect(store.state.get().snapshot?.calibration.step).toBe('roll-up');
    f.emit('snapshot', snapshotFixture({ notices: ['kept aside a damaged database'] }));
    expect(store.state.get().snapshot?.notices).toEqual(['kept aside a damaged database']);
    stop();
    expect(f.subscriberCount()).toBe(0);
  });

  it('says why the first load failed', async () => {
    const f = fakeBridge();
    f.setAnswer(() => Promise.reject(new Error('Connection to the app lost')));
    const store = createAppStore(f.bridge, () => 0);
    store.start();
    await vi.waitFor(() => expect(store.state.get()).toMatchObject({ load: 'failed', loadError: 'Connection to the app lost' }));
  });

  it('reloads the snapshot after a reconnect, not on the first open', async () => {
    const f = fakeBridge();
    const store = createAppStore(f.bridge, () => 0);
    store.start();
    await vi.waitFor(() => expect(store.state.get().load).toBe('ready'));
    expect(f.requests).toEqual(['app.snapshot']);
    f.setStatus({ state: 'open', attempt: 0, retryAtMs: null, reason: null });
    f.setStatus({ state: 'reconnecting', attempt: 1, retryAtMs: 10, reason: 'closed' });
    expect(store.state.get().bridge.state).toBe('reconnecting');
    f.setStatus({ state: 'open', attempt: 0, retryAtMs: null, reason: null });
    await vi.waitFor(() => expect(f.requests).toEqual(['app.snapshot', 'app.snapshot']));
  });
});
