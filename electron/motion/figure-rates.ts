/**
 * Figures made comparable across sessions of different lengths: counts per 10 minutes of rolling.
 * The one computation of such rates, used by the weekly trends and the comparison of two
 * sessions. Pure.
 */

/** Minutes of rolling a rate is given per. */
export const RATE_PER_MIN = 10;

/** `count` per 10 minutes of `rollingS` seconds of rolling; null without rolling time. */
export function perTenMinutesOfRolling(count: number, rollingS: number): number | null {
  if (!(rollingS > 0) || !Number.isFinite(rollingS) || !Number.isFinite(count)) return null;
  return (count / rollingS) * RATE_PER_MIN * 60;
}
