/**
 * The sensor paired last time, so the app can reconnect to it by itself on the next start.
 * A store is injected: a JSON file in the app's data folder here (written atomically), the
 * session database later; an in-memory one in tests.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** `last-sensor.json` in `dataDir`. A missing or unreadable file means "none" (and is replaced on the next pairing). */
export function fileRememberedSensorStore(dataDir: string): RememberedSensorStore {
  const path = join(dataDir, 'last-sensor.json');
  return {
    get() {
      try {
        const parsed = RememberedSensorSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    set(sensor) {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.tmp`;
      writeFileSync(tmp, JSON.stringify(sensor ?? null));
      renameSync(tmp, path);
    },
  };
}
