/**
 * The user's profile as stored: roller, body height, spine map from the calibration pass,
 * coaching thresholds, units, preferences, and the answers to the first-run safety screening
 * with their date. One zod schema with defaults; the motion settings made from it are checked
 * by MotionSettingsSchema, so the profile can never hold a combination the engine rejects.
 */
import { z } from 'zod';
import { DEFAULT_MOTION_SETTINGS, MotionSettingsSchema, type MotionSettings, type MotionSettingsInput } from '../motion/motion-settings';

export const ScreeningRecordSchema = z.object({
  /** Question id → the user's answer (true = "yes, this applies to me"). */
  answers: z.record(z.string().min(1).max(64), z.boolean()),
  acknowledgedNotMedicalAdvice: z.boolean(),
  /** Any "yes": the app advised getting clearance first. */
  needsClearance: z.boolean(),
  /** When the questions were answered, ISO 8601. */
  answeredAt: z.string().min(10).max(40),
});
export type ScreeningRecord = z.output<typeof ScreeningRecordSchema>;

const d = DEFAULT_MOTION_SETTINGS;

export const ProfileSchema = z.object({
  rollerDiameterIn: z.number().min(3).max(8).default(d.rollerDiameterIn),
  bodyHeightCm: z.number().min(120).max(220).default(d.bodyHeightCm),
  units: z.enum(['in', 'cm']).default('in'),
  /** Spine map from the personal calibration pass (null: from body height). */
  neckAboveCm: z.number().min(5).max(40).nullable().default(null),
  lumbarBelowCm: z.number().min(5).max(40).nullable().default(null),
  calibratedAt: z.string().max(40).nullable().default(null),
  speedLimitInPerS: z.number().min(0.5).max(4).default(d.speedLimitInPerS),
  dwellNudgeS: z.number().min(10).max(30).default(d.dwellNudgeS),
  dwellLimitS: z.number().min(15).max(60).default(d.dwellLimitS),
  dailyBudgetMin: z.number().min(1).max(60).default(d.dailyBudgetMin),
  sounds: z.boolean().default(true),
  speech: z.boolean().default(false),
  screening: ScreeningRecordSchema.nullable().default(null),
});
export type Profile = z.output<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;

export const DEFAULT_PROFILE: Profile = Object.freeze(ProfileSchema.parse({}));

/**
 * The motion settings the profile asks for, plus `extra` (e.g. `priorDailyRollingS`).
 * Throws a ZodError when the combination is invalid (e.g. the dwell limit not above the nudge).
 */
export function profileSettings(profile: Omit<Profile, 'screening'>, extra: MotionSettingsInput = {}): MotionSettings {
  const input: MotionSettingsInput = {
    rollerDiameterIn: profile.rollerDiameterIn,
    bodyHeightCm: profile.bodyHeightCm,
    speedLimitInPerS: profile.speedLimitInPerS,
    dwellNudgeS: profile.dwellNudgeS,
    dwellLimitS: profile.dwellLimitS,
    dailyBudgetMin: profile.dailyBudgetMin,
    ...(profile.neckAboveCm !== null ? { neckAboveCm: profile.neckAboveCm } : {}),
    ...(profile.lumbarBelowCm !== null ? { lumbarBelowCm: profile.lumbarBelowCm } : {}),
    ...extra,
  };
  return MotionSettingsSchema.parse(input);
}
