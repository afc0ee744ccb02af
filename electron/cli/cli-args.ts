/**
 * A small, strict flag parser for the `roller` CLI: `--name value` or `--name=value`,
 * boolean flags, positional arguments. Unknown flags and bad values are usage errors naming the
 * flag (an unknown flag with the nearest known one); numbers are plain decimals only.
 */
import { didYouMean } from './suggest';

/** An expected failure of the work (a file that cannot be read, a sensor not found): exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * The command was asked wrongly — an unknown command or flag, a bad flag value, a missing or
 * extra argument: exit code 2, and a pointer to the command's `--help`.
 */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * What a number flag accepts: a plain decimal — optional sign, digits with an optional point
 * (`5`, `-2.5`, `.5`, `5.`; `010` is ten). Not hex, binary or octal (`0x5`, `0b1`, `0o7`), an
 * exponent (`1e3`), `Infinity`, spaces around it, or nothing (all of which `Number()` takes).
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

export interface FlagSpec {
  /** 'number' and 'string' take a value; 'boolean' does not. */
  kind: 'number' | 'string' | 'boolean';
  min?: number;
  max?: number;
  choices?: readonly string[];
  /** The value's name in the usage text (`--out FILE`); `choices` show as `json|text`. */
  value?: string;
  /** What the flag does, one line, for the usage text. */
  help?: string;
  /** Shown without brackets in the synopsis: the command refuses to run without it. */
  required?: boolean;
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | number | boolean>;
}

export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | number | boolean>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const s = spec[name];
    if (!Object.hasOwn(spec, name) || !s) {
      const known = Object.keys(spec);
      const list = known.length === 0 ? 'it takes no flags' : `known: ${known.map((k) => `--${k}`).join(', ')}`;
      throw new UsageError(`unknown flag --${name}${didYouMean(name, known, (k) => `--${k}`)} (${list})`);
    }
    if (flags.has(name)) throw new UsageError(`flag --${name} given twice`);
    if (s.kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`flag --${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    const raw = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (raw === undefined || (eq < 0 && raw.startsWith('--'))) throw new UsageError(`flag --${name} needs a value`);
    if (s.kind === 'number') {
      const v = Number(raw);
      if (!DECIMAL.test(raw) || !Number.isFinite(v)) throw new UsageError(`flag --${name}: "${raw}" is not a decimal number (write it like 6, 5.5, .5 or -2)`);
      if (s.min !== undefined && v < s.min) throw new UsageError(`flag --${name}: ${v} is below ${s.min}`);
      if (s.max !== undefined && v > s.max) throw new UsageError(`flag --${name}: ${v} is above ${s.max}`);
      flags.set(name, v);
    } else {
      if (s.choices && !s.choices.includes(raw)) throw new UsageError(`flag --${name}: "${raw}" is not one of ${s.choices.join(', ')}`);
      flags.set(name, raw);
    }
  }
  return { positional, flags };
}

export function numberFlag(args: ParsedArgs, name: string): number | undefined {
  const v = args.flags.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
