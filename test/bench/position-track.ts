/**
 * Turns any estimator's positions (at sample times) into a track and events with the product's
 * own speed window and coaching rules, at the track rate — so the peers are judged on their
 * angle estimate alone.
 */
import { CoachRules } from '../../electron/motion/coach-rules';
import { CM_PER_IN, type MotionSettings } from '../../electron/motion/motion-settings';
import type { CoachEvent } from '../../electron/motion/motion-types';
import { SpeedWindow } from '../../electron/motion/speed-window';
import { spineMapFor } from '../../electron/motion/spine-map';

export interface SimpleTrack {
  t: number[];
  positionCm: number[];
  speedInPerS: number[];
  events: CoachEvent[];
}

export function trackFromPositions(times: ArrayLike<number>, positionsCm: ArrayLike<number>, settings: MotionSettings): SimpleTrack {
  const rules = new CoachRules(settings, spineMapFor(settings));
  const speed = new SpeedWindow(settings.speedWindowS, settings.speedWindowS * settings.trackRateHz * 2);
  const out: SimpleTrack = { t: [], positionCm: [], speedInPerS: [], events: [] };
  const period = 1 / settings.trackRateHz;
  let next = -Infinity;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (t < next) continue;
    next = Math.max(next + period, t + period * 0.5);
    const p = positionsCm[i]!;
    const measured = speed.push(t, p) / CM_PER_IN;
    const v = Number.isNaN(measured) ? (out.speedInPerS.at(-1) ?? 0) : measured;
    out.t.push(t);
    out.positionCm.push(p);
    out.speedInPerS.push(v);
    rules.update({ t, positionCm: p, speedInPerS: v, atRest: false, afterGap: false }, out.events);
  }
  return out;
}

/** Linear interpolation of (xs, ys) at x (xs increasing). */
export function interpolate(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number, hint = { i: 0 }): number {
  let i = hint.i;
  while (i + 1 < xs.length && xs[i + 1]! <= x) i++;
  while (i > 0 && xs[i]! > x) i--;
  hint.i = i;
  if (i + 1 >= xs.length || x <= xs[i]!) return ys[i]!;
  const f = (x - xs[i]!) / (xs[i + 1]! - xs[i]!);
  return ys[i]! + f * (ys[i + 1]! - ys[i]!);
}
