/**
 * Truth labels for a position on the spine map (docs/architecture.md#conventions-of-the-estimate): `neck` above +N, `upper-back`
 * 0 … +N, `mid-back` −L … 0, `lumbar` below −L (boundaries belong to the inner zone). The zone
 * names are the motion engine's (a type-only import: the truth is computed here, independently).
 */
import type { Zone } from '../motion/spine-map';

export interface SpineMap {
  /** N: base of the neck above the start spot, cm. */
  neckAboveCm: number;
  /** L: end of the ribcage below the start spot, cm. */
  lumbarBelowCm: number;
}

export function spineZoneAt(positionCm: number, map: SpineMap): Zone {
  if (positionCm > map.neckAboveCm) return 'neck';
  if (positionCm >= 0) return 'upper-back';
  if (positionCm >= -map.lumbarBelowCm) return 'mid-back';
  return 'lumbar';
}
