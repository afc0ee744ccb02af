/**
 * The dwell ring: time on the current spot, filling toward the limit, with a mark at the nudge.
 */
export type DwellLevel = 'fine' | 'nudge' | 'limit';

export interface DwellRingView {
  /** How full the ring is, 0…1 (full at the limit). */
  fraction: number;
  /** Where the nudge mark sits on the ring, 0…1. */
  nudgeFraction: number;
  level: DwellLevel;
  /** Whole seconds on this spot. */
  seconds: number;
}

export function dwellRing(dwellS: number, nudgeS: number, limitS: number): DwellRingView {
  const d = Number.isFinite(dwellS) && dwellS > 0 ? dwellS : 0;
  const limit = limitS > 0 ? limitS : 1;
  const level: DwellLevel = d >= limit ? 'limit' : d >= nudgeS ? 'nudge' : 'fine';
  return {
    fraction: Math.min(1, d / limit),
    nudgeFraction: Math.min(1, Math.max(0, nudgeS / limit)),
    level,
    seconds: Math.floor(d),
  };
}

export const DWELL_LEVEL_TEXT: Record<DwellLevel, string> = {
  fine: 'on this spot',
  nudge: 'move on soon',
  limit: 'move on now',
};
