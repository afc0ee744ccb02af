/**
 * The installed `roller` command: electron/cli/roller.mjs runs the CLI compiled to out/cli
 * (`npm run build`, which `npm test` and `npm ci` run first), with nothing but Node.
 */
import { spawn, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LAUNCHER = join(ROOT, 'electron', 'cli', 'roller.mjs');
const COMPILED = join(ROOT, 'out', 'cli');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

const work = mkdtempSync(join(tmpdir(), 'roller-launcher-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The package a bare import specifier names: `zod` → zod, `@scope/pkg/sub` → @scope/pkg. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe('roller launcher', () => {
  it('loads no command, no engine, no SQLite and no zod for --help', () => {
    // A module hook records every file Node loads, then the launcher runs as `roller --help`.
    const trace = join(work, 'loaded.txt');
    const hooks = `import { appendFileSync } from 'node:fs'; let file;
      export function initialize(data) { file = data.file; }
      export async function load(url, context, next) { appendFileSync(file, url + '\\n'); return next(url, context); }`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)}, { data: { file: ${JSON.stringify(trace)} } });`;
    const res = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, LAUNCHER, '--help'], { encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/usage: roller <command>/);
    const loaded = readFileSync(trace, 'utf8')
      .split('\n')
      .filter((u) => u.startsWith('file:'))
      .map((u) => fileURLToPath(u));
    expect(loaded).toEqual([LAUNCHER, join(COMPILED, 'cli-main.js')]);
  });

  it('imports from node_modules only production dependencies and Node built-ins', () => {
    const specifiers = new Set<string>();
    for (const file of readdirSync(COMPILED).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(COMPILED, file), 'utf8');
      for (const m of code.matchAll(/(?:^import [^'"]*|^export [^'"]* from |\bimport\(|\brequire\()\s*["']([^"']+)["']/gm)) specifiers.add(m[1]!);
    }
    const bare = [...specifiers].filter((s) => !s.startsWith('.'));
    expect(bare).toContain('better-sqlite3');
    const foreign = bare.filter((s) => !s.startsWith('node:') && !builtinModules.includes(s) && !(packageOf(s) in pkg.dependencies));
    expect(foreign).toEqual([]);
  });

  it('says in one line to build when the compiled CLI is missing', () => {
    const copy = join(work, 'repo', 'electron', 'cli');
    mkdirSync(copy, { recursive: true });
    copyFileSync(LAUNCHER, join(copy, 'roller.mjs'));
    const res = spawnSync(process.execPath, [join(copy, 'roller.mjs'), '--help'], { encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/not built yet.*npm run build/);
  });

  it('serves the built app from the compiled CLI (it finds out/renderer)', async () => {
    const child = spawn(process.execPath, [LAUNCHER, 'serve', '--port', '0'], { env: { ...process.env, ROLLER_DATA_DIR: join(work, 'data') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const url = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out)?.[0];
        if (url) resolve(url);
      });
      child.on('exit', (code) => reject(new Error(`serve exited (${code}) before printing its address:\n${out}\n${err}`)));
    });
    const page = await fetch(address);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });
});
