/**
 * The app's event bus: what main pushes to the renderer (snapshot, live batches, coaching
 * events, session and calibration status, task progress), typed by the IPC contract's events.
 * A subscription returns its unsubscribe function.
 */
import type { EventName, EventPayload } from '../ipc/ipc-contract';

export type Listener<N extends EventName> = (payload: EventPayload<N>) => void;
type Listeners = { [N in EventName]: Set<Listener<N>> };

export class AppEvents {
  private readonly listeners: Listeners = { snapshot: new Set(), live: new Set(), coach: new Set(), prompt: new Set(), session: new Set(), calibration: new Set(), progress: new Set() };

  on<N extends EventName>(name: N, fn: Listener<N>): () => void {
    const set: Listeners[N] = this.listeners[name];
    set.add(fn);
    return () => set.delete(fn);
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const set: Listeners[N] = this.listeners[name];
    for (const fn of set) fn(payload);
  }
}
