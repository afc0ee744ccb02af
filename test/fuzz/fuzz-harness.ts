/**
 * Shared pieces of the fuzzers: the seed and case count (with environment overrides), one
 * seeded generator per case so any case replays on its own, and a failure collector that puts
 * the seed, the case and the input into the assertion message and into a file.
 *
 * - `FUZZ_SEED=<n>` replaces every fuzzer's fixed seed (decimal or 0x hex).
 * - `FUZZ_SCALE=<k>` multiplies every fuzzer's case count (e.g. 20 for a long run).
 * - `FUZZ_CASE=<i>` runs only case i (with the seed printed in a failure message).
 *
 * Failing inputs are written in full to `test-artifacts/fuzz/` (kept out of git).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../support/seeded-random';

export const FUZZ_ARTIFACTS_DIR = fileURLToPath(new URL('../../test-artifacts/fuzz/', import.meta.url));

export interface FuzzPlan {
  name: string;
  seed: number;
  /** Case indexes to run: 0 … cases − 1, or the one given by FUZZ_CASE. */
  indexes: number[];
  /** One case replayed (FUZZ_CASE): checks on the mix of outcomes over many cases do not apply. */
  replaying: boolean;
}

function envNumber(key: string): number | undefined {
  const raw = process.env[key];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw.trim());
  if (!Number.isFinite(n) || n < 0) throw new Error(`${key}=${raw}: expected a non-negative number`);
  return n;
}

/** The plan of one fuzzer: its fixed seed and case count unless the environment says otherwise. */
export function fuzzPlan(name: string, defaultSeed: number, defaultCases: number): FuzzPlan {
  const seed = (envNumber('FUZZ_SEED') ?? defaultSeed) >>> 0;
  const cases = Math.max(1, Math.round(defaultCases * (envNumber('FUZZ_SCALE') ?? 1)));
  const only = envNumber('FUZZ_CASE');
  const indexes = only !== undefined ? [Math.floor(only)] : Array.from({ length: cases }, (_, i) => i);
  return { name, seed, indexes, replaying: only !== undefined };
}

/** A generator for case `index` of a run with `seed`: the same pair always gives the same numbers. */
export function caseRandom(seed: number, index: number): () => number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return seededRandom(h >>> 0);
}

/** Random helpers over a generator in [0, 1). */
export class Dice {
  constructor(readonly rand: () => number) {}
  /** Integer in lo … hi (both included). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.rand() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)] as T;
  }
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(this.rand() * 256);
    return out;
  }
  /** A string of n UTF-16 code units drawn from a mix of ASCII, controls, non-Latin text, lone surrogates. */
  text(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) {
      const kind = this.int(0, 9);
      if (kind < 6) s += String.fromCharCode(this.int(32, 126));
      else if (kind === 6) s += String.fromCharCode(this.int(0, 31));
      else if (kind === 7) s += String.fromCharCode(this.int(0xa0, 0x2fff));
      else if (kind === 8) s += String.fromCharCode(this.int(0xd800, 0xdfff));
      else s += this.pick(['\u0000', '\ufeff', '\u2028', '\r\n', '"', '\\', '=', ',', '#', '😀']);
    }
    return s;
  }
}

/** Readable text of any value for a failure message: NaN, ±Infinity, −0, undefined, bigint, bytes, cycles. */
export function describeValue(value: unknown, maxChars = 400): string {
  const seen = new WeakSet<object>();
  let text: string;
  try {
    text =
      JSON.stringify(value, (_k, v: unknown) => {
        if (typeof v === 'number' && !Number.isFinite(v)) return `«${v}»`;
        if (typeof v === 'number' && Object.is(v, -0)) return '«-0»';
        if (v === undefined) return '«undefined»';
        if (typeof v === 'bigint') return `«${v}n»`;
        if (v instanceof Uint8Array) return `«bytes ${Buffer.from(v).toString('hex')}»`;
        if (v instanceof Map || v instanceof Set) return `«${v.constructor.name}(${v.size})»`;
        if (typeof v === 'object' && v !== null) {
          if (seen.has(v)) return '«cycle»';
          seen.add(v);
        }
        return v;
      }) ?? String(value);
  } catch (err) {
    text = `«not printable: ${(err as Error).message}»`;
  }
  return text.length > maxChars ? `${text.slice(0, maxChars)}… (${text.length} chars)` : text;
}

interface Failure {
  index: number;
  what: string;
  input: string;
}

/**
 * Collects failures of one fuzzer; `assertNone()` throws one message naming the fuzzer, the
 * seed, how to replay, the first failures with their input, and the file holding them in full.
 */
export class FuzzFailures {
  private readonly list: Failure[] = [];
  private count = 0;

  constructor(private readonly plan: FuzzPlan) {}

  get size(): number {
    return this.count;
  }

  /** Records a failure of case `index`; `input` is the value or text that made it fail. */
  add(index: number, what: string, input: unknown): void {
    this.count++;
    if (this.list.length >= 20) return;
    const full = typeof input === 'string' ? input : input instanceof Uint8Array ? Buffer.from(input).toString('hex') : describeValue(input, 1_000_000);
    this.list.push({ index, what, input: full });
  }

  /** Runs `body` for case `index`; an exception is a failure of that case. */
  run(index: number, input: () => unknown, body: () => void): void {
    try {
      body();
    } catch (err) {
      this.add(index, `threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`, input());
    }
  }

  assertNone(): void {
    if (this.count === 0) return;
    const { name, seed } = this.plan;
    let file = '';
    try {
      mkdirSync(FUZZ_ARTIFACTS_DIR, { recursive: true });
      file = join(FUZZ_ARTIFACTS_DIR, `${name}-seed-${seed}.txt`);
      writeFileSync(file, this.list.map((f) => `case ${f.index}: ${f.what}\n${f.input}\n`).join('\n'));
    } catch {
      file = '(could not be written)';
    }
    const shown = this.list
      .slice(0, 5)
      .map((f) => `  case ${f.index}: ${f.what}\n    input: ${f.input.length > 300 ? `${f.input.slice(0, 300)}… (${f.input.length} chars)` : f.input}`)
      .join('\n');
    throw new Error(`${name}: ${this.count} failing case(s) with seed ${seed} (replay one: FUZZ_SEED=${seed} FUZZ_CASE=<case>)\n${shown}\n  all inputs: ${file}`);
  }
}
