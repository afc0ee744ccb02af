/**
 * What each coaching warning says on screen and aloud, how urgent it is, and how long its banner
 * stays. The words are the app's own.
 */
import type { CoachEventKind } from '../../bridge/contract';

export interface WarningContext {
  /** The speed limit, already formatted in the user's units ("1.0 in/s"). */
  speedLimitText: string;
  dwellNudgeS: number;
  dwellLimitS: number;
  dailyBudgetMin: number;
}

export interface WarningText {
  title: string;
  hint: string;
  /** A short phrase for speech. */
  speech: string;
  /** Higher wins when two warnings compete for the banner. */
  priority: number;
  /** How long the banner stays after the event (ms). */
  showForMs: number;
}

export function warningText(kind: CoachEventKind, ctx: WarningContext): WarningText {
  switch (kind) {
    case 'too-fast':
      return {
        title: 'Slow down',
        hint: `Keep under ${ctx.speedLimitText}. Slow, even strokes let the muscles let go.`,
        speech: 'Slow down',
        priority: 2,
        showForMs: 4000,
      };
    case 'dwell-nudge':
      return {
        title: 'Time to move on',
        hint: `${ctx.dwellNudgeS} s on this spot. Roll on to a new one soon.`,
        speech: 'Time to move to a new spot',
        priority: 1,
        showForMs: 6000,
      };
    case 'dwell-limit':
      return {
        title: 'Move off this spot',
        hint: `${ctx.dwellLimitS} s on one spot is enough. Roll somewhere else now.`,
        speech: 'Move off this spot now',
        priority: 2,
        showForMs: 7000,
      };
    case 'lumbar':
      return {
        title: 'Too low: roll back up',
        hint: 'You are below the ribcage. Rolling the lower back can make its muscles tighten up.',
        speech: 'Too low. Roll back up above the ribs',
        priority: 3,
        showForMs: 7000,
      };
    case 'neck':
      return {
        title: 'Too high: roll back down',
        hint: 'You are at the base of the neck. Keep the roller below it.',
        speech: 'Too high. Roll back down from the neck',
        priority: 3,
        showForMs: 7000,
      };
    case 'time-budget':
      return {
        title: 'Enough for today',
        hint: `You have rolled ${ctx.dailyBudgetMin} min today. Finish gently and stop.`,
        speech: `${ctx.dailyBudgetMin} minutes reached for today`,
        priority: 1,
        showForMs: 8000,
      };
  }
}
