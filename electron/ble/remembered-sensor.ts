/**
 * The sensor paired last time, so the app can reconnect to it by itself on the next start.
 * A store is injected: the session database's known sensors in the app
 * (electron/app/open-app-store.ts), an in-memory one in tests.
 */
import { z } from 'zod';
import { SENSOR_KINDS } from './sensor-kinds';

export const RememberedSensorSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(SENSOR_KINDS),
});
export type RememberedSensor = z.infer<typeof RememberedSensorSchema>;

export interface RememberedSensorStore {
  get(): RememberedSensor | null;
  set(sensor: RememberedSensor | null): void;
}

export function memoryRememberedSensorStore(initial: RememberedSensor | null = null): RememberedSensorStore {
  let value = initial;
  return {
    get: () => value,
    set: (s) => {
      value = s;
    },
  };
}
