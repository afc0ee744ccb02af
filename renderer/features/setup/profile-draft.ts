/**
 * The body-and-roller form: roller diameter (a common size or a custom one, always in inches as
 * rollers are sold), body height (feet and inches, or cm: height-input.ts), and the units.
 * Validates to a `profile.update` patch with the motion settings' ranges (the ones main checks);
 * each error names its field.
 */
import { SETTING_RANGES, type Profile } from '../../bridge/contract';
import { parseNumber } from '../../common/parse-number';
import type { Units } from '../../common/units';
import { HEIGHT_FIELD_IDS, convertHeightDraft, heightDraftFrom, parseHeight, type HeightDraft, type HeightField } from './height-input';

export const DIAMETER_PRESETS_IN = [4, 5, 5.5, 6] as const;
export const DIAMETER_RANGE_IN = SETTING_RANGES.rollerDiameterIn;

export interface ProfileDraft {
  /** A preset as text ("5.5") or "custom". */
  diameterChoice: string;
  customDiameterIn: string;
  height: HeightDraft;
  units: Units;
  /** The height the profile holds, cm: kept as it is when the fields still show it. */
  savedHeightCm: number;
}

export interface ProfileDraftErrors {
  diameter?: string;
  height?: { field: HeightField; message: string };
}

export function draftFromProfile(p: Profile): ProfileDraft {
  const preset = DIAMETER_PRESETS_IN.find((d) => Math.abs(d - p.rollerDiameterIn) < 1e-6);
  return {
    diameterChoice: preset !== undefined ? String(preset) : 'custom',
    customDiameterIn: preset !== undefined ? '' : String(p.rollerDiameterIn),
    height: heightDraftFrom(p.bodyHeightCm),
    units: p.units,
    savedHeightCm: p.bodyHeightCm,
  };
}

/** Switching units converts the typed height so it keeps meaning the same. */
export function switchUnits(draft: ProfileDraft, units: Units): ProfileDraft {
  if (units === draft.units) return draft;
  return { ...draft, units, height: convertHeightDraft(draft.height, draft.units, units) };
}

/** The element to focus for the first error, if any. */
export function firstErrorId(errors: ProfileDraftErrors): string | null {
  if (errors.diameter) return 'diameter-custom';
  if (errors.height) return HEIGHT_FIELD_IDS[errors.height.field];
  return null;
}

/** The typed height in cm: the profile's own value while the fields still show it unchanged. */
export function heightCmOf(height: HeightDraft, units: Units, savedHeightCm: number): ReturnType<typeof parseHeight> {
  const shown = heightDraftFrom(savedHeightCm);
  const unchanged = units === 'cm' ? height.cm.trim() === shown.cm : height.feet.trim() === shown.feet && height.inches.trim() === shown.inches;
  return unchanged ? { ok: true, cm: savedHeightCm } : parseHeight(height, units);
}

export function validateProfileDraft(draft: ProfileDraft): { errors: ProfileDraftErrors; patch: Pick<Profile, 'rollerDiameterIn' | 'bodyHeightCm' | 'units'> | null } {
  const errors: ProfileDraftErrors = {};
  let diameter: number | null = null;
  if (draft.diameterChoice === 'custom') {
    diameter = parseNumber(draft.customDiameterIn);
    if (diameter === null) errors.diameter = 'Roller diameter: type the roller’s diameter in inches, such as 6.';
    else if (diameter < DIAMETER_RANGE_IN.min || diameter > DIAMETER_RANGE_IN.max) errors.diameter = `Roller diameter: must be between ${DIAMETER_RANGE_IN.min} and ${DIAMETER_RANGE_IN.max} in.`;
  } else {
    diameter = parseNumber(draft.diameterChoice);
    if (diameter === null) errors.diameter = 'Roller diameter: choose one of the sizes.';
  }
  const height = heightCmOf(draft.height, draft.units, draft.savedHeightCm);
  if (!height.ok) errors.height = { field: height.field, message: height.message };
  if (errors.diameter || !height.ok || diameter === null) return { errors, patch: null };
  return { errors, patch: { rollerDiameterIn: diameter, bodyHeightCm: height.cm, units: draft.units } };
}
