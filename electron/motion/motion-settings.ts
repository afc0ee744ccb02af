/**
 * Every threshold of the motion engine and the coaching rules, in one zod schema with defaults.
 * Units are in the names. Defaults and allowed ranges: docs/coaching-rules.md#settings-and-their-ranges.
 *
 * | setting | default | range | meaning |
 * |---|---|---|---|
 * | rollerDiameterIn | 6 | 3–8 | nominal roller diameter; position = rotation × diameter / 2 |
 * | speedLimitInPerS | 1.0 | 0.5–4 | too-fast above this speed |
 * | speedWindowS | 0.5 | — | speed = |mean velocity| over this causal window |
 * | tooFastMinS | 0.5 | — | speed must stay above the limit this long |
 * | speedHysteresisInPerS | 0.05 | — | an episode ends when speed falls this far below the limit |
 * | dwellWindowIn | 2 | — | a "spot" is a window this wide (±1 in) |
 * | dwellNudgeS | 15 | 10–30 | gentle warning after this long on one spot |
 * | dwellLimitS | 30 | 15–60 | firm warning after this long on one spot |
 * | neckAboveCm / lumbarBelowCm | from height | 5–40 | spine map: neck above +N, lumbar below −L (cm from the start spot) |
 * | bodyHeightCm | 175 | 120–220 | defaults N ≈ 0.12·H, L ≈ 0.08·H when no calibration exists |
 * | boundaryHysteresisCm | 1 | — | an excursion ends once back inside by this much |
 * | dailyBudgetMin | 10 | 1–60 | daily rolling time budget |
 * | priorDailyRollingS | 0 | ≥ 0 | rolling time earlier today, before this session |
 * | trackRateHz | 50 | 20–200 | rate of track points (estimates) |
 */
import { z } from 'zod';
import { SETTING_RANGES, type RangedSetting } from './setting-ranges';

export const CM_PER_IN = 2.54;

/** The ranges live in ./setting-ranges.ts (no zod there: the CLI's usage text reads them). */
export { SETTING_RANGES, type RangedSetting };

const ranged = (name: RangedSetting) => z.number().min(SETTING_RANGES[name].min).max(SETTING_RANGES[name].max);

/** The dwell limit must come after the nudge (the one statement of this rule). */
export const dwellLimitAfterNudge = (s: { dwellNudgeS: number; dwellLimitS: number }): boolean => s.dwellLimitS > s.dwellNudgeS;

export const MotionSettingsSchema = z
  .object({
    rollerDiameterIn: ranged('rollerDiameterIn').default(6),
    speedLimitInPerS: ranged('speedLimitInPerS').default(1.0),
    speedWindowS: ranged('speedWindowS').default(0.5),
    tooFastMinS: ranged('tooFastMinS').default(0.5),
    speedHysteresisInPerS: ranged('speedHysteresisInPerS').default(0.05),
    dwellWindowIn: ranged('dwellWindowIn').default(2),
    dwellNudgeS: ranged('dwellNudgeS').default(15),
    dwellLimitS: ranged('dwellLimitS').default(30),
    bodyHeightCm: ranged('bodyHeightCm').default(175),
    neckAboveCm: ranged('neckAboveCm').optional(),
    lumbarBelowCm: ranged('lumbarBelowCm').optional(),
    boundaryHysteresisCm: ranged('boundaryHysteresisCm').default(1),
    dailyBudgetMin: ranged('dailyBudgetMin').default(10),
    priorDailyRollingS: z.number().min(0).default(0),
    trackRateHz: ranged('trackRateHz').default(50),
  })
  .refine(dwellLimitAfterNudge, { message: 'dwellLimitS must be longer than dwellNudgeS', path: ['dwellLimitS'] });

export type MotionSettingsInput = z.input<typeof MotionSettingsSchema>;
export type MotionSettings = z.output<typeof MotionSettingsSchema>;

export const DEFAULT_MOTION_SETTINGS: MotionSettings = Object.freeze(MotionSettingsSchema.parse({}));

export function motionSettings(input: MotionSettingsInput = {}): MotionSettings {
  return MotionSettingsSchema.parse(input);
}

/** The "research pace" preset: studies roll at 2–4 s per pass, well above 1 in/s. */
export const RESEARCH_PACE_SPEED_LIMIT_IN_PER_S = 4;
