/**
 * The coaching rules, exactly as docs/coaching-rules.md states them, run on track points:
 * - too-fast: speed above the limit continuously for ≥ tooFastMinS; one event per episode
 *   (an episode ends when the speed falls below the limit minus a small hysteresis);
 * - dwell-nudge / dwell-limit: the roller stays inside a window dwellWindowIn wide for
 *   dwellNudgeS / dwellLimitS; once each per stay (re-armed when the stay drops below half
 *   the nudge time, i.e. the roller has clearly moved on). A stay at the same spot before and
 *   after a gap in the samples goes on through it;
 * - lumbar / neck: the position crosses below −L / above +N; one event per excursion (ended
 *   once back inside by boundaryHysteresisCm);
 * - time-budget: rolling time today (earlier sessions + this one, by the rule of
 *   rolling-clock.ts) reaches the daily budget.
 * Every event carries its sensor time and position. Pure; the same code labels ground truth.
 */
import { CM_PER_IN, type MotionSettings } from './motion-settings';
import type { CoachEvent } from './motion-types';
import { DwellTracker } from './dwell-tracker';
import { RollingClock } from './rolling-clock';
import type { SpineMap } from './spine-map';

export interface RulePoint {
  t: number;
  positionCm: number;
  speedInPerS: number;
  /** The roller is still (rest time does not count toward the daily budget). */
  atRest: boolean;
  /** A long gap was bridged just before this point: a speed episode does not run across it, nor does rolling time. */
  afterGap: boolean;
  /** This point follows samples bridged through a (short) gap: the step to it is not rolling time. */
  gapBridged?: boolean;
}

export class CoachRules {
  private readonly s: MotionSettings;
  private readonly map: SpineMap;
  private readonly dwell: DwellTracker;
  private fastSinceS: number | null = null;
  private fastFired = false;
  private nudgeFired = false;
  private limitFired = false;
  private inNeck = false;
  private inLumbar = false;
  /** Rolling time, by the one rule the session figures use (the same points reach both). */
  private readonly rolling = new RollingClock();
  private budgetFired = false;

  constructor(settings: MotionSettings, map: SpineMap) {
    this.s = settings;
    this.map = map;
    this.dwell = new DwellTracker(settings.dwellWindowIn * CM_PER_IN, Math.ceil((settings.dwellLimitS + 5) * settings.trackRateHz * 1.5) + 8);
    this.budgetFired = settings.priorDailyRollingS >= settings.dailyBudgetMin * 60;
  }

  /** Rolling time of this session so far, s. */
  get sessionRollingS(): number {
    return this.rolling.totalS;
  }

  /** A point held through a gap without samples: no rule runs on it, but the rolling clock steps past it. */
  hold(t: number): void {
    this.rolling.push(t, false, true);
  }

  get currentDwellS(): number {
    return this.lastDwellS;
  }

  private lastDwellS = 0;

  update(pt: RulePoint, out: CoachEvent[]): void {
    const s = this.s;

    // too-fast
    if (pt.afterGap) this.fastSinceS = null;
    if (pt.speedInPerS > s.speedLimitInPerS) {
      if (this.fastSinceS === null) this.fastSinceS = pt.t;
      if (!this.fastFired && pt.t - this.fastSinceS >= s.tooFastMinS - 1e-9) {
        this.fastFired = true;
        out.push(eventAt(pt, 'too-fast', `${pt.speedInPerS.toFixed(2)} in/s for ${(pt.t - this.fastSinceS).toFixed(1)} s (limit ${s.speedLimitInPerS} in/s)`));
      }
    } else {
      this.fastSinceS = null;
      if (pt.speedInPerS < s.speedLimitInPerS - s.speedHysteresisInPerS) this.fastFired = false;
    }

    // dwell
    // A stay at the same spot before and after a gap goes on through it: the roller was found
    // where it was left (no point inside the gap is ever fed here).
    const dwellS = this.dwell.push(pt.t, pt.positionCm);
    this.lastDwellS = dwellS;
    if (dwellS < s.dwellNudgeS / 2) {
      this.nudgeFired = false;
      this.limitFired = false;
    }
    if (!this.nudgeFired && dwellS >= s.dwellNudgeS - 1e-9) {
      this.nudgeFired = true;
      out.push(eventAt(pt, 'dwell-nudge', `${dwellS.toFixed(1)} s within ${s.dwellWindowIn} in`));
    }
    if (!this.limitFired && dwellS >= s.dwellLimitS - 1e-9) {
      this.limitFired = true;
      out.push(eventAt(pt, 'dwell-limit', `${dwellS.toFixed(1)} s within ${s.dwellWindowIn} in`));
    }

    // zones
    const h = s.boundaryHysteresisCm;
    if (!this.inNeck && pt.positionCm > this.map.neckAboveCm) {
      this.inNeck = true;
      out.push(eventAt(pt, 'neck', `above the base of the neck (+${this.map.neckAboveCm.toFixed(1)} cm)`));
    } else if (this.inNeck && pt.positionCm < this.map.neckAboveCm - h) {
      this.inNeck = false;
    }
    if (!this.inLumbar && pt.positionCm < -this.map.lumbarBelowCm) {
      this.inLumbar = true;
      out.push(eventAt(pt, 'lumbar', `below the end of the ribcage (−${this.map.lumbarBelowCm.toFixed(1)} cm)`));
    } else if (this.inLumbar && pt.positionCm > -this.map.lumbarBelowCm + h) {
      this.inLumbar = false;
    }

    // daily time budget
    this.rolling.push(pt.t, pt.atRest, pt.afterGap || pt.gapBridged === true);
    const todayS = s.priorDailyRollingS + this.rolling.totalS;
    if (!this.budgetFired && todayS >= s.dailyBudgetMin * 60) {
      this.budgetFired = true;
      out.push(eventAt(pt, 'time-budget', `${(todayS / 60).toFixed(1)} min of rolling today (budget ${s.dailyBudgetMin} min)`));
    }
  }
}

function eventAt(pt: RulePoint, kind: CoachEvent['kind'], detail: string): CoachEvent {
  return { t: pt.t, kind, positionCm: pt.positionCm, detail };
}
