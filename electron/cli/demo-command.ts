/**
 * `roller demo [--seconds N] [--scenario NAME] [--firmware] [--rate 100|200] [--units in|cm]` (flags
 * and help: ./demo-usage.ts) — a live session in the terminal with the simulated roller: the
 * simulated sensor on simulated Bluetooth bindings (with `--firmware`, its motion through the
 * firmware core's chip model, core and link model), through the real Bluetooth source, decoder
 * and motion engine, paced in real time. Prints position, zone and speed twice a second, every
 * warning as it happens, and a summary at the end. `roller demo --replay <recording.csv>
 * [--speed N]` plays a recording live through the app's own pipeline (./live-demo.ts).
 */
import { MotionEngine } from '../motion/motion-engine';
import { motionSettings } from '../motion/motion-settings';
import { TrackColumns } from '../motion/track-columns';
import { sessionFiguresOf } from '../motion/session-figures';
import { durationText, percentText } from '../ipc/figure-text';
import type { CoachEvent, TrackPoint } from '../motion/motion-types';
import { BUILT_IN_SCENARIO_NAMES } from '../sim/scenario-catalog';
import { DEFAULT_SIMULATED_SCENARIO } from '../sim/default-scenario';
import { CliError, UsageError, numberFlag, parseArgs, stringFlag } from './cli-args';
import type { CliIo } from './cli-io';
import { connectionLine, eventLine, liveLine } from './live-line';
import { adapterSettled, cliFirmwareSensorSource, cliSensorSource, sleep } from './sensor-source-options';
import { onStopSignal } from '../app/stop-signals';
import { DEMO_USAGE } from './demo-usage';
import { didYouMean } from './suggest';
import { commandUnits } from './command-units';
import { liveDemo } from './live-demo';
import { speedText } from './units-text';

export const DEMO_FLAGS = DEMO_USAGE.flags;

export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, DEMO_FLAGS);
  if (args.positional.length > 0) throw new UsageError(`demo takes no arguments, got: ${args.positional.join(' ')}`);
  const replay = stringFlag(args, 'replay');
  if (replay !== undefined) {
    if (args.flags.has('scenario') || args.flags.has('firmware')) throw new UsageError('demo plays either a --replay or the simulated roller (--scenario, --firmware), not both');
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
  const seconds = numberFlag(args, 'seconds') ?? 60;
  const units = commandUnits(args, io);
  const firmware = args.flags.get('firmware') === true;
  const rateHz = Number(stringFlag(args, 'rate') ?? 100);
  const { source, dispose } = firmware ? cliFirmwareSensorSource(scenario, rateHz) : cliSensorSource(true, scenario, undefined, rateHz);
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
      io.stdout.write(`${eventLine(e, t0 ?? e.t, units)}\n`);
    },
  });
  try {
    source.on('samples', (samples) => samples.forEach((s) => engine.push(s)));
    source.on('connection', (c) => io.stdout.write(`        ${connectionLine(c)}\n`));
    source.on('note', (m) => io.stdout.write(`        ${m}\n`));
    source.start();
    await adapterSettled(source);
    io.stdout.write(`Roller Companion demo: the simulated roller ("${scenario}")${firmware ? ' through the firmware core' : ''} for ${seconds} s. Lie still, then roll up slowly…\n`);
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
      if (p) io.stdout.write(`${liveLine(p, t0 ?? p.t, settings.speedLimitInPerS, engine.currentDwellS, units)}\n`);
    }
    offSignals();
    engine.finish();
    const s = sessionFiguresOf(track, events, settings);
    io.stdout.write(
      `
Session: ${durationText(s.durationS)}, rolling ${durationText(s.rollingS)}, ${percentText(s.withinLimitShare)} within ${speedText(settings.speedLimitInPerS, units, 1)}, longest stay ${durationText(s.longestDwellS)}, ${s.warnings} warnings; ${source.counters.samples} samples, ${source.counters.gaps} gaps.
`,
    );
    return 0;
  } finally {
    await source.dispose();
    dispose();
  }
}
