/**
 * `roller demo [--seconds N] [--scenario NAME]` — a live session in the terminal with the
 * simulated roller: the simulated sensor on simulated Bluetooth bindings, through the app's own
 * pipeline (Bluetooth source, decoder, motion engine, live session), paced in real time.
 * `roller demo --replay <recording.csv> [--speed N] [--seconds N]` plays a recording live the
 * same way. Prints position, zone and speed twice a second, every warning as it happens, and a
 * summary at the end (./live-demo.ts).
 */
import { BUILT_IN_SCENARIO_NAMES } from '../sim/scenario-catalog';
import { DEFAULT_SIMULATED_SCENARIO } from '../sim/default-scenario';
import { CliError, numberFlag, parseArgs, stringFlag, type FlagSpec } from './cli-args';
import type { CliIo } from './cli-io';
import { liveDemo } from './live-demo';

export const DEMO_FLAGS: Record<string, FlagSpec> = {
  seconds: { kind: 'number', min: 1, max: 4 * 3600 },
  scenario: { kind: 'string' },
  replay: { kind: 'string' },
  speed: { kind: 'number', min: 0.1, max: 100 },
};

export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, DEMO_FLAGS);
  if (args.positional.length > 0) throw new CliError(`demo takes no arguments, got: ${args.positional.join(' ')}`);
  const seconds = numberFlag(args, 'seconds');
  const replay = stringFlag(args, 'replay');
  if (replay !== undefined) {
    if (args.flags.has('scenario')) throw new CliError('demo plays either a --scenario or a --replay, not both');
    return liveDemo({ source: { kind: 'replay', file: replay, speed: numberFlag(args, 'speed') ?? 1 }, ...(seconds !== undefined ? { seconds } : {}) }, io);
  }
  if (args.flags.has('speed')) throw new CliError('--speed is for --replay');
  const scenario = stringFlag(args, 'scenario') ?? DEFAULT_SIMULATED_SCENARIO;
  if (!BUILT_IN_SCENARIO_NAMES.includes(scenario)) throw new CliError(`unknown scenario "${scenario}" (built in: ${BUILT_IN_SCENARIO_NAMES.join(', ')})`);
  return liveDemo({ source: { kind: 'simulated', scenario }, seconds: seconds ?? 60 }, io);
}
