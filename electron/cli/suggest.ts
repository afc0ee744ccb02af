/**
 * "Did you mean …?" for a mistyped command or flag: the known name nearest to what was typed.
 * Pure. Near means a small edit distance (insertions, deletions, substitutions and swaps of two
 * neighbouring letters, each counting one), or that what was typed is the start of the name
 * (`--diameter` → `--diameter-in`).
 */

/** Edits turning `a` into `b` (optimal string alignment distance). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j]!;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Most edits a typed word of this length may be away from a suggestion: 1 up to 5 letters, then a third. */
export const maxEditsFor = (length: number): number => Math.max(1, Math.floor(length / 3));

/**
 * The candidate nearest to `typed`, or null when none is near. A candidate `typed` starts
 * (3 letters or more) counts as near; ties go to the earlier candidate.
 */
export function suggest(typed: string, candidates: readonly string[]): string | null {
  const word = typed.toLowerCase();
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const distance = editDistance(word, c.toLowerCase());
    const prefix = word.length >= 3 && c.toLowerCase().startsWith(word);
    if (distance > maxEditsFor(word.length) && !prefix) continue;
    const score = prefix ? Math.min(distance, 1) : distance;
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** ` (did you mean "analyze"?)`, or nothing. */
export function didYouMean(typed: string, candidates: readonly string[], show: (name: string) => string = (n) => `"${n}"`): string {
  const s = suggest(typed, candidates);
  return s === null ? '' : ` (did you mean ${show(s)}?)`;
}
