/**
 * Round ticks for the review charts: times at whole steps (0:00, 0:30, 1:00, …) with a step that
 * fits the span shown, and positions every 5 or 10 cm, or every 2 or 5 in, following the user's
 * units. Pure; the chart configs hand the values to chart.js (`afterBuildTicks`).
 */
import type { Units } from '../../common/units';

/** Time steps a time axis may use, s. */
export const TIME_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200] as const;
/** Position steps in display units, smallest first: the first two are the usual ones. */
export const POSITION_STEPS: Record<Units, readonly number[]> = { cm: [5, 10, 20, 50, 100], in: [2, 5, 10, 20, 50] };

/** The smallest step of `steps` that puts at most `maxTicks` ticks across `span` (the largest one otherwise). */
export function stepFor(span: number, maxTicks: number, steps: readonly number[]): number {
  const room = Math.max(1, Math.floor(maxTicks));
  for (const step of steps) if (span / step <= room) return step;
  return steps[steps.length - 1]!;
}

/** Every multiple of `step` within [min, max] (a little slack for rounding). */
export function multiplesIn(min: number, max: number, step: number): number[] {
  if (!(step > 0) || !Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  const out: number[] = [];
  const eps = step * 1e-9;
  for (let k = Math.ceil((min - eps) / step); k * step <= max + eps; k++) out.push(k * step === 0 ? 0 : k * step);
  return out;
}

/** Round time ticks (s) across [min, max], at most `maxTicks` of them. */
export function timeTicks(min: number, max: number, maxTicks: number): number[] {
  return multiplesIn(min, max, stepFor(max - min, maxTicks, TIME_STEPS_S));
}

/** Round position ticks across [min, max] (display units), at most `maxTicks` of them. */
export function positionTicks(min: number, max: number, units: Units, maxTicks: number): number[] {
  return multiplesIn(min, max, stepFor(max - min, maxTicks, POSITION_STEPS[units]));
}

/** How many ticks fit along `lengthPx` of an axis whose labels need `perTickPx` each (at least 2). */
export function ticksThatFit(lengthPx: number, perTickPx: number): number {
  return Number.isFinite(lengthPx) && lengthPx > 0 ? Math.max(2, Math.floor(lengthPx / perTickPx)) : 6;
}
