import { describe, expect, it } from 'vitest';
import { CliError, numberFlag, parseArgs } from '../../../electron/cli/cli-args';

const SPEC = { 'diameter-in': { kind: 'number' as const } };

function refusal(raw: string): string {
  try {
    parseArgs([`--diameter-in=${raw}`], SPEC);
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    return (err as Error).message;
  }
  throw new Error(`"${raw}" was accepted`);
}

describe('number flags', () => {
  it.each([
    ['5', 5],
    ['-2.5', -2.5],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['010', 10],
    ['0', 0],
  ])('accept the plain decimal %j', (raw, value) => {
    expect(numberFlag(parseArgs(['--diameter-in', raw], SPEC), 'diameter-in')).toBe(value);
  });

  it.each(['0x5', '0b101', '0o7', '1e3', '5e-1', 'Infinity', '-Infinity', 'NaN', ' 5', '5 ', '\t5', '', '.', '-', '1_000', '5,5', '1'.repeat(400)])('refuse %j, naming the flag', (raw) => {
    expect(refusal(raw)).toBe(`flag --diameter-in: "${raw}" is not a decimal number (write it like 6, 5.5, .5 or -2)`);
  });
});
