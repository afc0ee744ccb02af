/**
 * `roller demo [--seconds N] [--scenario NAME] [--firmware] [--fake-bluez] [--rate 100|200] [--units in|cm]`
 * (flags and help: ./demo-usage.ts) — a live session in the terminal with the simulated roller
 * (with `--firmware`, its motion through the firmware core's chip model, core and link model; with
 * `--fake-bluez`, served by a fake BlueZ on a private D-Bus and paired through the app's real
 * Bluetooth path), or
 * `--replay <recording.csv> [--speed N]` a recording played live. Both run through the app's own
 * pipeline (./live-demo.ts: source, decoder, engine, live session and its figures), paced in real
 * time: the live line twice a second, every warning as it happens, the figures at the end.
 */
import { BUILT_IN_SCENARIO_NAMES } from '../sim/scenario-catalog';
import { DEFAULT_SIMULATED_SCENARIO } from '../sim/default-scenario';
import { UsageError, numberFlag, parseArgs, stringFlag } from './cli-args';
import type { CliIo } from './cli-io';
import { firmwareLoopExecutable } from './sensor-source-options';
import { DEMO_USAGE } from './demo-usage';
import { didYouMean } from './suggest';
import { commandUnits } from './command-units';
import { liveDemo } from './live-demo';

export const DEMO_FLAGS = DEMO_USAGE.flags;

export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, DEMO_FLAGS);
  if (args.positional.length > 0) throw new UsageError(`demo takes no arguments, got: ${args.positional.join(' ')}`);
  const replay = stringFlag(args, 'replay');
  if (replay !== undefined) {
    if (args.flags.has('scenario') || args.flags.has('firmware') || args.flags.has('fake-bluez'))
      throw new UsageError('demo plays either a --replay or the simulated roller (--scenario, --firmware, --fake-bluez), not both');
    const replaySeconds = numberFlag(args, 'seconds');
    return liveDemo(
      { source: { kind: 'replay', file: replay, speed: numberFlag(args, 'speed') ?? 1 }, units: commandUnits(args, io), ...(replaySeconds !== undefined ? { seconds: replaySeconds } : {}) },
      io,
    );
  }
  if (args.flags.has('speed')) throw new UsageError('--speed is for --replay');
  const scenario = stringFlag(args, 'scenario') ?? DEFAULT_SIMULATED_SCENARIO;
  if (!BUILT_IN_SCENARIO_NAMES.includes(scenario))
    throw new UsageError(`unknown scenario "${scenario}"${didYouMean(scenario, BUILT_IN_SCENARIO_NAMES)} (built in: ${BUILT_IN_SCENARIO_NAMES.join(', ')})`);
  const rateHz = Number(stringFlag(args, 'rate') ?? 100);
  const firmwareExecutable = args.flags.get('firmware') === true ? firmwareLoopExecutable() : null;
  const fakeBluez = args.flags.get('fake-bluez') === true;
  return liveDemo({ source: { kind: 'simulated', scenario, rateHz, firmwareExecutable, fakeBluez }, units: commandUnits(args, io), seconds: numberFlag(args, 'seconds') ?? 60 }, io);
}
