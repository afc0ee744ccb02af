/**
 * Body height as typed: feet and inches in inches mode, centimetres in cm mode (the profile's
 * units decide). Parses to cm within the motion settings' range (the one main checks); every
 * error names the field it is about, and says which field to focus.
 */
import { SETTING_RANGES } from '../../bridge/contract';
import { parseNumber } from '../../common/parse-number';
import { cmToIn, feetAndInches, fixed, inToCm, type Units } from '../../common/units';

export const HEIGHT_RANGE_CM = SETTING_RANGES.bodyHeightCm;

/** What the height fields hold: feet and inches, or cm; both kept so switching units converts. */
export interface HeightDraft {
  feet: string;
  inches: string;
  cm: string;
}

/** The element id of each height field (labels, focus on an error). */
export const HEIGHT_FIELD_IDS = { feet: 'height-ft', inches: 'height-in', cm: 'height-cm' } as const;
export type HeightField = keyof typeof HEIGHT_FIELD_IDS;

export type HeightParse = { ok: true; cm: number } | { ok: false; field: HeightField; message: string };

export function heightDraftFrom(cm: number): HeightDraft {
  const { feet, inches } = feetAndInches(cm);
  return { feet: String(feet), inches: String(inches), cm: fixed(cm, 0) };
}

/** "3 ft 11.3 in" for the range in messages: one decimal, rounded inward (up for the low end), none when whole. */
function feetInchesText(cm: number, round: 'up' | 'down'): string {
  const tenths = (round === 'up' ? Math.ceil : Math.floor)(Number((cmToIn(cm) * 10).toFixed(6)));
  const feet = Math.floor(tenths / 120);
  const inches = (tenths - feet * 120) / 10;
  return `${feet} ft ${fixed(inches, 1).replace(/\.0$/, '')} in`;
}

export function heightRangeText(units: Units): string {
  return units === 'cm' ? `${HEIGHT_RANGE_CM.min} and ${HEIGHT_RANGE_CM.max} cm` : `${feetInchesText(HEIGHT_RANGE_CM.min, 'up')} and ${feetInchesText(HEIGHT_RANGE_CM.max, 'down')}`;
}

/** The height typed in `units`, in cm (rounded to 1 mm), or the first problem with its field. */
export function parseHeight(draft: HeightDraft, units: Units): HeightParse {
  let cm: number;
  if (units === 'cm') {
    const v = parseNumber(draft.cm);
    if (v === null) return { ok: false, field: 'cm', message: 'Height (cm): type your height in centimetres, such as 175.' };
    cm = v;
  } else {
    const feet = parseNumber(draft.feet);
    if (feet === null || !Number.isInteger(feet) || feet < 0) return { ok: false, field: 'feet', message: 'Height (feet): type a whole number of feet, such as 5.' };
    const inchText = draft.inches.trim();
    const inches = inchText === '' ? 0 : parseNumber(inchText);
    if (inches === null || inches < 0 || inches >= 12) return { ok: false, field: 'inches', message: 'Height (inches): type the inches over the feet, from 0 to 11.9, such as 9.' };
    cm = inToCm(feet * 12 + inches);
  }
  // A typed value that rounds to the range's end (68.9 in for 175 cm) counts as inside it.
  if (cm < HEIGHT_RANGE_CM.min - 0.05 || cm > HEIGHT_RANGE_CM.max + 0.05) {
    return { ok: false, field: units === 'cm' ? 'cm' : 'feet', message: `Height: must be between ${heightRangeText(units)}.` };
  }
  return { ok: true, cm: Math.min(HEIGHT_RANGE_CM.max, Math.max(HEIGHT_RANGE_CM.min, Math.round(cm * 10) / 10)) };
}

/** Switching units: the other unit's fields take the typed height, converted, when it parses. */
export function convertHeightDraft(draft: HeightDraft, from: Units, to: Units): HeightDraft {
  if (from === to) return draft;
  const p = parseHeight(draft, from);
  if (!p.ok) return draft;
  const converted = heightDraftFrom(p.cm);
  return to === 'cm' ? { ...draft, cm: converted.cm } : { ...draft, feet: converted.feet, inches: converted.inches };
}
