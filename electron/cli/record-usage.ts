/** `roller record`: its flags and help (see command-usage.ts). */
import type { CommandUsage } from './command-usage';
import { VERBOSE_FLAG } from './verbose-flag';

export const RECORD_USAGE: CommandUsage = {
  name: 'record',
  summary: 'records a sensor to a recording CSV, surviving drop-outs',
  flags: {
    device: { kind: 'string', value: 'ID|first', required: true, help: 'the sensor (an ID from roller scan), or the first found' },
    out: { kind: 'string', value: 'rec.csv', required: true, help: 'the recording CSV to write' },
    seconds: { kind: 'number', min: 1, max: 4 * 3600, value: 'N', help: 'stop after N s (default: at Ctrl-C)' },
    simulated: { kind: 'boolean', help: 'the simulated roller instead of Bluetooth' },
    verbose: VERBOSE_FLAG,
  },
};
