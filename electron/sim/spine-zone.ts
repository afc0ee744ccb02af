/**
 * Truth labels for a position on the spine map (docs/architecture.md#conventions-of-the-estimate): `neck` above +N, `upper-back`
 * 0 … +N, `mid-back` −L … 0, `lumbar` below −L (boundaries belong to the inner zone).
 */

export const SPINE_ZONES = ['neck', 'upper-back', 'mid-back', 'lumbar'] as const;
export type SpineZone = (typeof SPINE_ZONES)[number];

export interface SpineMap {
  /** N: base of the neck above the start spot, cm. */
  neckAboveCm: number;
  /** L: end of the ribcage below the start spot, cm. */
  lumbarBelowCm: number;
}

export function spineZoneAt(positionCm: number, map: SpineMap): SpineZone {
  if (positionCm > map.neckAboveCm) return 'neck';
  if (positionCm >= 0) return 'upper-back';
  if (positionCm >= -map.lumbarBelowCm) return 'mid-back';
  return 'lumbar';
}
