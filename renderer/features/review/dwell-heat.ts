/**
 * The dwell heatmap's geometry and the time per zone, from the review's 1-inch bins. Pure: the
 * component draws what this returns.
 */
import { ZoneSchema, type SessionReview, type Zone } from '../../bridge/contract';
import { yOf, type SpineScale } from '../live/spine-scale';

export type DwellBins = SessionReview['dwell'];

export interface HeatRect {
  /** Bin edges, cm from the start spot. */
  fromCm: number;
  toCm: number;
  seconds: number;
  /** 0…1 of the hottest bin. */
  heat: number;
  /** SVG y of the bin's top edge and its height, clamped to the diagram. */
  y: number;
  height: number;
  fill: string;
}

/** A dark-to-bright sequential ramp (readable on the dark background; also encoded as bar length). */
const RAMP: [number, [number, number, number]][] = [
  [0, [58, 12, 110]],
  [0.35, [160, 42, 100]],
  [0.7, [240, 110, 40]],
  [1, [252, 255, 164]],
];

export function heatColour(heat: number): string {
  const h = Math.min(1, Math.max(0, Number.isFinite(heat) ? heat : 0));
  for (let i = 1; i < RAMP.length; i++) {
    const [x1, c1] = RAMP[i]!;
    const [x0, c0] = RAMP[i - 1]!;
    if (h <= x1) {
      const f = (h - x0) / (x1 - x0);
      const c = c0.map((v, k) => Math.round(v + (c1[k]! - v) * f));
      return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
    }
  }
  return 'rgb(252, 255, 164)';
}

/** One rectangle per bin with time in it, placed on the spine diagram's scale. */
export function heatRects(bins: DwellBins, scale: SpineScale): HeatRect[] {
  const max = Math.max(0, ...bins.seconds);
  if (!(max > 0)) return [];
  const out: HeatRect[] = [];
  bins.seconds.forEach((seconds, i) => {
    if (!(seconds > 0)) return;
    const fromCm = bins.firstBinCm + i * bins.binCm;
    const toCm = fromCm + bins.binCm;
    const yTop = yOf(scale, toCm);
    const yBottom = yOf(scale, fromCm);
    const heat = seconds / max;
    out.push({ fromCm, toCm, seconds, heat, y: yTop, height: Math.max(0, yBottom - yTop), fill: heatColour(heat) });
  });
  return out;
}

/** The bin with the most time, or null when nothing was recorded. */
export function hottestBin(bins: DwellBins): { fromCm: number; toCm: number; seconds: number } | null {
  let best = -1;
  bins.seconds.forEach((s, i) => {
    if (s > 0 && (best < 0 || s > bins.seconds[best]!)) best = i;
  });
  if (best < 0) return null;
  const fromCm = bins.firstBinCm + best * bins.binCm;
  return { fromCm, toCm: fromCm + bins.binCm, seconds: bins.seconds[best]! };
}

/** Head to hips: the contract's zones, in their order. */
export const ZONE_ORDER: readonly Zone[] = ZoneSchema.options;

export interface ZoneShare {
  zone: Zone;
  seconds: number;
  /** Share of the session's time, 0…1. */
  share: number;
}

/** Time per zone, head to hips, with its share of the total. */
export function zoneShares(zoneTimeS: Record<Zone, number> | undefined): ZoneShare[] {
  const total = ZONE_ORDER.reduce((sum, z) => sum + Math.max(0, zoneTimeS?.[z] ?? 0), 0);
  return ZONE_ORDER.map((zone) => {
    const seconds = Math.max(0, zoneTimeS?.[zone] ?? 0);
    return { zone, seconds, share: total > 0 ? seconds / total : 0 };
  });
}

export interface HeatScaleStop {
  /** 0…1 along the scale. */
  at: number;
  seconds: number;
}

/**
 * The legend of the heat column: the colour ramp as CSS gradient stops and labelled values from 0
 * to the hottest bin's time (a bin's colour and bar length are its time over the hottest's).
 * Null when nothing was recorded.
 */
export function heatScale(bins: DwellBins, labels = 3): { gradient: string; stops: HeatScaleStop[] } | null {
  const max = Math.max(0, ...bins.seconds);
  if (!(max > 0)) return null;
  const gradient = `linear-gradient(to right, ${RAMP.map(([x]) => `${heatColour(x)} ${Math.round(x * 100)}%`).join(', ')})`;
  const n = Math.max(2, labels);
  const stops = Array.from({ length: n }, (_, i) => ({ at: i / (n - 1), seconds: (max * i) / (n - 1) }));
  return { gradient, stops };
}
