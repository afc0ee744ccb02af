import type { AppSnapshot } from '../bridge/contract';
import { useStore } from '../common/use-store';
import type { AppState } from './app-state';
import { useServices } from './services-context';

const selectSnapshot = (s: AppState) => s.snapshot;

/** The current snapshot (kept current by events). Only for screens shown once it has loaded. */
export function useSnapshot(): AppSnapshot {
  const snapshot = useStore(useServices().store.state, selectSnapshot);
  if (!snapshot) throw new Error('useSnapshot before the snapshot loaded');
  return snapshot;
}

/** One part of the shell's state. `select` must be a stable function (module level). */
export function useAppState<S>(select: (s: AppState) => S): S {
  return useStore(useServices().store.state, select);
}
