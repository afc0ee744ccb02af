/** `roller launch`: its flags and help (see command-usage.ts). */
import type { CommandUsage } from './command-usage';
import { VERBOSE_FLAG } from './verbose-flag';

export const LAUNCH_USAGE: CommandUsage = {
  name: 'launch',
  summary: 'the desktop app (Electron), or the browser host where Electron is not installed',
  flags: {
    demo: { kind: 'boolean', help: 'with the simulated roller' },
    port: { kind: 'number', min: 0, max: 65535, value: 'N', help: 'the browser host: its port' },
    verbose: VERBOSE_FLAG,
  },
};
