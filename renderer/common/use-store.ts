import { useCallback, useSyncExternalStore } from 'react';
import type { SmallStore } from './small-store';

/** The selected part of a store; re-renders only when that part changes identity. */
export function useStore<T, S>(store: SmallStore<T>, select: (value: T) => S): S {
  const getSnapshot = useCallback(() => select(store.get()), [store, select]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}
