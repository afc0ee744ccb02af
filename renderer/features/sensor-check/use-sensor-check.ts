/**
 * Asks main for the Sensor check's figures once a second while the screen shows and the window
 * is visible: a hidden tab or a left screen asks nothing (and so the charts stop updating).
 * The next question waits for the answer to the last one, so slow answers never pile up.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SensorCheck } from '../../bridge/contract';
import { errorText } from '../../common/error-text';
import { useServices } from '../../app/services-context';

export const CHECK_EVERY_MS = 1000;

export function useSensorCheck(everyMs = CHECK_EVERY_MS): { check: SensorCheck | null; error: string | null; replace(c: SensorCheck): void } {
  const { bridge } = useServices();
  const [check, setCheck] = useState<SensorCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const replace = useCallback((c: SensorCheck) => setCheck(c), []);
  const bridgeRef = useRef(bridge);
  useEffect(() => {
    bridgeRef.current = bridge;
  });

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let asking = false;
    const visible = () => document.visibilityState !== 'hidden';
    const ask = async () => {
      timer = null;
      if (!alive || asking || !visible()) return;
      asking = true;
      try {
        const c = await bridgeRef.current.request('sensors.check', {});
        if (alive) {
          setCheck(c);
          setError(null);
        }
      } catch (err) {
        if (alive) setError(errorText(err));
      } finally {
        asking = false;
      }
      if (alive && visible() && timer === null) timer = setTimeout(() => void ask(), everyMs);
    };
    const onVisibility = () => {
      if (visible()) {
        if (timer === null) void ask();
      } else if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    void ask();
    return () => {
      alive = false;
      if (timer !== null) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [everyMs]);

  return { check, error, replace };
}
