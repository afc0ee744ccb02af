/**
 * The user's profile as stored: roller, body height, spine map from the calibration pass,
 * coaching thresholds, units, preferences, and the answers to the first-run safety screening
 * with their date. One zod schema with defaults; the motion settings made from it are checked
 * by MotionSettingsSchema, so the profile can never hold a combination the engine rejects.
 */
import { z } from 'zod';
import { MotionSettingsSchema, type MotionSettings, type MotionSettingsInput } from '../motion/motion-settings';

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

/** The sample rates the app offers to choose from, Hz (where the sensor can do them). */
export const SAMPLE_RATE_CHOICES_HZ = [100, 200] as const;
export type SampleRateChoiceHz = (typeof SAMPLE_RATE_CHOICES_HZ)[number];

/** The engine's own fields: the profile's thresholds have the motion settings' ranges and defaults. */
const m = MotionSettingsSchema.shape;

export const ProfileSchema = z.object({
  rollerDiameterIn: m.rollerDiameterIn,
  bodyHeightCm: m.bodyHeightCm,
  units: z.enum(['in', 'cm']).default('in'),
  /** Spine map from the personal calibration pass (null: from body height). */
  neckAboveCm: m.neckAboveCm.unwrap().nullable().default(null),
  lumbarBelowCm: m.lumbarBelowCm.unwrap().nullable().default(null),
  calibratedAt: z.string().max(40).nullable().default(null),
  speedLimitInPerS: m.speedLimitInPerS,
  dwellNudgeS: m.dwellNudgeS,
  dwellLimitS: m.dwellLimitS,
  dailyBudgetMin: m.dailyBudgetMin,
  sounds: z.boolean().default(true),
  speech: z.boolean().default(false),
  /** The sample rate asked of the sensor, Hz (null: the app's default); chosen on the Sensor check screen. */
  sampleRateHz: z
    .union([z.literal(SAMPLE_RATE_CHOICES_HZ[0]), z.literal(SAMPLE_RATE_CHOICES_HZ[1])])
    .nullable()
    .default(null),
  /** Hands-free sessions: armed by Start, they begin when rolling begins and pause while the roller rests. */
  handsFree: z.boolean().default(false),
  /** Spoken guidance for hands-free sessions and routines (start position, areas, time left, reps). */
  voiceGuide: z.boolean().default(false),
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
