/**
 * Usage, help and the version: every command answers `--help` with its own usage (exit 0),
 * `roller help <command>` the same; a typo gets the nearest name; a command asked wrongly exits
 * with 2, failed work with 1.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/cli-main';
import { COMMAND_TABLE } from '../../../electron/cli/command-table';
import { commandHelp, EXIT_CODES_TEXT } from '../../../electron/cli/command-usage';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

// `sessions` opens the store: in a folder of this test's own.
const dataDir = mkdtempSync(join(tmpdir(), 'roller-help-'));
beforeAll(() => vi.stubEnv('ROLLER_DATA_DIR', dataDir));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

const names = COMMAND_TABLE.map((c) => c.usage.name);

describe('roller help', () => {
  it.each(names)('roller %s --help and -h print its usage and exit 0', async (name) => {
    for (const flag of ['--help', '-h']) {
      const r = await run(name, flag);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toMatch(new RegExp(`^usage: roller ${name} `));
      expect(r.out).toContain(EXIT_CODES_TEXT);
      for (const flagName of Object.keys(COMMAND_TABLE.find((c) => c.usage.name === name)!.usage.flags)) expect(r.out).toContain(`--${flagName}`);
    }
  });

  it('--help wins over the other arguments, even bad ones', async () => {
    const r = await run('analyze', '/no/such.csv', '--diameter-in', 'big', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: roller analyze <recording\.csv>/);
    // After "--" it is an argument, not a request for help.
    expect((await run('analyze', '--', '--help')).code).toBe(2);
  });

  it('roller help analyze prints the same as roller analyze --help', async () => {
    const r = await run('help', 'analyze');
    expect(r.code).toBe(0);
    expect(r.out).toBe((await run('analyze', '--help')).out);
    expect(r.out).toBe(commandHelp(COMMAND_TABLE[0]!.usage));
    expect(r.out).toMatch(/--format json\|text\s+JSON, or a readable summary/);
    expect(r.out).toMatch(/--diameter-in D\s+roller diameter, in .*\[3–8\]/);
  });

  it('roller sessions <sub-command> --help prints the sessions usage with every sub-command', async () => {
    const r = await run('sessions', 'export', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: roller sessions <command>/);
    for (const sub of ['list', 'history', 'export <id> [--out-dir DIR]', 'import <recording.csv>', 'delete <id> --yes', 'reanalyze <id> [--profile]'])
      expect(r.out).toContain(`roller sessions ${sub}`);
  });

  it('roller help lists every command and the exit codes', async () => {
    const r = await run('help');
    expect(r.code).toBe(0);
    for (const name of names) expect(r.out).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(r.out).toContain(EXIT_CODES_TEXT);
    expect((await run('--help')).out).toBe(r.out);
  });

  it("--version prints package.json's version", async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await run(flag);
      expect(r.code).toBe(0);
      expect(r.out).toBe(`roller ${pkg.version}\n`);
    }
  });
});

describe('typos and usage errors', () => {
  it.each([
    [['analyse', 'x.csv'], 'roller: unknown command "analyse" (did you mean "analyze"?)\nrun "roller help" for the commands\n'],
    [['help', 'sesions'], 'roller help: unknown command "sesions" (did you mean "sessions"?)\nrun "roller help" for the commands\n'],
    [['fly'], 'roller: unknown command "fly"\nrun "roller help" for the commands\n'],
  ])('%j', async (argv, err) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toBe(err);
    expect(r.out).toBe('');
  });

  it('an unknown flag gets the nearest known one', async () => {
    const r = await run('analyze', 'x.csv', '--diameter', '5');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^roller analyze: unknown flag --diameter \(did you mean --diameter-in\?\) \(known: --diameter-in, /);
    expect(r.err).toMatch(/\nrun "roller analyze --help" for its usage\n$/);
    expect((await run('scan', '--simulatd')).err).toMatch(/unknown flag --simulatd \(did you mean --simulated\?\)/);
    expect((await run('sessions', 'lst')).err).toMatch(/unknown sessions command "lst" \(did you mean "list"\?\)/);
    expect((await run('demo', '--scenario', 'too-fats')).err).toMatch(/unknown scenario "too-fats" \(did you mean "too-fast"\?\)/);
  });

  it.each([
    [[]],
    [['analyze']],
    [['analyze', 'a.csv', 'b.csv']],
    [['analyze', 'x.csv', '--format']],
    [['analyze', 'x.csv', '--units', 'mm']],
    [['analyze', 'x.csv', '--diagnostics=yes']],
    [['analyze', 'x.csv', '--format', 'json', '--format', 'text']],
    [['simulate']],
    [['simulate', 'too-fast']],
    [['scan', 'extra']],
    [['scan', '--seconds', '0']],
    [['record', '--simulated']],
    [['demo', '--seconds', 'ten']],
    [['serve', '--port', '70000']],
    [['launch', 'now']],
    [['sessions']],
    [['sessions', 'export']],
    [['sessions', 'export', 'abc']],
    [['sessions', 'list', 'extra']],
    [['sessions', 'constructor']],
    [['analyze', 'x.csv', '--constructor']],
    [['help', 'toString']],
  ])('%j is a usage error: exit code 2', async (argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).not.toBe('');
  });

  it('work that fails exits with 1', async () => {
    const r = await run('analyze', '/no/such.csv');
    expect(r.code).toBe(1);
    expect(r.err).toBe('roller analyze: /no/such.csv: no such file\n');
  });
});
