/**
 * The speed gauge: how full it is and what it says. The limit sits in the middle of the gauge
 * (the gauge spans 0 … 2 × limit), so "over" always has room to show.
 */
export type SpeedLevel = 'still' | 'ok' | 'near' | 'over';

/** Below this the roller counts as held still (in/s). */
export const STILL_IN_PER_S = 0.05;
/** From this share of the limit the gauge warns that the limit is near. */
export const NEAR_SHARE = 0.8;
/** The gauge's full scale, in multiples of the limit. */
export const GAUGE_SPAN = 2;

export function gaugeFraction(speedInPerS: number, limitInPerS: number): number {
  if (!Number.isFinite(speedInPerS) || !(limitInPerS > 0)) return 0;
  return Math.min(1, Math.max(0, Math.abs(speedInPerS) / (limitInPerS * GAUGE_SPAN)));
}

export function speedLevel(speedInPerS: number, limitInPerS: number): SpeedLevel {
  const v = Math.abs(speedInPerS);
  if (!Number.isFinite(v) || v < STILL_IN_PER_S) return 'still';
  if (v > limitInPerS) return 'over';
  if (v >= limitInPerS * NEAR_SHARE) return 'near';
  return 'ok';
}

export const SPEED_LEVEL_TEXT: Record<SpeedLevel, string> = {
  still: 'Holding still',
  ok: 'Good pace',
  near: 'Near the limit',
  over: 'Slow down',
};
