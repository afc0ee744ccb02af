/** Starting (free, or a guided routine) and stopping a session (`session.start` / `session.stop`), with busy and error state. */
import { useServices } from '../../app/services-context';
import type { RoutineKind } from '../../bridge/contract';
import { useAction } from '../../common/use-action';

export type StopReason = 'completed' | 'stopped: pain';

export function useSessionActions() {
  const { bridge, store, liveFeed, warnings, cues, speaker } = useServices();
  const start = useAction(async (routine?: RoutineKind) => {
    cues.unlock();
    liveFeed.clear();
    warnings.clear();
    const session = await bridge.request('session.start', routine ? { routine } : {});
    store.applySession(session);
    return session;
  });
  const stop = useAction(async (reason: StopReason) => {
    const session = await bridge.request('session.stop', { reason });
    store.applySession(session);
    warnings.clear();
    cues.hush();
    speaker.hush();
    return session;
  });
  return { start, stop };
}
