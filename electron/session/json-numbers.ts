/**
 * The one rounding of numbers written to JSON files (the session summary and the track of an
 * export): as many decimals as the measurement is worth, by the unit its key names.
 *
 * | key ends with | unit | decimals |
 * |---|---|---|
 * | `Cm` | cm (positions, distances) | 1 (0.1 cm) |
 * | `InPerS` | in/s (speeds) | 2 |
 * | `S`, or the key is `t` | s (times, durations) | 3 (1 ms) |
 * | `Share` | a share 0…1 | 4 |
 *
 * A number under an object whose key has a unit takes that unit (`zoneTimeS.mid` is seconds).
 * Other numbers (counts, settings such as the roller diameter) are written as they are.
 */

export const JSON_DECIMALS = { cm: 1, speed: 2, seconds: 3, share: 4 } as const;

export type JsonUnit = keyof typeof JSON_DECIMALS;

/** `value` rounded to `decimals` places (half away from zero), without binary noise, never −0. */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** decimals;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
  return r === 0 ? 0 : r;
}

/** The unit a key names, or null. */
export function unitOfKey(key: string): JsonUnit | null {
  if (key.endsWith('Cm')) return 'cm';
  if (key.endsWith('InPerS')) return 'speed';
  if (key.endsWith('Share')) return 'share';
  if (key === 't' || /[a-z]S$/.test(key)) return 'seconds';
  return null;
}

/** A copy of plain JSON data with every number rounded by its key's unit (above). */
export function roundedForJson(value: unknown, unit: JsonUnit | null = null): unknown {
  if (typeof value === 'number') return unit === null ? value : roundTo(value, JSON_DECIMALS[unit]);
  if (Array.isArray(value)) return value.map((v) => roundedForJson(v, unit));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = roundedForJson(v, unitOfKey(k) ?? unit);
    return out;
  }
  return value;
}
