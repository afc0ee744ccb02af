/** `roller simulate`: its arguments, flags and help (see command-usage.ts). */
import type { CommandUsage } from './command-usage';
import { VERBOSE_FLAG } from './verbose-flag';

export const SIMULATE_USAGE: CommandUsage = {
  name: 'simulate',
  args: '<scenario.json | name>',
  summary: 'a session with the simulated roller: the recording, and optionally its ground truth',
  flags: {
    out: { kind: 'string', value: 'rec.csv', required: true, help: 'the recording CSV to write' },
    truth: { kind: 'string', value: 'truth.json', help: 'also write the true track and events' },
    seed: { kind: 'number', min: 0, max: 2 ** 31, value: 'N', help: 'the random seed (same seed, same recording)' },
    verbose: VERBOSE_FLAG,
  },
  details: 'Built-in scenarios (by name) live in electron/sim/scenarios/.',
};
