/**
 * `--verbose` on every command and sub-command (the flag tables the parser checks, so the usage
 * texts and README's table show it), and a support log that cannot be written changes nothing
 * about what a command does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/cli-main';
import { COMMAND_TABLE } from '../../../electron/cli/command-table';
import { commandHelp } from '../../../electron/cli/command-usage';
import { asksForVerbose } from '../../../electron/cli/verbose-flag';

const dir = mkdtempSync(join(tmpdir(), 'roller-verbose-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--verbose', () => {
  it('is a flag of every command and sub-command, in its usage text', () => {
    for (const { usage } of COMMAND_TABLE) {
      for (const u of usage.subcommands ?? [usage]) expect(Object.keys(u.flags), `${usage.name} ${u.name}`).toContain('verbose');
      expect(commandHelp(usage)).toContain('--verbose');
    }
  });

  it('is read before a -- that ends the flags', () => {
    expect(asksForVerbose(['x.csv', '--verbose'])).toBe(true);
    expect(asksForVerbose(['--', '--verbose'])).toBe(false);
  });

  it('a data folder where the log cannot be written: the command works and says so once on stderr', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    let out = '';
    let err = '';
    const code = await main(['simulate', 'good-slow-session', '--out', join(dir, 'rec.csv'), '--verbose'], {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      env: { ROLLER_DATA_DIR: join(blocker, 'data') },
    });
    expect(code).toBe(0);
    expect(err).toMatch(/DEBUG roller command command=simulate/);
    expect(err.match(/support log cannot be written/g)).toHaveLength(1);
  });
});
