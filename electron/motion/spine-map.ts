/**
 * The spine map: where the neck and the lumbar region begin, in cm from the start spot
 * (positive toward the head), and the zone of a position.
 *
 * Zones (docs/architecture.md#conventions-of-the-estimate): neck above +N, upper-back 0…+N, mid-back −L…0, lumbar below −L.
 * Without a personal calibration, N ≈ 0.12·height and L ≈ 0.08·height (docs/coaching-rules.md#the-spine-map).
 */
/** Every zone, head to hips: the one list (the IPC contract, the simulator's truth and the UI take it from here). */
export const ZONES = ['neck', 'upper-back', 'mid-back', 'lumbar'] as const;
export type Zone = (typeof ZONES)[number];

export interface SpineMap {
  neckAboveCm: number;
  lumbarBelowCm: number;
  source: 'calibration' | 'height';
}

export const NECK_PER_HEIGHT = 0.12;
export const LUMBAR_PER_HEIGHT = 0.08;

export function spineMapFromHeight(bodyHeightCm: number): SpineMap {
  return { neckAboveCm: NECK_PER_HEIGHT * bodyHeightCm, lumbarBelowCm: LUMBAR_PER_HEIGHT * bodyHeightCm, source: 'height' };
}

export function spineMapFor(settings: { bodyHeightCm: number; neckAboveCm?: number | undefined; lumbarBelowCm?: number | undefined }): SpineMap {
  const fromHeight = spineMapFromHeight(settings.bodyHeightCm);
  if (settings.neckAboveCm === undefined && settings.lumbarBelowCm === undefined) return fromHeight;
  return {
    neckAboveCm: settings.neckAboveCm ?? fromHeight.neckAboveCm,
    lumbarBelowCm: settings.lumbarBelowCm ?? fromHeight.lumbarBelowCm,
    source: 'calibration',
  };
}

export function zoneAt(positionCm: number, map: SpineMap): Zone {
  if (positionCm > map.neckAboveCm) return 'neck';
  if (positionCm >= 0) return 'upper-back';
  if (positionCm >= -map.lumbarBelowCm) return 'mid-back';
  return 'lumbar';
}
