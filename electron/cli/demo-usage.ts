/** `roller demo`: its flags and help (see command-usage.ts). */
import type { CommandUsage } from './command-usage';
import { VERBOSE_FLAG } from './verbose-flag';
import { FAKE_BLUEZ_FLAG } from './fake-bluez-flag';
import { UNITS_FLAG } from './units-flag';

export const DEMO_USAGE: CommandUsage = {
  name: 'demo',
  summary: 'a live session in the terminal with the simulated roller over simulated Bluetooth',
  flags: {
    seconds: { kind: 'number', min: 1, max: 4 * 3600, value: 'N', help: 'how long (default 60)' },
    scenario: { kind: 'string', value: 'NAME', help: 'a built-in scenario (default: the one the app plays)' },
    firmware: { kind: 'boolean', help: "the simulated roller's motion through the firmware core (C, built on first use; needs cc)" },
    'fake-bluez': FAKE_BLUEZ_FLAG,
    rate: { kind: 'string', choices: ['100', '200'], help: "the simulated sensor's sample rate, Hz (default 100)" },
    replay: { kind: 'string', value: 'FILE', help: 'play a recording CSV live through the app instead of the simulated roller' },
    speed: { kind: 'number', min: 0.1, max: 100, value: 'N', help: 'with --replay: how fast it plays (default 1, its recorded pace)' },
    units: UNITS_FLAG,
    verbose: VERBOSE_FLAG,
  },
};
