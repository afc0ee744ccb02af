import { describe, expect, it } from 'vitest';
import { createWsBridge, LinkLostError } from '../../../renderer/bridge/ws-bridge';
import { FakeSocket, FakeTimers } from './fake-socket';

function setup(opts: { waitWhileClosedMs?: number; requestTimeoutMs?: number } = {}) {
  const timers = new FakeTimers();
  const sockets: FakeSocket[] = [];
  const bad: string[] = [];
  const bridge = createWsBridge({
    url: 'ws://127.0.0.1:1/api?token=t',
    timers,
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    backoff: { firstMs: 100, maxMs: 400 },
    onBadFrame: (e) => bad.push(e),
    ...opts,
  });
  const last = () => {
    const s = sockets.at(-1);
    if (!s) throw new Error('no socket');
    return s;
  };
  return { bridge, timers, sockets, last, bad };
}

describe('WebSocket bridge', () => {
  it('sends requests with increasing ids and matches responses by id', async () => {
    const { bridge, last } = setup();
    last().open();
    const a = bridge.request('sensors.scan', { on: true });
    const b = bridge.request('session.stop', { reason: 'stopped: pain' });
    expect(last().sent).toEqual([
      { kind: 'request', id: 1, name: 'sensors.scan', params: { on: true } },
      { kind: 'request', id: 2, name: 'session.stop', params: { reason: 'stopped: pain' } },
    ]);
    last().receive({ kind: 'response', id: 2, ok: false, error: 'no session running' });
    last().receive({ kind: 'response', id: 1, ok: true, result: { ok: true } });
    await expect(a).resolves.toEqual({ ok: true });
    await expect(b).rejects.toThrow('no session running');
  });

  it('dispatches events to their subscribers until they unsubscribe', () => {
    const { bridge, last } = setup();
    last().open();
    const got: number[] = [];
    const off = bridge.subscribe('live', (p) => got.push(p.points.length));
    const coach: string[] = [];
    bridge.subscribe('coach', (e) => coach.push(e.kind));
    last().receive({ kind: 'event', name: 'live', payload: { points: [{}, {}] } });
    last().receive({ kind: 'event', name: 'coach', payload: { t: 1, kind: 'lumbar', positionCm: -20, detail: '' } });
    off();
    last().receive({ kind: 'event', name: 'live', payload: { points: [{}] } });
    expect(got).toEqual([2]);
    expect(coach).toEqual(['lumbar']);
  });

  it('keeps going when a subscriber throws, and counts bad frames', () => {
    const { bridge, last, bad } = setup();
    last().open();
    const seen: string[] = [];
    const origError = console.error;
    console.error = () => {};
    try {
      bridge.subscribe('session', () => {
        throw new Error('boom');
      });
      bridge.subscribe('session', (s) => seen.push(s.state));
      last().receive({ kind: 'event', name: 'session', payload: { state: 'running' } });
    } finally {
      console.error = origError;
    }
    last().receive('not json');
    last().receive({ kind: 'response', id: 99, ok: true, result: null });
    expect(seen).toEqual(['running']);
    expect(bridge.badFrames()).toBe(2);
    expect(bad[1]).toContain('unknown request id 99');
  });

  it('queues requests made before the socket opens and sends them on open', async () => {
    const { bridge, last } = setup();
    const p = bridge.request('app.snapshot', {});
    expect(last().sent).toEqual([]);
    last().open();
    expect(last().sent).toEqual([{ kind: 'request', id: 1, name: 'app.snapshot', params: {} }]);
    last().receive({ kind: 'response', id: 1, ok: true, result: { host: 'browser' } });
    await expect(p).resolves.toEqual({ host: 'browser' });
  });

  it('reconnects with backoff after the socket closes, reporting the attempt', () => {
    const { bridge, last, sockets, timers } = setup();
    const states: string[] = [];
    bridge.onStatus((s) => states.push(`${s.state}:${s.attempt}`));
    last().open();
    last().drop(1006);
    expect(bridge.status()).toMatchObject({ state: 'reconnecting', attempt: 1, reason: 'closed (code 1006)' });
    timers.advance(99);
    expect(sockets).toHaveLength(1);
    timers.advance(1);
    expect(sockets).toHaveLength(2);
    last().drop();
    expect(bridge.status().attempt).toBe(2);
    timers.advance(200);
    expect(sockets).toHaveLength(3);
    last().drop();
    timers.advance(400);
    last().drop();
    expect(bridge.status()).toMatchObject({ attempt: 4 });
    expect(bridge.status().retryAtMs).toBe(timers.now() + 400);
    timers.advance(400);
    last().open();
    expect(bridge.status()).toMatchObject({ state: 'open', attempt: 0 });
    expect(states).toEqual(['open:0', 'reconnecting:1', 'reconnecting:2', 'reconnecting:3', 'reconnecting:4', 'open:0']);
  });

  it('fails requests in flight when the link drops, and keeps subscriptions across reconnects', async () => {
    const { bridge, last, timers } = setup();
    last().open();
    const got: string[] = [];
    bridge.subscribe('coach', (e) => got.push(e.kind));
    const p = bridge.request('session.start', {});
    last().drop();
    await expect(p).rejects.toBeInstanceOf(LinkLostError);
    await expect(p).rejects.toThrow('Connection to the app lost before "session.start" was answered.');
    timers.advance(100);
    last().open();
    last().receive({ kind: 'event', name: 'coach', payload: { t: 0, kind: 'neck', positionCm: 30, detail: '' } });
    expect(got).toEqual(['neck']);
  });

  it('lets a request made while disconnected wait for the link, then fail clearly', async () => {
    const { bridge, last, timers } = setup({ waitWhileClosedMs: 1000 });
    last().open();
    last().drop();
    const waits = bridge.request('sensors.identify', {});
    timers.advance(100);
    last().open();
    expect(last().sent).toEqual([{ kind: 'request', id: 1, name: 'sensors.identify', params: {} }]);
    last().receive({ kind: 'response', id: 1, ok: true, result: { ok: true } });
    await expect(waits).resolves.toEqual({ ok: true });

    last().drop();
    const fails = bridge.request('sensors.forget', {});
    timers.advance(1000);
    await expect(fails).rejects.toThrow(/Connection to the app lost: "sensors.forget" could not be sent/);
  });

  it('times out a request the app never answers', async () => {
    const { bridge, last, timers } = setup({ requestTimeoutMs: 500 });
    last().open();
    const p = bridge.request('calibration.start', {});
    timers.advance(500);
    await expect(p).rejects.toThrow('did not answer "calibration.start" in time');
  });

  it('survives a socket constructor that throws (retries)', () => {
    const timers = new FakeTimers();
    let n = 0;
    const bridge = createWsBridge({
      url: 'ws://x/api?token=t',
      timers,
      backoff: { firstMs: 100, maxMs: 100 },
      createSocket: () => {
        n++;
        throw new Error('bad url');
      },
    });
    expect(bridge.status()).toMatchObject({ state: 'reconnecting', reason: 'cannot open the connection: bad url' });
    timers.advance(100);
    expect(n).toBe(2);
    bridge.close();
    timers.advance(1000);
    expect(n).toBe(2);
  });
});
