/**
 * The vertebra level under the roller, from its position and the spine map: the start spot is
 * about T7 (just below the shoulder blades), +N is the base of the neck (C7), −L the end of the
 * ribcage (T12/L1). Levels in between are spread evenly; outside, the same spacing continues.
 * An estimate for orientation only.
 */
const UPPER = ['C7', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'] as const;
const LOWER = ['T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'L1'] as const;

export function spineLevel(positionCm: number, neckAboveCm: number, lumbarBelowCm: number): string {
  if (!Number.isFinite(positionCm)) return '–';
  const upStep = neckAboveCm / (UPPER.length - 1);
  const downStep = lumbarBelowCm / (LOWER.length - 1);
  if (positionCm >= 0) {
    const k = Math.round((neckAboveCm - positionCm) / upStep);
    if (k >= 0) return UPPER[Math.min(k, UPPER.length - 1)] ?? 'T7';
    return `C${Math.max(1, 7 + k)}`;
  }
  const k = Math.round(-positionCm / downStep);
  if (k < LOWER.length) return LOWER[k] ?? 'L1';
  const lumbar = 1 + k - (LOWER.length - 1);
  return lumbar <= 5 ? `L${lumbar}` : 'sacrum';
}
