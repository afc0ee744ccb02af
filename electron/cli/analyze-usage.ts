/** `roller analyze`: its arguments, flags and help (loaded without the engine: see command-usage.ts). */
import { SETTING_RANGES } from '../motion/setting-ranges';
import type { CommandUsage } from './command-usage';
import { VERBOSE_FLAG } from './verbose-flag';
import { UNITS_FLAG } from './units-flag';

export const ANALYZE_USAGE: CommandUsage = {
  name: 'analyze',
  args: '<recording.csv>',
  summary: 'position, speed, zones and coaching events of a recording',
  flags: {
    'diameter-in': { kind: 'number', ...SETTING_RANGES.rollerDiameterIn, value: 'D', help: "roller diameter, in (default: the recording's, else 6)" },
    'neck-above-cm': { kind: 'number', ...SETTING_RANGES.neckAboveCm, value: 'N', help: 'the neck begins N cm above the start spot' },
    'lumbar-below-cm': { kind: 'number', ...SETTING_RANGES.lumbarBelowCm, value: 'L', help: 'the lower back begins L cm below the start spot' },
    'height-cm': { kind: 'number', ...SETTING_RANGES.bodyHeightCm, value: 'H', help: 'body height for the spine map when N and L are not known (default 175)' },
    'speed-limit-in-per-s': { kind: 'number', ...SETTING_RANGES.speedLimitInPerS, value: 'V', help: 'too fast above this speed, in/s (default 1)' },
    'track-rate-hz': { kind: 'number', ...SETTING_RANGES.trackRateHz, value: 'R', help: 'track points per second (default 50)' },
    format: { kind: 'string', choices: ['json', 'text'], help: 'JSON, or a readable summary (default: text to a terminal, JSON to a pipe or file)' },
    diagnostics: { kind: 'boolean', help: 'JSON: what the engine saw, on every track point and event' },
    units: UNITS_FLAG,
    verbose: VERBOSE_FLAG,
  },
  details: `Settings not given as flags come from the recording's # metadata, then from the defaults.
JSON: { "track": [{ "t", "positionCm", "speedInPerS", "zone" }], "events": [{ "t", "kind", "positionCm" }],
  "summary": { the session figures: durationS, rollingS, withinLimitShare, longestDwellS, excursions, … } }
(always cm and in/s, whatever --units says).`,
};
