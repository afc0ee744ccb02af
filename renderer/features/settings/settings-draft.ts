/**
 * The coaching settings form: thresholds (within the motion settings' ranges, the ones main checks),
 * units, sounds and speech, hands-free sessions and the voice guide. Speeds are typed in the user's units and sent in in/s.
 */
import { dwellLimitAfterNudge, RESEARCH_PACE_SPEED_LIMIT_IN_PER_S, SETTING_RANGES, type Profile } from '../../bridge/contract';
import { fixed, speedFromUnits, speedToUnits, speedUnit, type Units } from '../../common/units';
import { parseNumber } from '../../common/parse-number';

export const SPEED_LIMIT_RANGE_IN_PER_S = SETTING_RANGES.speedLimitInPerS;
export const DWELL_NUDGE_RANGE_S = SETTING_RANGES.dwellNudgeS;
export const DWELL_LIMIT_RANGE_S = SETTING_RANGES.dwellLimitS;
export const DAILY_BUDGET_RANGE_MIN = SETTING_RANGES.dailyBudgetMin;

/** The coaching pace the guidance recommends: about an inch a second. */
export const GUIDED_PACE_IN_PER_S = 1;
/** "Research pace": studies roll a pass in 2–4 s, well above 1 in/s; this is the top of the range. */
export const RESEARCH_PACE_IN_PER_S = RESEARCH_PACE_SPEED_LIMIT_IN_PER_S;

export interface SettingsDraft {
  speedLimit: string;
  dwellNudgeS: string;
  dwellLimitS: string;
  dailyBudgetMin: string;
  units: Units;
  sounds: boolean;
  speech: boolean;
  handsFree: boolean;
  voiceGuide: boolean;
}

export type SettingsField = 'speedLimit' | 'dwellNudgeS' | 'dwellLimitS' | 'dailyBudgetMin';
export type SettingsErrors = Partial<Record<SettingsField, string>>;
export type SettingsPatch = Pick<Profile, 'speedLimitInPerS' | 'dwellNudgeS' | 'dwellLimitS' | 'dailyBudgetMin' | 'units' | 'sounds' | 'speech' | 'handsFree' | 'voiceGuide'>;

export const speedText = (inPerS: number, units: Units): string => fixed(speedToUnits(inPerS, units), 2).replace(/\.?0+$/, '');

export function draftFromProfile(p: Profile): SettingsDraft {
  return {
    speedLimit: speedText(p.speedLimitInPerS, p.units),
    dwellNudgeS: String(p.dwellNudgeS),
    dwellLimitS: String(p.dwellLimitS),
    dailyBudgetMin: String(p.dailyBudgetMin),
    units: p.units,
    sounds: p.sounds,
    speech: p.speech,
    handsFree: p.handsFree,
    voiceGuide: p.voiceGuide,
  };
}

export function switchSettingsUnits(d: SettingsDraft, units: Units): SettingsDraft {
  if (units === d.units) return d;
  const v = parseNumber(d.speedLimit);
  return { ...d, units, speedLimit: v === null ? d.speedLimit : speedText(speedFromUnits(v, d.units), units) };
}

const rangeText = (lo: number, hi: number, unit: string) => `between ${lo} and ${hi} ${unit}`;

export function validateSettings(d: SettingsDraft): { errors: SettingsErrors; patch: SettingsPatch | null } {
  const errors: SettingsErrors = {};
  const speedRaw = parseNumber(d.speedLimit);
  const speed = speedRaw === null ? null : Math.round(speedFromUnits(speedRaw, d.units) * 1000) / 1000;
  const { min: sMin, max: sMax } = SPEED_LIMIT_RANGE_IN_PER_S;
  if (speed === null) errors.speedLimit = 'Type a speed limit.';
  else if (speed < sMin - 1e-3 || speed > sMax + 1e-3)
    errors.speedLimit = `The speed limit must be ${rangeText(Number(speedText(sMin, d.units)), Number(speedText(sMax, d.units)), speedUnit(d.units))}.`;

  const nudge = parseNumber(d.dwellNudgeS);
  if (nudge === null) errors.dwellNudgeS = 'Type the seconds before the nudge.';
  else if (nudge < DWELL_NUDGE_RANGE_S.min || nudge > DWELL_NUDGE_RANGE_S.max) errors.dwellNudgeS = `The nudge must come ${rangeText(DWELL_NUDGE_RANGE_S.min, DWELL_NUDGE_RANGE_S.max, 's')}.`;

  const limit = parseNumber(d.dwellLimitS);
  if (limit === null) errors.dwellLimitS = 'Type the seconds before the limit warning.';
  else if (limit < DWELL_LIMIT_RANGE_S.min || limit > DWELL_LIMIT_RANGE_S.max) errors.dwellLimitS = `The limit must be ${rangeText(DWELL_LIMIT_RANGE_S.min, DWELL_LIMIT_RANGE_S.max, 's')}.`;
  else if (nudge !== null && !dwellLimitAfterNudge({ dwellNudgeS: nudge, dwellLimitS: limit })) errors.dwellLimitS = 'The limit must be longer than the nudge.';

  const budget = parseNumber(d.dailyBudgetMin);
  if (budget === null) errors.dailyBudgetMin = 'Type the daily time in minutes.';
  else if (budget < DAILY_BUDGET_RANGE_MIN.min || budget > DAILY_BUDGET_RANGE_MIN.max)
    errors.dailyBudgetMin = `The daily time must be ${rangeText(DAILY_BUDGET_RANGE_MIN.min, DAILY_BUDGET_RANGE_MIN.max, 'min')}.`;

  if (Object.keys(errors).length > 0 || speed === null || nudge === null || limit === null || budget === null) return { errors, patch: null };
  return {
    errors,
    patch: {
      speedLimitInPerS: Math.min(sMax, Math.max(sMin, speed)),
      dwellNudgeS: nudge,
      dwellLimitS: limit,
      dailyBudgetMin: budget,
      units: d.units,
      sounds: d.sounds,
      speech: d.speech,
      handsFree: d.handsFree,
      voiceGuide: d.voiceGuide,
    },
  };
}
