/**
 * The personal calibration pass: measures the spine map with the user's own roller and body.
 *
 * Protocol (the app walks the user through it): lie still at the start spot, roll up slowly
 * to the base of the neck and hold still there ~3 s, then roll down to the end of the
 * ribcage and hold ~3 s. Fed the engine's track points, this returns N (start spot → base of
 * the neck) and L (start spot → end of the ribcage) in cm, with a verdict and, when it
 * failed, what to do about it.
 *
 * A hold is a stretch of `holdS` during which the position stays within `holdWindowCm`.
 */
import type { TrackPoint } from './motion-types';

export interface CalibrationOptions {
  holdS: number;
  holdWindowCm: number;
  /** Plausible ranges for N and L, cm. */
  minNeckCm: number;
  maxNeckCm: number;
  minLumbarCm: number;
  maxLumbarCm: number;
}

export const DEFAULT_CALIBRATION_OPTIONS: CalibrationOptions = {
  holdS: 3,
  holdWindowCm: 1.5,
  minNeckCm: 8,
  maxNeckCm: 40,
  minLumbarCm: 5,
  maxLumbarCm: 35,
};

/** A stretch still this long counts as the start of a hold (the UI then counts down). */
const HOLD_STARTED_S = 0.5;
/** Slower than this the roller counts as held still (rolling, even slowly, is faster). */
const STILL_BELOW_IN_PER_S = 0.25;

export type CalibrationStep = 'roll-up' | 'hold-top' | 'roll-down' | 'hold-bottom' | 'done';

export type CalibrationVerdict =
  | { ok: true; neckAboveCm: number; lumbarBelowCm: number; message: string }
  | { ok: false; problem: 'hold-too-short' | 'not-far-enough-up' | 'too-far-up' | 'not-far-enough-down' | 'too-far-down' | 'incomplete'; message: string };

interface Hold {
  fromS: number;
  toS: number;
  sum: number;
  n: number;
  min: number;
  max: number;
}

export class CalibrationPass {
  private readonly o: CalibrationOptions;
  private stepNow: CalibrationStep = 'roll-up';
  private hold: Hold | null = null;
  private longestShortHoldS = 0;
  private topCm: number | null = null;
  private bottomCm: number | null = null;
  private peakCm = 0;
  private troughCm = 0;

  constructor(options: Partial<CalibrationOptions> = {}) {
    this.o = { ...DEFAULT_CALIBRATION_OPTIONS, ...options };
  }

  /** What the user should be doing now. */
  get step(): CalibrationStep {
    return this.stepNow;
  }

  /** Seconds held still so far at the current spot (for a countdown in the UI). */
  get heldS(): number {
    return this.hold ? this.hold.toS - this.hold.fromS : 0;
  }

  push(p: TrackPoint): CalibrationStep {
    const x = p.positionCm;
    this.peakCm = Math.max(this.peakCm, x);
    this.troughCm = Math.min(this.troughCm, x);
    if (this.stepNow === 'done') return this.stepNow;
    this.trackHold(p.t, x);
    const h = this.hold;
    const mean = h ? h.sum / h.n : x;
    // Still (not just rolling slowly through the window) for a moment: the hold has begun.
    const holding = this.heldS >= HOLD_STARTED_S && p.speedInPerS < STILL_BELOW_IN_PER_S;
    const held = this.heldS >= this.o.holdS;
    const up = mean > this.o.minNeckCm / 2;
    const down = mean < -this.o.minLumbarCm / 2;
    switch (this.stepNow) {
      case 'roll-up':
        if (holding && up) this.stepNow = 'hold-top';
        break;
      case 'hold-top':
        if (!holding)
          this.stepNow = 'roll-up'; // moved on before the hold was long enough
        else if (held) {
          this.topCm = mean;
          this.stepNow = 'roll-down';
          this.hold = null;
          this.longestShortHoldS = 0;
        }
        break;
      case 'roll-down':
        if (holding && down) this.stepNow = 'hold-bottom';
        break;
      case 'hold-bottom':
        if (!holding) this.stepNow = 'roll-down';
        else if (held) {
          this.bottomCm = mean;
          this.stepNow = 'done';
        }
        break;
    }
    return this.stepNow;
  }

  /** The outcome: N and L when the pass is complete and plausible, otherwise what went wrong. */
  verdict(): CalibrationVerdict {
    const o = this.o;
    const holding = this.stepNow === 'hold-top' || this.stepNow === 'hold-bottom';
    const longest = Math.max(this.longestShortHoldS, holding ? Math.min(this.heldS, o.holdS) : 0);
    const shortHold = longest > 0.5 ? ` (the longest hold was ${longest.toFixed(1)} s)` : '';
    if (this.topCm === null) {
      if (this.peakCm < o.minNeckCm / 2)
        return { ok: false, problem: 'not-far-enough-up', message: `The roller went up only ${this.peakCm.toFixed(1)} cm: roll up to the base of the neck, then hold still.` };
      return { ok: false, problem: 'hold-too-short', message: `Hold still at the base of the neck for ${o.holdS} s${shortHold}. Please repeat.` };
    }
    if (this.bottomCm === null) {
      if (this.troughCm > -o.minLumbarCm / 2)
        return { ok: false, problem: 'not-far-enough-down', message: `After the neck, roll down past the start spot to the end of the ribcage, then hold still.` };
      return { ok: false, problem: 'hold-too-short', message: `Hold still at the end of the ribcage for ${o.holdS} s${shortHold}. Please repeat.` };
    }
    const n = this.topCm;
    const l = -this.bottomCm;
    if (n < o.minNeckCm)
      return {
        ok: false,
        problem: 'not-far-enough-up',
        message: `The base of the neck came out only ${n.toFixed(1)} cm above the start spot (expected ${o.minNeckCm}–${o.maxNeckCm} cm). Please repeat.`,
      };
    if (n > o.maxNeckCm)
      return { ok: false, problem: 'too-far-up', message: `The base of the neck came out ${n.toFixed(1)} cm above the start spot, more than ${o.maxNeckCm} cm. Check the roller diameter and repeat.` };
    if (l < o.minLumbarCm)
      return {
        ok: false,
        problem: 'not-far-enough-down',
        message: `The end of the ribcage came out only ${l.toFixed(1)} cm below the start spot (expected ${o.minLumbarCm}–${o.maxLumbarCm} cm). Please repeat.`,
      };
    if (l > o.maxLumbarCm)
      return {
        ok: false,
        problem: 'too-far-down',
        message: `The end of the ribcage came out ${l.toFixed(1)} cm below the start spot, more than ${o.maxLumbarCm} cm. Check the roller diameter and repeat.`,
      };
    return { ok: true, neckAboveCm: n, lumbarBelowCm: l, message: `Neck boundary ${n.toFixed(1)} cm above the start spot, ribcage boundary ${l.toFixed(1)} cm below it.` };
  }

  private trackHold(t: number, x: number): void {
    const h = this.hold;
    if (h && Math.max(h.max, x) - Math.min(h.min, x) <= this.o.holdWindowCm) {
      h.toS = t;
      h.sum += x;
      h.n++;
      h.min = Math.min(h.min, x);
      h.max = Math.max(h.max, x);
      return;
    }
    const inPhase = this.topCm === null ? h && h.sum / h.n > this.o.minNeckCm / 2 : h && h.sum / h.n < -this.o.minLumbarCm / 2;
    if (h && inPhase) {
      this.longestShortHoldS = Math.max(this.longestShortHoldS, Math.min(h.toS - h.fromS, this.o.holdS));
    }
    this.hold = { fromS: t, toS: t, sum: x, n: 1, min: x, max: x };
  }
}
