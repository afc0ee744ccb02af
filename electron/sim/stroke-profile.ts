/**
 * Smooth motion profiles along the spine: each is a displacement x(τ) from the start of its
 * piece (cm) and its rate v(τ) (cm/s), for local time τ ∈ [0, T]. Velocity and acceleration
 * are continuous and zero at both ends, so pieces join without jumps in the accelerometer.
 *
 * | profile | shape | peak speed |
 * |---|---|---|
 * | minimum jerk | x = D·(10u³ − 15u⁴ + 6u⁵), u = τ/T | 1.875 · mean |
 * | cruise | speed ramps up over `Tr` (quintic smoothstep), holds V, ramps down over `Tr` | V; D = V·(T − Tr) |
 * | sway | x = A·sin³(nπτ/T): n half-swings of amplitude A around the start, back at 0 at T | ≈ 1.155·A·nπ/T |
 */

export interface Profile {
  /** Displacement from the piece's start position at local time τ, cm. */
  positionCm(tauS: number): number;
  /** d/dτ of the displacement, cm/s. */
  velocityCmPerS(tauS: number): number;
}

/** Peak speed of a minimum-jerk move divided by its mean speed. */
export const MINIMUM_JERK_PEAK_TO_MEAN = 1.875;

/** Minimum-jerk move of `distanceCm` (signed) in `durationS`. */
export function minimumJerkProfile(distanceCm: number, durationS: number): Profile {
  const d = distanceCm;
  const t = durationS;
  return {
    positionCm(tau) {
      const u = clampUnit(tau / t);
      return d * u * u * u * (10 + u * (-15 + 6 * u));
    },
    velocityCmPerS(tau) {
      const u = clampUnit(tau / t);
      const w = u * (1 - u);
      return ((30 * d) / t) * w * w;
    },
  };
}

/** Quintic smoothstep g(u) = 10u³ − 15u⁴ + 6u⁵ (g' and g'' vanish at both ends). */
function smoothstep(u: number): number {
  return u * u * u * (10 + u * (-15 + 6 * u));
}

/** ∫₀ᵘ g = 2.5u⁴ − 3u⁵ + u⁶; equals ½ at u = 1. */
function smoothstepIntegral(u: number): number {
  const u2 = u * u;
  return u2 * u2 * (2.5 + u * (-3 + u));
}

export interface CruiseTiming {
  durationS: number;
  rampS: number;
  /** Speed held between the ramps, cm/s (positive). */
  cruiseSpeedCmPerS: number;
}

/**
 * Constant-speed move of `distanceCm` (signed): the speed ramps smoothly from 0 to V over
 * `rampS`, holds, and ramps back to 0 over the last `rampS`. `rampS` must be ≤ T/2.
 */
export function cruiseProfile(distanceCm: number, timing: CruiseTiming): Profile {
  const sign = Math.sign(distanceCm);
  const { durationS: t, rampS: tr, cruiseSpeedCmPerS: v } = timing;
  const rampDistance = v * tr * 0.5;
  return {
    positionCm(tau) {
      if (tau <= 0) return 0;
      if (tau >= t) return distanceCm;
      if (tau < tr) return sign * v * tr * smoothstepIntegral(tau / tr);
      if (tau > t - tr) return distanceCm - sign * v * tr * smoothstepIntegral((t - tau) / tr);
      return sign * (rampDistance + v * (tau - tr));
    },
    velocityCmPerS(tau) {
      if (tau <= 0 || tau >= t) return 0;
      if (tau < tr) return sign * v * smoothstep(tau / tr);
      if (tau > t - tr) return sign * v * smoothstep((t - tau) / tr);
      return sign * v;
    },
  };
}

/**
 * Timing of a cruise move of |distance| `lengthCm` from one of: its duration, its mean speed
 * or its cruise (peak) speed. The ramps shrink to T/2 each when the move is too short for them.
 */
export function cruiseTiming(lengthCm: number, rampS: number, given: { durationS: number } | { meanSpeedCmPerS: number } | { peakSpeedCmPerS: number }): CruiseTiming {
  if ('peakSpeedCmPerS' in given) {
    const v = given.peakSpeedCmPerS;
    const atSpeedS = lengthCm / v;
    if (atSpeedS >= rampS) return { durationS: atSpeedS + rampS, rampS, cruiseSpeedCmPerS: v };
    return { durationS: 2 * atSpeedS, rampS: atSpeedS, cruiseSpeedCmPerS: v };
  }
  const t = 'durationS' in given ? given.durationS : lengthCm / given.meanSpeedCmPerS;
  const tr = Math.min(rampS, t / 2);
  return { durationS: t, rampS: tr, cruiseSpeedCmPerS: lengthCm / (t - tr) };
}

/** Number of half-swings a sway of `frequencyHz` makes in `durationS` (at least one). */
export function swayHalfCycles(durationS: number, frequencyHz: number): number {
  return Math.max(1, Math.round(2 * frequencyHz * durationS));
}

/**
 * Back-and-forth around the start: x = A·sin³(ωτ) with ω = nπ/T, so it starts and ends at 0
 * with zero velocity and acceleration and never leaves ±A. The first half-swing goes +.
 */
export function swayProfile(amplitudeCm: number, durationS: number, frequencyHz: number): Profile {
  const a = amplitudeCm;
  const w = (swayHalfCycles(durationS, frequencyHz) * Math.PI) / durationS;
  return {
    positionCm(tau) {
      if (tau <= 0 || tau >= durationS) return 0;
      const s = Math.sin(w * tau);
      return a * s * s * s;
    },
    velocityCmPerS(tau) {
      if (tau <= 0 || tau >= durationS) return 0;
      const s = Math.sin(w * tau);
      return 3 * a * w * s * s * Math.cos(w * tau);
    },
  };
}

/** Standing still. */
export const HOLD_PROFILE: Profile = {
  positionCm: () => 0,
  velocityCmPerS: () => 0,
};

function clampUnit(u: number): number {
  return u <= 0 ? 0 : u >= 1 ? 1 : u;
}
