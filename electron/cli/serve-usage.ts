/** `roller serve`: its flags and help (see command-usage.ts). */
import type { CommandUsage } from './command-usage';
import { VERBOSE_FLAG } from './verbose-flag';
import { FAKE_BLUEZ_FLAG } from './fake-bluez-flag';

export const SERVE_USAGE: CommandUsage = {
  name: 'serve',
  summary: 'the app in a browser (127.0.0.1 only, a token per run; prints the address to open)',
  flags: {
    port: { kind: 'number', min: 0, max: 65535, value: 'N', help: 'the port (default: any free one)' },
    simulated: { kind: 'boolean', help: 'the simulated roller, connected at once' },
    'fake-bluez': { ...FAKE_BLUEZ_FLAG, help: `${FAKE_BLUEZ_FLAG.help}, connected at once` },
    seconds: { kind: 'number', min: 1, max: 24 * 3600, value: 'N', help: 'stop after N s (default: at Ctrl-C)' },
    verbose: VERBOSE_FLAG,
  },
};
