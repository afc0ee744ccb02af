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

/** The two boundaries a zone is decided by. */
export type SpineBounds = Pick<SpineMap, 'neckAboveCm' | 'lumbarBelowCm'>;

export function zoneAt(positionCm: number, map: SpineBounds): Zone {
  if (positionCm > map.neckAboveCm) return 'neck';
  if (positionCm >= 0) return 'upper-back';
  if (positionCm >= -map.lumbarBelowCm) return 'mid-back';
  return 'lumbar';
}

/**
 * The vertebrae of each zone, head to hips. The level shown under the roller comes from the
 * same boundaries as its zone (`vertebraIn`), so a label never contradicts the zone beside it:
 * the upper back's band 0…+N holds T1…T7 (the start spot, just below the shoulder blades, is
 * its lowest level, T7), the mid back's −L…0 holds T8…T12 (the ribcage ends at −L), the neck
 * above +N counts C7 upward and the lower back below −L counts L1 downward at the same spacing
 * as the band next to it. An estimate for orientation only.
 */
export const ZONE_VERTEBRAE: Record<Zone, readonly string[]> = {
  neck: ['C7', 'C6', 'C5', 'C4', 'C3', 'C2', 'C1'],
  'upper-back': ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  'mid-back': ['T8', 'T9', 'T10', 'T11', 'T12'],
  lumbar: ['L1', 'L2', 'L3', 'L4', 'L5', 'sacrum'],
};

const at = (list: readonly string[], i: number): string => list[Math.min(list.length - 1, Math.max(0, Math.floor(i)))] ?? '–';

/** The vertebra level of a position inside the given zone (clamped to that zone's levels). */
export function vertebraIn(zone: Zone, positionCm: number, map: SpineBounds): string {
  if (!Number.isFinite(positionCm)) return '–';
  const upStep = map.neckAboveCm / ZONE_VERTEBRAE['upper-back'].length;
  const downStep = map.lumbarBelowCm / ZONE_VERTEBRAE['mid-back'].length;
  switch (zone) {
    case 'neck':
      return at(ZONE_VERTEBRAE.neck, (positionCm - map.neckAboveCm) / upStep);
    case 'upper-back':
      return at(ZONE_VERTEBRAE['upper-back'], (map.neckAboveCm - positionCm) / upStep);
    case 'mid-back':
      return at(ZONE_VERTEBRAE['mid-back'], -positionCm / downStep);
    case 'lumbar':
      return at(ZONE_VERTEBRAE.lumbar, (-map.lumbarBelowCm - positionCm) / downStep);
  }
}

/** The zone and the vertebra level of a position: one computation, one set of boundaries. */
export function spinePlace(positionCm: number, map: SpineBounds): { zone: Zone; vertebra: string } {
  const zone = zoneAt(positionCm, map);
  return { zone, vertebra: vertebraIn(zone, positionCm, map) };
}
