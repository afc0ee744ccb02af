/**
 * `roller analyze <recording.csv> [--diameter-in D] [--neck-above-cm N] [--lumbar-below-cm L]
 *  [--height-cm H] [--speed-limit-in-per-s V] [--track-rate-hz R] [--format json|text] [--diagnostics]
 *  [--units in|cm]` (flags and help: ./analyze-usage.ts)
 *
 * Runs the live motion pipeline over a recording (streamed: constant memory besides the
 * output). A readable summary on a terminal (in the chosen units), else JSON, the contract in docs/architecture.md#analyzer-cli:
 *   { "track": [{ "t", "positionCm", "speedInPerS", "zone" }], "events": [{ "t", "kind", "positionCm" }],
 *     "summary": { the session figures, ../motion/session-figures-schema.ts } }
 * with `--diagnostics` each track point also carries its diagnostics and each event its detail.
 * Settings not given as flags come from the recording's metadata (`roller_diameter_in`,
 * `neck_above_cm`, `lumbar_below_cm`), then from the defaults (6 in roller, spine map from a
 * 175 cm height), as an import chooses them (electron/session/recording-settings.ts): a metadata
 * value the engine refuses is named with its line.
 */
import { createReadStream } from 'node:fs';
import { RecordingCsvParser } from '../../sensor-protocol/recording/recording-csv-reader';
import { MotionEngine, type Analysis } from '../motion/motion-engine';
import type { MotionSettings } from '../motion/motion-settings';
import { TrackColumns } from '../motion/track-columns';
import { IMPORT_TIME_LIMITS } from '../session/session-import';
import { recordingSettings, type RecordingMetadataWithLines } from '../session/recording-settings';
import type { CoachEvent } from '../motion/motion-types';
import { sessionFiguresOf } from '../motion/session-figures';
import { CliError, UsageError, numberFlag, parseArgs, stringFlag } from './cli-args';
import type { CliIo } from './cli-io';
import { formatAnalysisJson, formatAnalysisText } from './analysis-output';
import { ANALYZE_USAGE } from './analyze-usage';
import { commandUnits } from './command-units';

export const ANALYZE_FLAGS = ANALYZE_USAGE.flags;

export async function analyzeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ANALYZE_FLAGS);
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('analyze needs a recording: roller analyze <recording.csv> [flags]');
  if (extra.length > 0) throw new UsageError(`analyze takes one recording, got also: ${extra.join(' ')}`);
  const analysis = await analyzeFile(file, (recording) => settingsFrom(file, args, recording));
  const figures = sessionFiguresOf(analysis.track, analysis.events, analysis.settings);
  // --format wins; else a summary for a person at a terminal, JSON for a pipe or a file.
  const format = stringFlag(args, 'format') ?? (io.stdout.isTTY ? 'text' : 'json');
  if (format === 'json') {
    for (const chunk of formatAnalysisJson(analysis, figures, args.flags.has('diagnostics'))) io.stdout.write(chunk);
  } else {
    io.stdout.write(formatAnalysisText(file, analysis, figures, commandUnits(args, io)));
  }
  return 0;
}

/** Flags over the recording's metadata over the defaults; a refused metadata value is named by its line. */
function settingsFrom(file: string, args: ReturnType<typeof parseArgs>, recording: RecordingMetadataWithLines): MotionSettings {
  const chosen = recordingSettings({}, recording, {
    rollerDiameterIn: numberFlag(args, 'diameter-in'),
    neckAboveCm: numberFlag(args, 'neck-above-cm'),
    lumbarBelowCm: numberFlag(args, 'lumbar-below-cm'),
    bodyHeightCm: numberFlag(args, 'height-cm'),
    speedLimitInPerS: numberFlag(args, 'speed-limit-in-per-s'),
    trackRateHz: numberFlag(args, 'track-rate-hz'),
  });
  if (!chosen.ok) throw new CliError(chosen.fromMetadata ? `${file}: ${chosen.message}` : chosen.message);
  return chosen.settings;
}

/**
 * Streams a recording CSV through the engine. The settings are made once the metadata has
 * been read (it precedes the samples). Throws CliError naming the file line on bad input.
 */
export async function analyzeFile(file: string, makeSettings: (recording: RecordingMetadataWithLines) => MotionSettings): Promise<Analysis> {
  // The same limits as an import: a recording spans at most 12 h, with sane times.
  const parser = new RecordingCsvParser(IMPORT_TIME_LIMITS);
  const track = new TrackColumns();
  const events: CoachEvent[] = [];
  let engine: MotionEngine | null = null;
  const feed = (samples: readonly import('../../sensor-protocol/imu-sample').ImuSample[]) => {
    if (samples.length === 0) return;
    if (!engine) {
      engine = new MotionEngine(makeSettings({ metadata: parser.metadata, metadataLines: parser.metadataLines }), { columns: track, event: (e) => events.push(e) });
    }
    for (const s of samples) engine.push(s);
  };
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      feed(parser.feed(chunk as string));
      if (parser.error) break;
    }
  } catch (err) {
    if (err instanceof CliError) throw err; // refused settings, from makeSettings
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file}: is a folder, not a recording` : `${file}: cannot read (${(err as Error).message})`);
  } finally {
    stream.destroy();
  }
  if (!parser.error) feed(parser.finish());
  if (parser.error) throw new CliError(`${file}: ${parser.error.message}`);
  const e = engine as MotionEngine | null;
  if (!e) throw new CliError(`${file}: the recording holds no samples`);
  e.finish();
  return { track, events, counters: e.counters, settings: e.settings, spineMap: e.spineMap };
}
