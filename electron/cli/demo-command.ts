/**
 * `roller demo [--seconds N] [--scenario NAME] [--seed N]` — a live session in the terminal with
 * the simulated roller: the simulated sensor on simulated Bluetooth bindings, through the real
 * Bluetooth source, decoder and motion engine, paced in real time. Prints position, zone and
 * speed twice a second, every warning as it happens, and a summary at the end.
 * With `--replay <recording.csv> [--speed N]` it plays a recording live through the app's own
 * pipeline instead (./replay-demo.ts).
 */
import { MotionEngine } from '../motion/motion-engine';
import { motionSettings } from '../motion/motion-settings';
import { TrackColumns } from '../motion/track-columns';
import { sessionFiguresOf } from '../motion/session-figures';
import { durationText, percentText } from '../ipc/figure-text';
import type { CoachEvent, TrackPoint } from '../motion/motion-types';
import { BUILT_IN_SCENARIO_NAMES } from '../sim/scenario-catalog';
import { DEFAULT_SIMULATED_SCENARIO } from '../sim/default-scenario';
import { CliError, numberFlag, parseArgs, stringFlag, type FlagSpec } from './cli-args';
import type { CliIo } from './cli-io';
import { connectionLine, eventLine, liveLine } from './live-line';
import { adapterSettled, cliSensorSource, sleep } from './sensor-source-options';
import { onStopSignal } from './stop-signals';
import { replayDemo } from './replay-demo';

export const DEMO_FLAGS: Record<string, FlagSpec> = {
  seconds: { kind: 'number', min: 1, max: 4 * 3600 },
  scenario: { kind: 'string' },
  replay: { kind: 'string' },
  speed: { kind: 'number', min: 0.1, max: 100 },
};

export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, DEMO_FLAGS);
  if (args.positional.length > 0) throw new CliError(`demo takes no arguments, got: ${args.positional.join(' ')}`);
  const replay = stringFlag(args, 'replay');
  if (replay !== undefined) {
    if (args.flags.has('scenario')) throw new CliError('demo plays either a --scenario or a --replay, not both');
    const seconds = numberFlag(args, 'seconds');
    return replayDemo({ file: replay, speed: numberFlag(args, 'speed') ?? 1, ...(seconds !== undefined ? { seconds } : {}) }, io);
  }
  if (args.flags.has('speed')) throw new CliError('--speed is for --replay');
  const scenario = stringFlag(args, 'scenario') ?? DEFAULT_SIMULATED_SCENARIO;
  if (!BUILT_IN_SCENARIO_NAMES.includes(scenario)) throw new CliError(`unknown scenario "${scenario}" (built in: ${BUILT_IN_SCENARIO_NAMES.join(', ')})`);
  const seconds = numberFlag(args, 'seconds') ?? 60;
  const { source, dispose } = cliSensorSource(true, scenario);
  const settings = motionSettings({ rollerDiameterIn: 6 });
  const track = new TrackColumns();
  const events: CoachEvent[] = [];
  let last: TrackPoint | null = null;
  let t0: number | null = null;
  const engine = new MotionEngine(settings, {
    columns: track,
    track: (p) => {
      t0 ??= p.t;
      last = p;
    },
    event: (e) => {
      events.push(e);
      io.stdout.write(`${eventLine(e, t0 ?? e.t)}\n`);
    },
  });
  try {
    source.on('samples', (samples) => samples.forEach((s) => engine.push(s)));
    source.on('connection', (c) => io.stdout.write(`        ${connectionLine(c)}\n`));
    source.on('note', (m) => io.stdout.write(`        ${m}\n`));
    source.start();
    await adapterSettled(source);
    io.stdout.write(`Roller Companion demo: the simulated roller ("${scenario}") for ${seconds} s. Lie still, then roll up slowly…\n`);
    await source.startScan();
    for (let waited = 0; source.deviceList.length === 0 && waited < 5000; waited += 50) await sleep(50);
    const roller = source.deviceList[0];
    if (!roller) throw new CliError('the simulated roller did not show up');
    await source.connect(roller.id);
    const end = Date.now() + seconds * 1000;
    let stop = false;
    const offSignals = onStopSignal(() => (stop = true));
    while (!stop && Date.now() < end) {
      await sleep(500);
      const p = last as TrackPoint | null;
      if (p) io.stdout.write(`${liveLine(p, t0 ?? p.t, settings.speedLimitInPerS, engine.currentDwellS)}\n`);
    }
    offSignals();
    engine.finish();
    const s = sessionFiguresOf(track, events, settings);
    io.stdout.write(
      `\nSession: ${durationText(s.durationS)}, rolling ${durationText(s.rollingS)}, ${percentText(s.withinLimitShare)} within ${settings.speedLimitInPerS} in/s, longest stay ${durationText(s.longestDwellS)}, ${s.warnings} warnings; ${source.counters.samples} samples, ${source.counters.gaps} gaps.\n`,
    );
    return 0;
  } finally {
    await source.dispose();
    dispose();
  }
}
