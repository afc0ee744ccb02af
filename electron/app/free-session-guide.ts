/**
 * The voice guide of a free hands-free session (no routine; docs/coaching-rules.md#hands-free-sessions):
 * besides the hands-free changes, it says
 *
 * - **the next area**: once the session has rolled one safe area (upper back, mid back) for
 *   `AREA_COVERED_S` while rolling, it says to move to the other one; once both have had their
 *   time, that both are done. It never sends the roller toward the lower back or the neck.
 *   Coverage is the session figures' time per zone (electron/motion/session-figures.ts), counted
 *   only while the hands-free machine says *rolling* (lying still at the start spot covers nothing).
 * - **the time left today**: today's rolling time (earlier sessions + this one, the same figure the
 *   `time-budget` rule and the live view use) against the daily budget: `TODAY_LEFT_S` (1 minute,
 *   30 s) left, and the budget used. Only thresholds crossed in this session are said.
 *
 * Not chatty: at most one prompt every `PROMPT_GAP_S`, counted from anything else heard too (a
 * hands-free change, a coaching warning: `heard`), so warnings come first; the time left comes
 * before an area; a time prompt overtaken by a later one is not said late. After the budget is
 * used, no area is suggested.
 *
 * Pure: fed the points (sensor time is the only clock); `take` gives what to say now.
 */
import type { VoicePrompt } from '../ipc/ipc-contract';
import type { Zone } from '../motion/spine-map';
import type { HandsFreePhase } from './hands-free-machine';

/** Rolling time that covers one area, s: half a back-release block (electron/app/routine-pacer.ts). */
export const AREA_COVERED_S = 45;
/** Time-left prompts, s of today's budget left. */
export const TODAY_LEFT_S = [60, 30] as const;
/** The least time between two things heard, s. */
export const PROMPT_GAP_S = 8;
/** A step between points longer than this adds nothing to an area (a gap in the samples), s. */
const MAX_STEP_S = 1;

export type SafeArea = 'upper-back' | 'mid-back';
const AREAS: readonly SafeArea[] = ['upper-back', 'mid-back'];

/** What the guide reads of one track point. */
export interface GuidePoint {
  /** Sensor time, s. */
  t: number;
  /** The hands-free phase after this point. */
  phase: HandsFreePhase;
  /** The session figures' time per zone so far, s (cumulative). */
  zoneTimeS: Readonly<Record<Zone, number>>;
  /** Today's rolling time so far: earlier sessions of the day + this one's, s. */
  todayRollingS: number;
}

export class FreeSessionGuide {
  private readonly covered: Record<SafeArea, number> = { 'upper-back': 0, 'mid-back': 0 };
  private readonly said = new Set<SafeArea>();
  private lastZoneS: Record<SafeArea, number> | null = null;
  private leftS: number;
  private t = -Infinity;
  private phase: HandsFreePhase = 'armed';
  private lastHeardT = -Infinity;
  private pendingTime: VoicePrompt | null = null;
  private pendingArea: VoicePrompt | null = null;
  private budgetUsed: boolean;

  /** `todayRollingAtStartS`: today's rolling time as the session starts. */
  constructor(
    private readonly dailyBudgetS: number,
    todayRollingAtStartS: number,
  ) {
    this.leftS = dailyBudgetS - todayRollingAtStartS;
    this.budgetUsed = this.leftS <= 0;
  }

  /** Seconds each safe area has been rolled so far. */
  get coveredS(): Readonly<Record<SafeArea, number>> {
    return this.covered;
  }

  /** One track point: what it covered, and what it makes due. */
  step(p: GuidePoint): void {
    const dt = p.t - this.t;
    this.t = p.t;
    this.phase = p.phase;
    const now = { 'upper-back': p.zoneTimeS['upper-back'], 'mid-back': p.zoneTimeS['mid-back'] };
    if (this.lastZoneS && p.phase === 'rolling' && dt > 0 && dt <= MAX_STEP_S) {
      for (const a of AREAS) this.covered[a] += Math.max(0, now[a] - this.lastZoneS[a]);
    }
    this.lastZoneS = now;
    this.checkTime(p.todayRollingS);
    this.checkAreas();
  }

  /** Something else was heard at sensor time `t` (a hands-free change, a coaching warning). */
  heard(t: number): void {
    this.lastHeardT = Math.max(this.lastHeardT, t);
  }

  /** What to say now (at the last point's time), if anything is due and the gap allows it. */
  take(): VoicePrompt | null {
    if (this.phase === 'stopped' || this.t - this.lastHeardT < PROMPT_GAP_S) return null;
    let prompt: VoicePrompt | null = null;
    if (this.pendingTime) {
      prompt = this.pendingTime;
      this.pendingTime = null;
    } else if (this.pendingArea && this.phase === 'rolling') {
      prompt = this.pendingArea;
      this.pendingArea = null;
    }
    if (prompt) this.lastHeardT = this.t;
    return prompt;
  }

  private checkTime(todayRollingS: number): void {
    if (this.budgetUsed) return;
    const left = this.dailyBudgetS - todayRollingS;
    if (left <= 0) {
      this.budgetUsed = true;
      this.pendingTime = { kind: 'budget-used' };
      this.pendingArea = null;
    } else {
      for (const s of TODAY_LEFT_S) if (this.leftS > s && left <= s) this.pendingTime = { kind: 'today-left', seconds: s };
    }
    this.leftS = left;
  }

  private checkAreas(): void {
    if (this.budgetUsed) return;
    for (const a of AREAS) {
      if (this.said.has(a) || this.covered[a] < AREA_COVERED_S) continue;
      this.said.add(a);
      const other = AREAS.find((x) => x !== a)!;
      this.pendingArea = this.said.has(other) ? { kind: 'areas-covered' } : { kind: 'next-area', area: other };
    }
  }
}
