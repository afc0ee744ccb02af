/**
 * What `npm ci --omit=dev` (and the packaged app) would carry: package.json's `dependencies`
 * hold run-time packages only. The CLI runs compiled JavaScript (out/cli), so no TypeScript
 * transpiler or build tool belongs there; they are devDependencies, used by `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

/** Transpilers, bundlers and build/test tools: never needed to run the app or the CLI. */
const BUILD_TOOLS = [
  'tsx',
  'ts-node',
  'typescript',
  'esbuild',
  'vite',
  'rolldown',
  'rollup',
  'webpack',
  'sucrase',
  '@swc/core',
  '@babel/core',
  '@babel/register',
  'electron-vite',
  '@vitejs/plugin-react',
  'vitest',
  'electron-builder',
  'electron',
  'node-gyp',
  'prebuild-install',
];

describe('production dependencies', () => {
  it('hold no transpiler or build tool', () => {
    const found = Object.keys(pkg.dependencies).filter((name) => BUILD_TOOLS.includes(name) || name.startsWith('@esbuild/') || name.startsWith('@types/'));
    expect(found).toEqual([]);
  });

  it('the build tools the scripts use are devDependencies', () => {
    for (const name of ['tsx', 'typescript', 'vite', 'electron-vite']) expect(pkg.devDependencies[name], name).toBeDefined();
  });

  it('`npm ci` builds the app and the CLI (prepare), and so does `npm test` before its tests', () => {
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.build).toMatch(/electron-vite build/);
    expect(pkg.scripts.build).toMatch(/build:cli/);
    expect(pkg.scripts['build:cli']).toMatch(/vite build --config cli\.vite\.config\.ts/);
    expect(pkg.scripts.test).toMatch(/npm run build && vitest run/);
  });

  it('the `roller` command is a JavaScript launcher that loads no transpiler', () => {
    expect(pkg.bin.roller).toMatch(/\.mjs$/);
    const launcher = readFileSync(`${ROOT}${pkg.bin.roller}`, 'utf8');
    expect(launcher).not.toMatch(/\btsx\b|esbuild|ts-node|\.ts['"]/);
    expect(launcher).toMatch(/out\/cli\/cli-main\.js/);
  });
});
