/**
 * `roller simulate <scenario.json|built-in name> --out rec.csv [--truth truth.json] [--seed N]`
 *
 * Runs the simulated roller and writes what a real sensor session would leave: a recording CSV
 * (with the scenario's diameter and spine map as metadata, so `roller analyze` needs no flags),
 * and optionally the ground truth: the true track and the coaching events the rules raise on it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatRecordingCsv } from '../../sensor-protocol/recording/recording-csv-writer';
import { motionSettings } from '../motion/motion-settings';
import { BUILT_IN_SCENARIO_NAMES, builtInScenario } from '../sim/scenario-catalog';
import { safeParseScenario, type Scenario } from '../sim/scenario-schema';
import { simulate } from '../sim/simulate';
import { simulationCsvMetadata } from '../sim/csv-metadata';
import { truthEvents } from '../sim/truth-events';
import { CliError, UsageError, numberFlag, parseArgs, stringFlag } from './cli-args';
import type { CliIo } from './cli-io';
import { SIMULATE_USAGE } from './simulate-usage';

export const SIMULATE_FLAGS = SIMULATE_USAGE.flags;

export async function simulateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, SIMULATE_FLAGS);
  const [source, ...extra] = args.positional;
  if (!source) throw new UsageError(`simulate needs a scenario file or a built-in name (${BUILT_IN_SCENARIO_NAMES.join(', ')})`);
  if (extra.length > 0) throw new UsageError(`simulate takes one scenario, got also: ${extra.join(' ')}`);
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError('simulate needs --out <recording.csv>');
  const scenario = loadScenario(source);
  const seed = numberFlag(args, 'seed');
  const sim = simulate(scenario, seed === undefined ? {} : { seed });
  writeOut(out, formatRecordingCsv(sim.samples, simulationCsvMetadata(sim.meta)));
  const truthPath = stringFlag(args, 'truth');
  if (truthPath) {
    const settings = motionSettings({ rollerDiameterIn: sim.meta.rollerDiameterIn, neckAboveCm: sim.meta.spineMap.neckAboveCm, lumbarBelowCm: sim.meta.spineMap.lumbarBelowCm });
    const tr = sim.truth.track;
    const track = Array.from({ length: tr.length }, (_, i) => ({
      t: round(tr.tS[i]!, 4),
      positionCm: round(tr.positionCm[i]!, 3),
      speedInPerS: round(tr.speedInPerS[i]!, 4),
      zone: tr.zone[i],
    }));
    const events = truthEvents(tr, settings).map((e) => ({ t: round(e.t, 4), kind: e.kind, positionCm: round(e.positionCm, 3) }));
    writeOut(truthPath, JSON.stringify({ meta: sim.meta, stats: sim.stats, track, events }) + '\n');
  }
  io.stderr.write(
    `simulated ${sim.meta.name}: ${sim.samples.length} samples over ${sim.meta.durationS.toFixed(1)} s (${sim.stats.framesLost} frames lost) → ${out}${truthPath ? `, truth → ${truthPath}` : ''}\n`,
  );
  return 0;
}

function loadScenario(source: string): Scenario {
  if (BUILT_IN_SCENARIO_NAMES.includes(source)) return builtInScenario(source);
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${source}: no such file (nor a built-in scenario: ${BUILT_IN_SCENARIO_NAMES.join(', ')})` : `${source}: cannot read (${(err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${source}: not valid JSON: ${jsonErrorWhere(text, (err as Error).message)}`);
  }
  const parsed = safeParseScenario(json);
  if (!parsed.ok) throw new CliError(`${source}: ${parsed.message}`);
  return parsed.scenario;
}

/** Adds the line and column to JSON.parse's "at position N" message. */
function jsonErrorWhere(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${message}`;
}

function writeOut(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw new CliError(`${path}: cannot write (${(err as Error).message})`);
  }
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
