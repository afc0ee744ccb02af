/**
 * The repository stands on its own: no file points at design documents or data kept outside it,
 * every relative link in its markdown resolves (anchors included), every pointer from code
 * comments into docs/ names a section that exists, and bundled data carries its licence and
 * provenance beside it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

/** Build output, installed packages and tool folders: not the repository's own text. */
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'coverage', 'test-artifacts', 'build']);
const BINARY_EXTS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.ico', '.icns', '.sqlite', '.node', '.o', '.a']);
const MAX_TEXT_BYTES = 1 << 20;

function repoFiles(dir = ROOT): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...repoFiles(path));
    } else if (entry.isFile()) {
      out.push(path);
    }
  }
  return out;
}

const FILES = repoFiles();
const TEXT_FILES = FILES.filter((f) => !BINARY_EXTS.has(extname(f).toLowerCase()) && statSync(f).size <= MAX_TEXT_BYTES);
const MARKDOWN = FILES.filter((f) => extname(f).toLowerCase() === '.md');
const rel = (f: string) => relative(ROOT, f).split(sep).join('/');

/** Names of the outside documents the code once pointed at (spelled so this file does not match itself). */
const OUTSIDE_DOCS = ['DESIGN', 'GUIDANCE'].map((name) => `${name}.md`);
/** A relative path into a folder called `shared` (resolved below: it must stay inside the repository). */
const SHARED_PATH = /(?:\.\.\/)+shared\b/g;

function outsidePointers(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const where = `${rel(file)}:${i + 1}`;
    for (const doc of OUTSIDE_DOCS) if (line.includes(doc)) found.push(`${where}: mentions ${doc}`);
    for (const m of line.matchAll(SHARED_PATH)) {
      const target = resolve(dirname(file), m[0]);
      if (!target.startsWith(ROOT)) found.push(`${where}: "${m[0]}" leads outside the repository`);
    }
    if (/\/work\/shared\b/.test(line)) found.push(`${where}: an absolute path outside the repository`);
  });
  return found;
}

/** Markdown without fenced code blocks (their `#` lines are not headings, their brackets not links). */
function withoutFences(md: string): string {
  return md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(md: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const m of withoutFences(md).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

const anchorCache = new Map<string, Set<string>>();
function anchorsIn(file: string): Set<string> {
  let a = anchorCache.get(file);
  if (!a) anchorCache.set(file, (a = anchorsOf(readFileSync(file, 'utf8'))));
  return a;
}

/** Why `target` (a relative link from `fromFile`) does not resolve, or null when it does. */
function linkProblem(fromFile: string, target: string): string | null {
  const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
  const file = pathPart === '' ? fromFile : resolve(dirname(fromFile), decodeURIComponent(pathPart));
  if (!file.startsWith(ROOT)) return 'leads outside the repository';
  if (!existsSync(file)) return 'no such file';
  if (anchor !== undefined && anchor !== '' && extname(file).toLowerCase() === '.md' && !anchorsIn(file).has(anchor.toLowerCase())) {
    return `no heading with the anchor #${anchor} in ${rel(file)}`;
  }
  return null;
}

function brokenLinks(file: string): string[] {
  const broken: string[] = [];
  const text = withoutFences(readFileSync(file, 'utf8'));
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, …
    const problem = linkProblem(file, target);
    if (problem) broken.push(`${rel(file)}: (${target}) ${problem}`);
  }
  return broken;
}

describe('the repository stands on its own', () => {
  it('finds the files it checks', () => {
    for (const f of ['README.md', 'docs/architecture.md', 'docs/coaching-rules.md', 'electron/motion/coach-rules.ts']) {
      expect(TEXT_FILES.map(rel)).toContain(f);
    }
  });

  it('no file points at design documents or data kept outside the repository', () => {
    const found = TEXT_FILES.flatMap((f) => outsidePointers(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check above catches each kind of outside pointer, and lets the renderer import its own shared folder', () => {
    const probe = join(ROOT, 'test', 'electron', 'motion', 'probe.ts');
    expect(outsidePointers(probe, `see ${OUTSIDE_DOCS[0]}`)).toHaveLength(1);
    expect(outsidePointers(probe, `follows ${OUTSIDE_DOCS[1]}`)).toHaveLength(1);
    const up = '../';
    expect(outsidePointers(probe, `new URL('${up.repeat(4)}shared/data/x/', import.meta.url)`)).toHaveLength(1);
    expect(outsidePointers(join(ROOT, 'renderer', 'app', 'App.tsx'), `import { useStore } from '${up}shared/use-store';`)).toEqual([]);
  });

  it('every relative link in the markdown resolves, anchors included', () => {
    expect(MARKDOWN.map(rel)).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md', 'docs/coaching-rules.md', 'electron/motion/README.md']));
    expect(MARKDOWN.flatMap(brokenLinks)).toEqual([]);
  });

  it('the link check reports a missing file and a missing section', () => {
    const from = join(ROOT, 'README.md');
    expect(linkProblem(from, 'docs/architecture.md#data-flow')).toBeNull();
    expect(linkProblem(from, 'docs/no-such-file.md')).toBe('no such file');
    expect(linkProblem(from, 'docs/architecture.md#no-such-section')).toMatch(/no heading/);
  });

  it('every pointer from the code into docs/ names a file and section that exist', () => {
    const problems: string[] = [];
    for (const f of TEXT_FILES) {
      if (extname(f) === '.md' || f === SELF) continue; // markdown links are checked above; this file holds bad examples
      for (const m of readFileSync(f, 'utf8').matchAll(/\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g)) {
        const problem = linkProblem(join(ROOT, 'README.md'), `docs/${m[1]}${m[2] ? `#${m[2]}` : ''}`);
        if (problem) problems.push(`${rel(f)}: docs/${m[1]}${m[2] ? `#${m[2]}` : ''} ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('bundled data keeps its provenance and licence beside it', () => {
    const dataDirs = new Set(FILES.filter((f) => rel(f).startsWith('test/fixtures/') && extname(f) === '.csv').map(dirname));
    expect(dataDirs.size).toBeGreaterThan(0);
    for (const dir of dataDirs) {
      const names = readdirSync(dir);
      expect(names, rel(dir)).toContain('PROVENANCE.md');
      expect(
        names.some((n) => /^LICEN[CS]E/i.test(n)),
        `${rel(dir)} has a licence file`,
      ).toBe(true);
    }
  });

  it('the project itself carries its licence', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license?: string };
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 Roller Companion contributors/);
  });
});
