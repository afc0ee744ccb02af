import { useEffect, useRef } from 'react';
import { isInteractiveTarget, isTextEntryTarget } from '../../common/keyboard-target';
import { liveShortcut, type LiveShortcut } from './shortcut-keys';

/** Calls `onShortcut` for the live view's shortcuts while mounted. */
export function useLiveShortcut(running: boolean, onShortcut: (s: Exclude<LiveShortcut, null>) => void): void {
  const cb = useRef(onShortcut);
  useEffect(() => {
    cb.current = onShortcut;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const s = liveShortcut(
        {
          key: e.key,
          ctrlKey: e.ctrlKey,
          altKey: e.altKey,
          metaKey: e.metaKey,
          repeat: e.repeat,
          onControl: isInteractiveTarget(e.target),
          inTextEntry: isTextEntryTarget(e.target),
        },
        running,
      );
      if (!s) return;
      e.preventDefault();
      cb.current(s);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [running]);
}
