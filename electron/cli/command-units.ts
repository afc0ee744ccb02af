/**
 * The units a command's human text uses: `--units`, else the profile's choice in the data folder
 * (read without changing anything: electron/session/stored-profile.ts), else the app's default
 * (the profile schema's). See ./units-flag.ts.
 */
import { resolveDataDir } from '../session/data-dir';
import { DEFAULT_PROFILE } from '../session/profile';
import { readStoredProfile } from '../session/stored-profile';
import { stringFlag, type ParsedArgs } from './cli-args';
import type { CliIo } from './cli-io';
import { chosenUnits } from './units-flag';
import type { Units } from './units-text';

export function commandUnits(args: ParsedArgs, io: CliIo): Units {
  return chosenUnits(stringFlag(args, 'units'), () => readStoredProfile(resolveDataDir({ env: io.env ?? process.env }).dir)?.units ?? null, DEFAULT_PROFILE.units);
}
