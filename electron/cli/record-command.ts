/**
 * `roller record --device ID|first --out rec.csv [--seconds N] [--simulated]` — records a
 * sensor to a recording CSV (the analyzer's input), written as the samples arrive, so an
 * interrupted recording keeps what it got; Ctrl-C, SIGTERM or a closed terminal end it and
 * close the file (../app/stop-signals.ts). Drop-outs reconnect by themselves; the gap shows as
 * missing times in the file.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { RecordingCsvWriter } from '../../sensor-protocol/recording/recording-csv-writer';
import { CliError, UsageError, numberFlag, parseArgs, stringFlag } from './cli-args';
import type { CliIo } from './cli-io';
import { connectionLine } from './live-line';
import { untilStopped } from '../app/stop-signals';
import { adapterSettled, cliSensorSource, logCliSource, sleep } from './sensor-source-options';
import { RECORD_USAGE } from './record-usage';

export const RECORD_FLAGS = RECORD_USAGE.flags;

export async function recordCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, RECORD_FLAGS);
  const device = stringFlag(args, 'device');
  const out = stringFlag(args, 'out');
  if (!device) throw new UsageError('record needs --device <id> (from "roller scan"), or --device first');
  if (!out) throw new UsageError('record needs --out <recording.csv>');
  if (args.positional.length > 0) throw new UsageError(`record takes no arguments, got: ${args.positional.join(' ')}`);
  const { source, dispose } = cliSensorSource(args.flags.has('simulated'));
  const offLog = logCliSource(source, io, args.flags.has('simulated'));
  let fd: number | null = null;
  try {
    source.start();
    await adapterSettled(source);
    if (source.adapter.state !== 'poweredOn') {
      io.stderr.write(`${source.adapter.message}\n${source.adapter.fix}\n`);
      return 1;
    }
    let id = device;
    if (device === 'first') {
      await source.startScan();
      for (let waited = 0; source.deviceList.length === 0 && waited < 10_000; waited += 100) await sleep(100);
      const first = source.deviceList[0];
      if (!first) throw new CliError('no sensor found within 10 s');
      id = first.id;
    }
    try {
      fd = openSync(out, 'w');
    } catch (err) {
      throw new CliError(`${out}: cannot write (${(err as Error).message})`);
    }
    const file = fd;
    const writer = new RecordingCsvWriter({ source: args.flags.has('simulated') ? 'simulator' : 'ble', sensor: id, started_at: new Date().toISOString() });
    let samples = 0;
    source.on('samples', (s) => {
      writeSync(file, writer.write(s));
      samples += s.length;
    });
    source.on('gap', (g) => io.stderr.write(`gap: ${(g.toS - g.fromS).toFixed(2)} s without samples (${g.cause})\n`));
    source.on('connection', (c) => io.stderr.write(`${connectionLine(c)}\n`));
    source.on('note', (m) => io.stderr.write(`${m}\n`));
    await source.connect(id);
    if (source.connection.name !== 'streaming') throw new CliError(`could not connect to ${id}: ${'reason' in source.connection ? source.connection.reason : source.connection.name}`);
    await untilStopped({ seconds: numberFlag(args, 'seconds') });
    writeSync(file, writer.finish());
    io.stdout.write(`recorded ${samples} samples to ${out} (${source.counters.gaps} gaps, ${source.counters.rejected} bad notifications skipped, ${source.counters.reconnects} reconnects)\n`);
    return 0;
  } finally {
    if (fd !== null) closeSync(fd);
    await source.dispose();
    offLog();
    dispose();
  }
}
