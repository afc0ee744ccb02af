/**
 * README.md's `roller` command table lists every command and sub-command with every flag,
 * written exactly as the usage text builds it from the flag tables the parser checks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE } from '../../../electron/cli/command-table';
import { EXIT_CODES_TEXT, synopsis } from '../../../electron/cli/command-usage';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## The `roller` command'), readme.indexOf('\n## ', readme.indexOf('## The `roller` command') + 1));

/** The first cell of each row, as the reader sees it (`\|` is a `|` inside a cell). */
const documented = [...section.matchAll(/^\| `npx roller ([^`]+)` \|/gm)].map((m) => m[1]!.replace(/\\\|/g, '|'));

const expected = COMMAND_TABLE.flatMap(({ usage }) => (usage.subcommands ? usage.subcommands.map((s) => synopsis(s, usage.name)) : [synopsis(usage)]));

describe('README command table', () => {
  it("has one row per command, each with every flag, in the CLI's own words", () => {
    expect(documented).toEqual(expected);
  });

  it('states the exit codes the usage text states', () => {
    for (const code of ['0 done', '1 the work failed', '2 a usage error']) expect(section).toContain(code);
    expect(EXIT_CODES_TEXT).toMatch(/0 done; 1 the work failed .*; 2 usage error/);
  });
});
