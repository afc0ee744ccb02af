import { useEffect } from 'react';
import { isTextEntryTarget } from '../common/keyboard-target';
import { screenForKey, type ScreenId } from './screens';

/** Number keys 1–5 switch screens (not while typing in a field). */
export function useNavShortcuts(go: (screen: ScreenId) => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.repeat) return;
      if (isTextEntryTarget(e.target)) return;
      const screen = screenForKey(e.key);
      if (!screen) return;
      e.preventDefault();
      go(screen);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, enabled]);
}
