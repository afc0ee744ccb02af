/**
 * Geometry of the spine diagram: positions (cm from the start spot, + toward the head) to SVG y
 * (down), and the zone bands. The diagram shows a margin of the no-go zones beyond each boundary.
 */
import { spineMapFor, type Zone } from '../../bridge/contract';

export const NECK_MARGIN_CM = 8;
export const LUMBAR_MARGIN_CM = 10;

export interface SpineScale {
  topCm: number;
  bottomCm: number;
  heightPx: number;
  neckAboveCm: number;
  lumbarBelowCm: number;
}

export interface ZoneBand {
  zone: Zone;
  y0: number;
  y1: number;
}

export function spineScale(neckAboveCm: number, lumbarBelowCm: number, heightPx: number): SpineScale {
  return { topCm: neckAboveCm + NECK_MARGIN_CM, bottomCm: -(lumbarBelowCm + LUMBAR_MARGIN_CM), heightPx, neckAboveCm, lumbarBelowCm };
}

/** SVG y of a position, clamped to the diagram. */
export function yOf(scale: SpineScale, positionCm: number): number {
  const span = scale.topCm - scale.bottomCm;
  const cm = Math.min(scale.topCm, Math.max(scale.bottomCm, positionCm));
  return ((scale.topCm - cm) / span) * scale.heightPx;
}

export function zoneBands(scale: SpineScale): ZoneBand[] {
  const yNeck = yOf(scale, scale.neckAboveCm);
  const yStart = yOf(scale, 0);
  const yLumbar = yOf(scale, -scale.lumbarBelowCm);
  return [
    { zone: 'neck', y0: 0, y1: yNeck },
    { zone: 'upper-back', y0: yNeck, y1: yStart },
    { zone: 'mid-back', y0: yStart, y1: yLumbar },
    { zone: 'lumbar', y0: yLumbar, y1: scale.heightPx },
  ];
}

/** The spine map to draw: the profile's calibrated N and L, else the defaults from body height (main's own rule). */
export function spineMapOf(profile: { neckAboveCm: number | null; lumbarBelowCm: number | null; bodyHeightCm: number }): {
  neckAboveCm: number;
  lumbarBelowCm: number;
  calibrated: boolean;
} {
  const calibrated = profile.neckAboveCm !== null && profile.lumbarBelowCm !== null;
  const map = spineMapFor({ bodyHeightCm: profile.bodyHeightCm, neckAboveCm: profile.neckAboveCm ?? undefined, lumbarBelowCm: profile.lumbarBelowCm ?? undefined });
  return { neckAboveCm: map.neckAboveCm, lumbarBelowCm: map.lumbarBelowCm, calibrated };
}
