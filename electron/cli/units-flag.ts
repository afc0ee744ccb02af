/**
 * `--units in|cm`: the one unit system a command's human text uses (lengths, positions, speeds).
 * Without the flag: the profile's choice when the data folder has one, else the app's default
 * (the profile schema's, inches). JSON and CSV keep the contract's units (cm, in/s) whatever
 * is chosen.
 */
import type { Units } from '../../renderer/common/units';
import type { FlagSpec } from './cli-args';

export const UNITS: readonly Units[] = ['in', 'cm'];

export const UNITS_FLAG: FlagSpec = { kind: 'string', choices: UNITS, help: "units of lengths and speeds in text (default: the profile's, else in)" };

/** The flag's value when given, else what `profileUnits` finds (null: no profile), else `appDefault`. */
export function chosenUnits(flag: string | undefined, profileUnits: () => Units | null, appDefault: Units): Units {
  if (flag === 'in' || flag === 'cm') return flag;
  return profileUnits() ?? appDefault;
}
