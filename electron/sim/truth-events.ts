/**
 * Ground-truth coaching events of a simulated session: the product's own rules (docs/coaching-rules.md)
 * applied to the true position and the true windowed speed, at the engine's track rate.
 */
import { CoachRules } from '../motion/coach-rules';
import type { MotionSettings } from '../motion/motion-settings';
import type { CoachEvent } from '../motion/motion-types';
import { spineMapFor } from '../motion/spine-map';
import type { TruthSeries } from './truth-series';

/** Below this true velocity the roller counts as still (for the daily time budget). */
const STILL_CM_PER_S = 0.01;

export function truthEvents(truth: TruthSeries, settings: MotionSettings): CoachEvent[] {
  const rules = new CoachRules(settings, spineMapFor(settings));
  const events: CoachEvent[] = [];
  const period = 1 / settings.trackRateHz;
  let next = -Infinity;
  for (let i = 0; i < truth.length; i++) {
    const t = truth.tS[i]!;
    if (t < next) continue;
    next = Math.max(next + period, t + period * 0.5);
    const point = { t, positionCm: truth.positionCm[i]!, speedInPerS: truth.speedInPerS[i]!, atRest: Math.abs(truth.velocityCmPerS[i]!) < STILL_CM_PER_S, afterGap: false };
    rules.update(point, events);
  }
  return events;
}
