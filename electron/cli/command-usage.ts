/**
 * What a command is asked with — its arguments, its flags (the same table the parser checks) and
 * a line on what it does — and the usage texts built from it: `roller help`, `roller <command>
 * --help`, and the command column of README.md's table (a test keeps that column equal to
 * {@link synopsis}). Each command's `*-usage.ts` holds its own; nothing here loads a command.
 */
import type { FlagSpec } from './cli-args';

export interface SubcommandUsage {
  name: string;
  /** The positional arguments as the synopsis shows them: `<recording.csv>`. */
  args?: string;
  summary: string;
  flags: Readonly<Record<string, FlagSpec>>;
}

export interface CommandUsage extends SubcommandUsage {
  /** More lines for `roller <command> --help`. */
  details?: string;
  /** `roller sessions <sub-command>`: each with its own arguments and flags. */
  subcommands?: readonly SubcommandUsage[];
}

/** The exit codes, as every usage text states them. */
export const EXIT_CODES_TEXT =
  'exit codes: 0 done; 1 the work failed (a file, the sensor, the data folder); 2 usage error (unknown command or flag, bad flag value, missing argument); 3 nothing to do (sessions import: the recording is already stored)';

const valueOf = (name: string, f: FlagSpec): string => (f.kind === 'boolean' ? '' : ` ${f.choices ? f.choices.join('|') : (f.value ?? 'VALUE')}`);

/** `--out FILE` for a required flag, `[--seconds N]` for the others. */
export function flagSynopsis(name: string, f: FlagSpec): string {
  const s = `--${name}${valueOf(name, f)}`;
  return f.required ? s : `[${s}]`;
}

/** `analyze <recording.csv> [--diameter-in D] … [--diagnostics]` (without "roller"). */
export function synopsis(u: SubcommandUsage, parent?: string): string {
  return [parent, u.name, u.args, ...Object.entries(u.flags).map(([n, f]) => flagSynopsis(n, f))].filter(Boolean).join(' ');
}

/** A flag's line in a command's help: the flag, what it does, its range. */
function flagLine(name: string, f: FlagSpec): string {
  const range = f.min !== undefined && f.max !== undefined ? ` [${f.min}–${f.max}]` : '';
  const left = `--${name}${valueOf(name, f)}`;
  return `  ${left.padEnd(28)} ${f.help ?? ''}${range}`.trimEnd();
}

/** The whole text of `roller <command> --help`. */
export function commandHelp(u: CommandUsage): string {
  const lines: string[] = [];
  if (u.subcommands) {
    lines.push(`usage: roller ${u.name} <command> [arguments]`, '', u.summary, '', 'commands:');
    for (const sub of u.subcommands) {
      lines.push(`  roller ${synopsis(sub, u.name)}`, `      ${sub.summary}`);
      for (const [n, f] of Object.entries(sub.flags)) lines.push(`    ${flagLine(n, f)}`);
    }
  } else {
    lines.push(`usage: roller ${synopsis(u)}`, '', u.summary);
    const flags = Object.entries(u.flags);
    if (flags.length > 0) lines.push('', 'flags:', ...flags.map(([n, f]) => flagLine(n, f)));
  }
  if (u.details) lines.push('', u.details.trimEnd());
  lines.push('', `  ${'-h, --help'.padEnd(28)} this text`, '', EXIT_CODES_TEXT);
  return `${lines.join('\n')}\n`;
}

/** `roller help`: every command's synopsis and what it does. */
export function mainUsage(commands: readonly CommandUsage[]): string {
  const lines = ['usage: roller <command> [arguments]', '', 'commands:'];
  for (const c of commands) {
    if (c.subcommands) lines.push(`  ${c.name} ${c.subcommands.map((s) => s.name).join(' | ')}`);
    else lines.push(...wrapped(synopsis(c), '  ', '          '));
    lines.push(`      ${c.summary}`);
  }
  lines.push('  help [command]', "      this text, or one command's usage (also: roller <command> --help)", '  --version', '      the version of Roller Companion', '', EXIT_CODES_TEXT);
  return `${lines.join('\n')}\n`;
}

/** Breaks a synopsis between words so no line passes 100 columns. */
function wrapped(text: string, first: string, rest: string): string[] {
  const out: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (line.trim() !== '' && line.length + 1 + word.length > 100) {
      out.push(line);
      line = rest;
    }
    line += line.trim() === '' ? word : ` ${word}`;
  }
  out.push(line);
  return out;
}
