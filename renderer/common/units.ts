/**
 * Unit conversion and formatting for what the user reads. Everything travels in the contract's
 * units (cm for positions and lengths, in/s for speed, in for the roller diameter); the profile's
 * `units` decides how it is shown.
 */
export type Units = 'in' | 'cm';

export const CM_PER_IN = 2.54;

export const cmToIn = (cm: number): number => cm / CM_PER_IN;
export const inToCm = (inches: number): number => inches * CM_PER_IN;

/** A number rounded for display: `digits` decimals, no "-0". */
export function fixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '–';
  const s = value.toFixed(digits);
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

export interface Quantity {
  value: string;
  unit: string;
}

/** Speed along the spine (contract: in/s) in the user's units: 1 decimal, never negative. */
export function formatSpeed(speedInPerS: number, units: Units): Quantity {
  const v = Math.abs(speedInPerS);
  return units === 'in' ? { value: fixed(v, 1), unit: 'in/s' } : { value: fixed(inToCm(v), 1), unit: 'cm/s' };
}

/** Speed in the user's unit as a number (for inputs). */
export function speedToUnits(speedInPerS: number, units: Units): number {
  return units === 'in' ? speedInPerS : inToCm(speedInPerS);
}

/** A speed typed in the user's unit, back to in/s. */
export function speedFromUnits(value: number, units: Units): number {
  return units === 'in' ? value : cmToIn(value);
}

/** A length (contract: cm) in the user's units, 1 decimal. */
export function formatLength(cm: number, units: Units, digits = 1): Quantity {
  return units === 'in' ? { value: fixed(cmToIn(cm), digits), unit: 'in' } : { value: fixed(cm, digits), unit: 'cm' };
}

/** "12.5 cm" / "4.9 in". */
export function lengthText(cm: number, units: Units, digits = 1): string {
  const q = formatLength(cm, units, digits);
  return `${q.value} ${q.unit}`;
}

/** A signed position along the back: "+3.2 in" toward the head, "−1.0 in" toward the hips. */
export function positionText(cm: number, units: Units): string {
  const q = formatLength(Math.abs(cm), units);
  if (q.value === fixed(0, 1)) return `0.0 ${q.unit}`;
  return `${cm > 0 ? '+' : '−'}${q.value} ${q.unit}`;
}

/** The unit's name for speeds, for labels. */
export const speedUnit = (units: Units): string => (units === 'in' ? 'in/s' : 'cm/s');

/** The one minus sign of user text (U+2212), never the ASCII hyphen. */
export const MINUS = '−';

/** A plain number (an axis tick) in its shortest form, up to 2 decimals, negative with the minus sign. */
export function numberText(value: number): string {
  const shortest = String(Math.abs(Number(value.toFixed(2))));
  return shortest === '0' || value > 0 ? shortest : `${MINUS}${shortest}`;
}

/** A body height in whole feet and inches (inches rounded to `inchDigits` decimals, never 12). */
export function feetAndInches(cm: number, inchDigits = 0): { feet: number; inches: number } {
  const total = Number(cmToIn(cm).toFixed(inchDigits));
  const feet = Math.floor(total / 12 + 1e-9);
  const inches = Number((total - feet * 12).toFixed(inchDigits));
  return { feet, inches };
}

/** A body height as people say it: "5 ft 9 in" / "175 cm". */
export function heightText(cm: number, units: Units): string {
  if (units === 'cm') return `${fixed(cm, 0)} cm`;
  const { feet, inches } = feetAndInches(cm);
  return `${feet} ft ${inches} in`;
}

/**
 * Engine text with lengths and speeds in it ("below the end of the ribcage (-12.9 cm)", "1.42 in/s
 * … (limit 1 in/s)", "within 1.5 in", "expected 8–40 cm") in the user's units, negative numbers
 * with the minus sign. For text main wrote in the contract's units (event details, calibration
 * messages), stored sessions included.
 */
export function unitsInText(text: string, units: Units): string {
  return text.replace(/([+\-−]?)(\d+(?:\.\d+)?)(?:–(\d+(?:\.\d+)?))? ?(cm\/s|in\/s|cm|in)\b/g, (_all, sign: string, num: string, upTo: string | undefined, unit: string) => {
    const signText = sign === '-' || sign === MINUS ? MINUS : sign;
    const speed = unit.endsWith('/s');
    const wantUnit = speed ? speedUnit(units) : units;
    const from = speed ? unit.slice(0, 2) : unit;
    const convert = (n: string): string => {
      if (from === units) return n;
      const digits = Math.max(1, Math.min(2, n.split('.')[1]?.length ?? 0));
      return fixed(from === 'cm' ? cmToIn(Number(n)) : inToCm(Number(n)), digits);
    };
    return `${signText}${convert(num)}${upTo !== undefined ? `–${convert(upTo)}` : ''} ${wantUnit}`;
  });
}
