import { describe, expect, it } from 'vitest';
import { ConnectionMachine, nextConnectionState, retryDelayMs, type ConnectionState } from '../../../electron/ble/connection-machine';

describe('connection state machine', () => {
  it('walks idle → scanning → connecting → streaming → reconnecting → streaming', () => {
    const m = new ConnectionMachine();
    const seen: string[] = [];
    const off = m.subscribe((s) => seen.push(s.name));
    m.dispatch({ type: 'scan' });
    m.dispatch({ type: 'connect', deviceId: 'a' });
    m.dispatch({ type: 'streaming' });
    m.dispatch({ type: 'link-lost', reason: 'timeout' });
    expect(m.state).toEqual({ name: 'reconnecting', deviceId: 'a', attempt: 1, reason: 'timeout' });
    m.dispatch({ type: 'attempt-failed', reason: 'not found' });
    expect(m.state).toMatchObject({ name: 'reconnecting', attempt: 2 });
    m.dispatch({ type: 'streaming' });
    off();
    m.dispatch({ type: 'stop' });
    expect(seen).toEqual(['scanning', 'connecting', 'streaming', 'reconnecting', 'reconnecting', 'streaming']);
    expect(m.state.name).toBe('idle');
  });

  it('gives up after the policy’s attempts and ends in lost', () => {
    const policy = { firstDelayMs: 100, maxDelayMs: 1000, maxAttempts: 3 };
    let s: ConnectionState = { name: 'reconnecting', deviceId: 'a', attempt: 1, reason: 'x' };
    s = nextConnectionState(s, { type: 'attempt-failed', reason: 'r1' }, policy);
    s = nextConnectionState(s, { type: 'attempt-failed', reason: 'r2' }, policy);
    expect(s).toMatchObject({ name: 'reconnecting', attempt: 3 });
    s = nextConnectionState(s, { type: 'attempt-failed', reason: 'r3' }, policy);
    expect(s).toEqual({ name: 'lost', deviceId: 'a', reason: 'r3' });
    expect(nextConnectionState(s, { type: 'scan' }, policy).name).toBe('scanning');
  });

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((a) => retryDelayMs(a))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('ignores events that do not apply', () => {
    const idle: ConnectionState = { name: 'idle' };
    expect(nextConnectionState(idle, { type: 'streaming' })).toBe(idle);
    expect(nextConnectionState(idle, { type: 'link-lost', reason: 'x' })).toBe(idle);
    const streaming: ConnectionState = { name: 'streaming', deviceId: 'a' };
    expect(nextConnectionState(streaming, { type: 'scan' })).toBe(streaming);
    expect(nextConnectionState({ name: 'connecting', deviceId: 'a' }, { type: 'attempt-failed', reason: 'no' })).toEqual({ name: 'lost', deviceId: 'a', reason: 'no' });
  });
});
