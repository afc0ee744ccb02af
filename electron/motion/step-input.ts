/**
 * One integration step, filled in by the engine and read by the stages. Passed as an object
 * with number fields rather than as arguments so the hot path boxes no numbers per call.
 */
export interface StepInput {
  /** Bias-corrected angular rate over the step (trapezoid mean of its ends), °/s. */
  wx: number;
  wy: number;
  wz: number;
  /** Step length, s (0 across a long gap: nothing is integrated). */
  dtS: number;
  /** Specific force at the end of the step, g. */
  ax: number;
  ay: number;
  az: number;
}

export function newStepInput(): StepInput {
  return { wx: 0, wy: 0, wz: 0, dtS: 0, ax: 0, ay: 0, az: 0 };
}
