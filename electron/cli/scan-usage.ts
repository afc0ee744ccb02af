/** `roller scan`: its flags and help (see command-usage.ts). */
import type { CommandUsage } from './command-usage';
import { VERBOSE_FLAG } from './verbose-flag';

export const SCAN_USAGE: CommandUsage = {
  name: 'scan',
  summary: 'sensors in range, with signal strength and battery',
  flags: {
    seconds: { kind: 'number', min: 1, max: 120, value: 'N', help: 'how long to listen (default 5)' },
    simulated: { kind: 'boolean', help: 'the simulated roller instead of Bluetooth' },
    verbose: VERBOSE_FLAG,
  },
};
