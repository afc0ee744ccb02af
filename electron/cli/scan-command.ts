/**
 * `roller scan [--seconds N] [--simulated]` — lists the sensors in range with their signal
 * strength and battery. Without Bluetooth it says why and what to do (exit code 1).
 */
import { UsageError, numberFlag, parseArgs } from './cli-args';
import type { CliIo } from './cli-io';
import { SCAN_USAGE } from './scan-usage';
import { adapterSettled, cliSensorSource, logCliSource, sleep } from './sensor-source-options';

export const SCAN_FLAGS = SCAN_USAGE.flags;

export async function scanCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, SCAN_FLAGS);
  if (args.positional.length > 0) throw new UsageError(`scan takes no arguments, got: ${args.positional.join(' ')}`);
  const { source, dispose } = cliSensorSource(args.flags.has('simulated'));
  const offLog = logCliSource(source, io, args.flags.has('simulated'));
  try {
    source.start();
    await adapterSettled(source);
    if (source.adapter.state !== 'poweredOn') {
      io.stderr.write(`${source.adapter.message}\n${source.adapter.fix}\n`);
      return 1;
    }
    io.stderr.write(`Scanning for ${numberFlag(args, 'seconds') ?? 5} s…\n`);
    await source.startScan();
    await sleep((numberFlag(args, 'seconds') ?? 5) * 1000);
    await source.stopScan();
    const list = source.deviceList;
    if (list.length === 0) {
      io.stdout.write('No sensors found. Is the sensor on and near? A Roller sensor advertises as "Roller".\n');
      return 0;
    }
    io.stdout.write(`${'ID'.padEnd(20)} ${'NAME'.padEnd(20)} ${'KIND'.padEnd(10)} ${'SIGNAL'.padStart(8)} ${'BATTERY'.padStart(8)}\n`);
    for (const d of list) {
      io.stdout.write(
        `${d.id.padEnd(20)} ${d.name.padEnd(20)} ${d.kind.padEnd(10)} ${`${d.rssiDbm} dBm`.padStart(8)} ${(d.batteryPercent === null ? '?' : `${d.batteryPercent} %`).padStart(8)}${d.remembered ? '  (paired last)' : ''}\n`,
      );
    }
    return 0;
  } finally {
    await source.dispose();
    offLog();
    dispose();
  }
}
