import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { STOP_SIGNALS, onStopSignal, untilStopped, type SignalSource } from '../../../electron/app/stop-signals';

function fakeProcess(): EventEmitter & SignalSource {
  return new EventEmitter() as EventEmitter & SignalSource;
}

describe('stop signals', () => {
  it('Ctrl-C, SIGTERM and a closed terminal (SIGHUP) each stop a command once, and nothing is left listening', () => {
    expect([...STOP_SIGNALS]).toEqual(['SIGINT', 'SIGTERM', 'SIGHUP']);
    for (const signal of STOP_SIGNALS) {
      const source = fakeProcess();
      const heard: string[] = [];
      onStopSignal((s) => heard.push(s), source);
      source.emit(signal);
      for (const other of STOP_SIGNALS) source.emit(other);
      expect(heard).toEqual([signal]);
      for (const s of STOP_SIGNALS) expect(source.listenerCount(s)).toBe(0);
    }
  });

  it('stops listening when told to', () => {
    const source = fakeProcess();
    const heard: string[] = [];
    const off = onStopSignal((s) => heard.push(s), source);
    off();
    source.emit('SIGHUP');
    expect(heard).toEqual([]);
    for (const s of STOP_SIGNALS) expect(source.listenerCount(s)).toBe(0);
  });

  it("waits for a signal or the caller's abort, and says which", async () => {
    const source = fakeProcess();
    const hup = untilStopped({ source });
    source.emit('SIGHUP');
    await expect(hup).resolves.toBe('SIGHUP');
    const abort = new AbortController();
    const aborted = untilStopped({ source, abort: abort.signal });
    abort.abort();
    await expect(aborted).resolves.toBe('abort');
    for (const s of STOP_SIGNALS) expect(source.listenerCount(s)).toBe(0);
  });
});
