/**
 * Rolling time, the one rule: the step from one track point to the next counts when the point
 * is not at rest, was not held or bridged through a gap without samples, and the step is at most
 * MAX_ROLLING_STEP_S (anything longer is a gap). The session figures (`session-figures.ts`) and
 * the time-budget rule (`coach-rules.ts`) each run one over the same points, so the budget
 * fires at the rolling time the user is shown. Pure.
 */

/** The longest step between track points still counted as rolling time (s); longer is a gap. */
export const MAX_ROLLING_STEP_S = 1;

export class RollingClock {
  private lastT: number | null = null;
  private total = 0;

  /** Rolling time so far, s. */
  get totalS(): number {
    return this.total;
  }

  /** Adds the step up to the point at `t`; returns the seconds it counted (0 when none). */
  push(t: number, atRest: boolean, noData: boolean): number {
    const dt = this.lastT === null ? 0 : t - this.lastT;
    this.lastT = t;
    if (atRest || noData || !(dt > 0) || dt > MAX_ROLLING_STEP_S) return 0;
    this.total += dt;
    return dt;
  }
}
