import { useEffect, useLayoutEffect, useRef } from 'react';
import { onFrame } from './frame-loop';

/** Runs `cb` on every animation frame while the component is mounted (the newest `cb` is used). */
export function useFrame(cb: (nowMs: number) => void): void {
  const ref = useRef(cb);
  useLayoutEffect(() => {
    ref.current = cb;
  });
  useEffect(() => onFrame((now) => ref.current(now)), []);
}
