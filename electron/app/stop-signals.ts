/**
 * The signals that end a running command as Ctrl-C does: SIGINT (Ctrl-C), SIGTERM (`kill`, a
 * service manager, a logout) and SIGHUP (the terminal was closed). Every long-running command
 * (`serve`, `demo`, `record`) waits for them through this one helper, so each ends the same way
 * whichever arrives: a running session is stopped as `completed` with all of it stored, files
 * are closed. After the first, the handlers are gone: a second signal ends the process at once.
 */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** Where signals come from (the process; a test passes an emitter). */
export interface SignalSource {
  once(signal: StopSignal, fn: () => void): unknown;
  off(signal: StopSignal, fn: () => void): unknown;
}

/** Calls `stop` once, at the first stop signal; returns a function that stops listening. */
export function onStopSignal(stop: (signal: StopSignal) => void, source: SignalSource = process): () => void {
  const handlers = STOP_SIGNALS.map((signal) => {
    const fn = () => {
      off();
      stop(signal);
    };
    source.once(signal, fn);
    return [signal, fn] as const;
  });
  const off = () => handlers.forEach(([signal, fn]) => source.off(signal, fn));
  return off;
}

export interface UntilStoppedOptions {
  /** Stop after this long as well, s. */
  seconds?: number | undefined;
  /** Stop when this fires as well (a caller's own stop). */
  abort?: AbortSignal | undefined;
  source?: SignalSource;
}

/** Resolves with what stopped it: a stop signal, the time given, or the abort signal. Nothing is left listening. */
export function untilStopped(o: UntilStoppedOptions = {}): Promise<StopSignal | 'time' | 'abort'> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const done = (why: StopSignal | 'time' | 'abort') => {
      if (timer) clearTimeout(timer);
      offSignals();
      o.abort?.removeEventListener('abort', onAbort);
      resolve(why);
    };
    const onAbort = () => done('abort');
    const offSignals = onStopSignal(done, o.source);
    if (o.seconds !== undefined) timer = setTimeout(() => done('time'), o.seconds * 1000);
    if (o.abort?.aborted) done('abort');
    else o.abort?.addEventListener('abort', onAbort);
  });
}
