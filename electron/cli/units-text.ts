/**
 * Numbers with units in the CLI's human text, in the one unit system the user chose
 * (`--units`, ./units-flag.ts): lengths and positions in in or cm, speeds in in/s or cm/s. Built
 * on the renderer's pure unit formatting (renderer/common/units.ts), so the terminal and the app
 * round and name units alike. Durations and shares are not here: the session figures' one
 * formatter (../ipc/figure-text.ts) writes them, and takes its lengths from `lengthText`.
 * Negative numbers take the minus sign `−` (U+2212) in human text; JSON and CSV keep ASCII `-`
 * and the contract's units. Pure.
 */
import { CM_PER_IN, fixed, lengthText, positionText, speedToUnits, speedUnit, type Units } from '../../renderer/common/units';

export { lengthText, positionText, type Units };

/** A number for human text: `digits` decimals, no "-0", `−` for negatives. */
export function humanNumber(value: number, digits: number): string {
  return fixed(value, digits).replace(/^-/, '−');
}

/** "0.85 in/s" / "2.16 cm/s". */
export function speedText(speedInPerS: number, units: Units, digits = 2): string {
  return `${humanNumber(speedToUnits(speedInPerS, units), digits)} ${speedUnit(units)}`;
}

/** The roller's nominal diameter (in) as the user reads sizes: "6 in" / "15.2 cm". */
export function diameterText(diameterIn: number, units: Units): string {
  return units === 'in' ? `${humanNumber(diameterIn, diameterIn % 1 === 0 ? 0 : 1)} in` : `${humanNumber(diameterIn * CM_PER_IN, 1)} cm`;
}

/**
 * The engine's event detail (written in its own units: `1.85 in/s`, `2 in`, `+24.0 cm`, `−12.3 cm`)
 * with every quantity in `units`, and ASCII minus signs as `−`.
 */
export function detailInUnits(detail: string, units: Units): string {
  return detail.replace(/([+−-]?)(\d+(?:\.\d+)?) (in\/s|in|cm)\b/g, (_, sign: string, num: string, unit: string) => {
    const digits = num.includes('.') ? num.split('.')[1]!.length : 0;
    const value = Number(num);
    const s = sign === '-' ? '−' : sign;
    if (unit === (units === 'in' ? 'in/s' : 'cm/s') || unit === units) return `${s}${num} ${unit}`;
    if (unit === 'in/s') return `${s}${speedText(value, units, Math.max(1, digits))}`;
    const cm = unit === 'in' ? value * CM_PER_IN : value;
    const shown = units === 'cm' ? cm : cm / CM_PER_IN;
    return `${s}${fixed(shown, Math.max(1, digits))} ${units}`;
  });
}
