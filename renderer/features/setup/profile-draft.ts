/**
 * The body-and-roller form: roller diameter (a common size or a custom one, always in inches as
 * rollers are sold), body height in the chosen units, and the units. Validates to a
 * `profile.update` patch with the motion settings' ranges (the ones main checks).
 */
import { SETTING_RANGES, type Profile } from '../../bridge/contract';
import { parseNumber } from '../../common/parse-number';
import { cmToIn, fixed, inToCm, type Units } from '../../common/units';

export const DIAMETER_PRESETS_IN = [4, 5, 5.5, 6] as const;
export const DIAMETER_RANGE_IN = SETTING_RANGES.rollerDiameterIn;
export const HEIGHT_RANGE_CM = SETTING_RANGES.bodyHeightCm;

export interface ProfileDraft {
  /** A preset as text ("5.5") or "custom". */
  diameterChoice: string;
  customDiameterIn: string;
  /** Height in `units`. */
  height: string;
  units: Units;
}

export type ProfileDraftErrors = Partial<Record<'diameter' | 'height', string>>;

export function draftFromProfile(p: Profile): ProfileDraft {
  const preset = DIAMETER_PRESETS_IN.find((d) => Math.abs(d - p.rollerDiameterIn) < 1e-6);
  return {
    diameterChoice: preset !== undefined ? String(preset) : 'custom',
    customDiameterIn: preset !== undefined ? '' : String(p.rollerDiameterIn),
    height: heightInUnits(p.bodyHeightCm, p.units),
    units: p.units,
  };
}

export function heightInUnits(cm: number, units: Units): string {
  return units === 'cm' ? fixed(cm, 0) : fixed(cmToIn(cm), 1);
}

/** Switching units converts the typed height so it keeps meaning the same. */
export function switchUnits(draft: ProfileDraft, units: Units): ProfileDraft {
  if (units === draft.units) return draft;
  const n = parseNumber(draft.height);
  const cm = n === null ? null : draft.units === 'cm' ? n : inToCm(n);
  return { ...draft, units, height: cm === null ? draft.height : heightInUnits(cm, units) };
}

export function validateProfileDraft(draft: ProfileDraft): { errors: ProfileDraftErrors; patch: Pick<Profile, 'rollerDiameterIn' | 'bodyHeightCm' | 'units'> | null } {
  const errors: ProfileDraftErrors = {};
  let diameter: number | null = null;
  if (draft.diameterChoice === 'custom') {
    diameter = parseNumber(draft.customDiameterIn);
    if (diameter === null) errors.diameter = 'Type the roller’s diameter in inches.';
    else if (diameter < DIAMETER_RANGE_IN.min || diameter > DIAMETER_RANGE_IN.max) errors.diameter = `The diameter must be between ${DIAMETER_RANGE_IN.min} and ${DIAMETER_RANGE_IN.max} in.`;
  } else {
    diameter = parseNumber(draft.diameterChoice);
    if (diameter === null) errors.diameter = 'Choose the roller’s diameter.';
  }
  const h = parseNumber(draft.height);
  const heightCm = h === null ? null : draft.units === 'cm' ? h : inToCm(h);
  if (heightCm === null) errors.height = 'Type your height.';
  else if (heightCm < HEIGHT_RANGE_CM.min - 0.05 || heightCm > HEIGHT_RANGE_CM.max + 0.05) {
    errors.height =
      draft.units === 'cm'
        ? `Height must be between ${HEIGHT_RANGE_CM.min} and ${HEIGHT_RANGE_CM.max} cm.`
        : `Height must be between ${fixed(cmToIn(HEIGHT_RANGE_CM.min), 1)} and ${fixed(cmToIn(HEIGHT_RANGE_CM.max), 1)} in.`;
  }
  if (errors.diameter || errors.height || diameter === null || heightCm === null) return { errors, patch: null };
  const bodyHeightCm = Math.min(HEIGHT_RANGE_CM.max, Math.max(HEIGHT_RANGE_CM.min, Math.round(heightCm * 10) / 10));
  return { errors, patch: { rollerDiameterIn: diameter, bodyHeightCm, units: draft.units } };
}
