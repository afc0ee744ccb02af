/**
 * The allowed range of every bounded setting, in the setting's unit: the one place for them.
 * MotionSettingsSchema (./motion-settings.ts) is built from it; the profile, the CLI's flags and
 * the renderer's forms read it. No zod here, so the CLI's usage text (`roller --help`) reads the
 * ranges without loading a validation library.
 */
export const SETTING_RANGES = {
  rollerDiameterIn: { min: 3, max: 8 },
  speedLimitInPerS: { min: 0.5, max: 4 },
  speedWindowS: { min: 0.1, max: 2 },
  tooFastMinS: { min: 0, max: 5 },
  speedHysteresisInPerS: { min: 0, max: 0.5 },
  dwellWindowIn: { min: 0.5, max: 6 },
  dwellNudgeS: { min: 10, max: 30 },
  dwellLimitS: { min: 15, max: 60 },
  bodyHeightCm: { min: 120, max: 220 },
  neckAboveCm: { min: 5, max: 40 },
  lumbarBelowCm: { min: 5, max: 40 },
  boundaryHysteresisCm: { min: 0, max: 5 },
  dailyBudgetMin: { min: 1, max: 60 },
  trackRateHz: { min: 20, max: 200 },
} as const satisfies Record<string, { min: number; max: number }>;
export type RangedSetting = keyof typeof SETTING_RANGES;
