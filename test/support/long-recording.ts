/**
 * Long recording CSV files for import tests and the import bench, written quickly and without
 * holding them in memory: a simulated session (a built-in scenario at the given sample rate) is
 * simulated once and written back to back, each copy shifted in time, until the file holds the
 * wanted number of sample lines. The motion is real (rolling, rests, dwells, lost frames), so
 * the engine does its usual work on every copy.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import type { RecordingMetadata } from '../../sensor-protocol/recording/recording-csv-format';
import { RecordingCsvWriter } from '../../sensor-protocol/recording/recording-csv-writer';
import { simulationCsvMetadata } from '../../electron/sim/csv-metadata';
import { builtInScenario } from '../../electron/sim/scenario-catalog';
import { simulate } from '../../electron/sim/simulate';

export interface LongRecordingOptions {
  /** Sample lines in the file. */
  lines: number;
  /** Sensor sample rate, Hz (default 100). */
  rateHz?: number;
  /** Built-in scenario to loop (default `ten-minute-mixed`). */
  scenario?: string;
  seed?: number;
  /** Metadata besides the simulation's own (e.g. `started_at`). */
  metadata?: RecordingMetadata;
  /** Replaces data line `badLine` (1-based among the sample lines) with this text. */
  badLine?: { index: number; text: string };
}

export interface LongRecording {
  samples: number;
  bytes: number;
  /** 1-based file line of the first sample line. */
  firstDataLine: number;
}

const simulations = new Map<string, { samples: ImuSample[]; metadata: RecordingMetadata }>();

function simulated(scenario: string, rateHz: number, seed: number): { samples: ImuSample[]; metadata: RecordingMetadata } {
  const key = `${scenario}/${rateHz}/${seed}`;
  let sim = simulations.get(key);
  if (!sim) {
    const base = builtInScenario(scenario);
    const run = simulate({ ...base, sensor: { ...base.sensor, sampleRateHz: rateHz } }, { seed, truthRateHz: 0 });
    sim = { samples: run.samples, metadata: simulationCsvMetadata(run.meta) };
    simulations.set(key, sim);
  }
  return sim;
}

/** Writes the recording to `path`. */
export function writeLongRecording(path: string, options: LongRecordingOptions): LongRecording {
  const rateHz = options.rateHz ?? 100;
  const { samples, metadata } = simulated(options.scenario ?? 'ten-minute-mixed', rateHz, options.seed ?? 7);
  const span = samples.at(-1)!.tS - samples[0]!.tS + 1 / rateHz;
  const allMetadata = { ...metadata, ...options.metadata };
  const writer = new RecordingCsvWriter(allMetadata);
  const fd = openSync(path, 'w');
  let bytes = 0;
  const put = (text: string) => {
    if (text.length > 0) bytes += writeSync(fd, text);
  };
  try {
    let written = 0;
    const block: ImuSample[] = [];
    for (let copy = 0; written < options.lines; copy++) {
      for (let i = 0; i < samples.length && written < options.lines; i++) {
        const s = samples[i]!;
        written++;
        if (options.badLine && written === options.badLine.index) {
          put(writer.write(block));
          block.length = 0;
          put(`${options.badLine.text}\n`);
          continue;
        }
        block.push(copy === 0 ? s : { ...s, tS: s.tS + copy * span });
        if (block.length === 8192) {
          put(writer.write(block));
          block.length = 0;
        }
      }
    }
    put(writer.write(block));
    put(writer.finish());
  } finally {
    closeSync(fd);
  }
  return { samples: options.lines, bytes, firstDataLine: Object.keys(allMetadata).length + 2 };
}
