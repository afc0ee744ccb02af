/** `roller launch`: its flags and help (see command-usage.ts). */
import type { CommandUsage } from './command-usage';
import { VERBOSE_FLAG } from './verbose-flag';
import { FAKE_BLUEZ_FLAG } from './fake-bluez-flag';

export const LAUNCH_USAGE: CommandUsage = {
  name: 'launch',
  summary: 'the desktop app (Electron), or the browser host where Electron is not installed',
  flags: {
    demo: { kind: 'boolean', help: 'with the simulated roller' },
    'fake-bluez': { ...FAKE_BLUEZ_FLAG, help: `${FAKE_BLUEZ_FLAG.help}, connected at once (npm run demo -- --fake-bluez)` },
    port: { kind: 'number', min: 0, max: 65535, value: 'N', help: 'the browser host: its port' },
    verbose: VERBOSE_FLAG,
  },
};
