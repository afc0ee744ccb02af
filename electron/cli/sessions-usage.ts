/** `roller sessions`: its sub-commands, their arguments, flags and help (see command-usage.ts). */
import { IMPORT_MAX_BYTES, IMPORT_MAX_SAMPLES, IMPORT_TIME_LIMITS } from '../session/import-limits';
import { SETTING_RANGES } from '../motion/setting-ranges';
import type { FlagSpec } from './cli-args';
import type { CommandUsage } from './command-usage';
import { VERBOSE_FLAG } from './verbose-flag';

/** 20000000 → "20 000 000". */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

export const LIST_FLAGS: Record<string, FlagSpec> = {
  days: { kind: 'number', min: 1, max: 36600, value: 'N', help: 'only the last N days' },
  limit: { kind: 'number', min: 1, max: 1_000_000, value: 'N', help: 'at most N sessions' },
  json: { kind: 'boolean', help: 'JSON instead of a table' },
  verbose: VERBOSE_FLAG,
};

export const HISTORY_FLAGS: Record<string, FlagSpec> = {
  days: { kind: 'number', min: 1, max: 36600, value: 'N', help: 'the last N days (default 28)' },
  json: { kind: 'boolean', help: 'JSON instead of tables' },
  verbose: VERBOSE_FLAG,
};

export const SHOW_FLAGS: Record<string, FlagSpec> = {
  json: { kind: 'boolean', help: 'JSON instead of text' },
  verbose: VERBOSE_FLAG,
};

export const EXPORT_FLAGS: Record<string, FlagSpec> = {
  'out-dir': { kind: 'string', value: 'DIR', help: "where to write (created when missing; default: the app's export folder)" },
  verbose: VERBOSE_FLAG,
};

export const DELETE_FLAGS: Record<string, FlagSpec> = { yes: { kind: 'boolean', required: true, help: 'confirms: the session and all its data go for good' }, verbose: VERBOSE_FLAG };

export const IMPORT_FLAGS: Record<string, FlagSpec> = { verbose: VERBOSE_FLAG };

export const REANALYZE_FLAGS: Record<string, FlagSpec> = {
  profile: { kind: 'boolean', help: "the profile's settings instead of the session's" },
  'diameter-in': { kind: 'number', ...SETTING_RANGES.rollerDiameterIn, value: 'D', help: 'roller diameter, in' },
  'neck-above-cm': { kind: 'number', ...SETTING_RANGES.neckAboveCm, value: 'N', help: 'the neck begins N cm above the start spot' },
  'lumbar-below-cm': { kind: 'number', ...SETTING_RANGES.lumbarBelowCm, value: 'L', help: 'the lower back begins L cm below the start spot' },
  'height-cm': { kind: 'number', ...SETTING_RANGES.bodyHeightCm, value: 'H', help: 'body height for the spine map' },
  'speed-limit-in-per-s': { kind: 'number', ...SETTING_RANGES.speedLimitInPerS, value: 'V', help: 'too fast above this speed, in/s' },
  verbose: VERBOSE_FLAG,
};

export const SESSIONS_USAGE: CommandUsage = {
  name: 'sessions',
  summary: 'the recorded sessions in the session store',
  flags: {},
  subcommands: [
    { name: 'list', summary: "stored sessions, newest first, and today's rolling time", flags: LIST_FLAGS },
    { name: 'show', args: '<id>', summary: 'one session: its figures, where it came from, and your note', flags: SHOW_FLAGS },
    { name: 'history', summary: 'daily totals against the budget and weekly trends', flags: HISTORY_FLAGS },
    { name: 'export', args: '<id>', summary: 'writes roller-session-<id>-<date>.csv (recording), .json (summary) and -track.json (position, speed, zone)', flags: EXPORT_FLAGS },
    {
      name: 'import',
      args: '<recording.csv>',
      summary: `stores a recording as a session, analysed with the current engine; streamed, all or nothing; up to ${grouped(IMPORT_MAX_SAMPLES)} samples spanning up to ${IMPORT_TIME_LIMITS.maxSpanS / 3600} h, files up to ${IMPORT_MAX_BYTES / 1024 ** 3} GiB; a recording already stored is not added again (exit code 3)`,
      flags: IMPORT_FLAGS,
    },
    { name: 'delete', args: '<id>', summary: 'removes a session and all its data', flags: DELETE_FLAGS },
    { name: 'reanalyze', args: '<id>', summary: "runs the current engine over the stored raw data again (the session's settings, or the profile's with --profile)", flags: REANALYZE_FLAGS },
  ],
  details: `The database lives in $ROLLER_DATA_DIR when set, else in the app's data folder.
Exports go to $ROLLER_EXPORT_DIR when set, else Downloads/Roller Companion, as the app's do.`,
};
