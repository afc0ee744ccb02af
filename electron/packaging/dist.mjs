#!/usr/bin/env node
/**
 * `npm run dist:linux | dist:mac | dist:win [-- extra electron-builder flags]`: builds the app
 * (electron-vite), packages it with electron-builder for one platform, then puts the native
 * addons in node_modules back to Node's ABI.
 *
 * electron-builder rebuilds the addons for Electron in place, in this project's node_modules;
 * without the last step the CLI and the tests (which run on Node) would fail to load
 * better-sqlite3 afterwards. Pass `--keep-electron-abi` to skip it (e.g. to package several
 * times in a row).
 *
 * Examples: `npm run dist:linux`, `npm run dist:linux -- --dir` (unpacked app only),
 * `npm run dist:linux -- -c.electronDist=/path/to/electron-v40.10.2-linux-x64` (no download).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** @type {Record<string, string>} */
const PLATFORMS = { linux: '--linux', mac: '--mac', win: '--win' };

const [platform = '', ...rest] = process.argv.slice(2);
const platformFlag = Object.hasOwn(PLATFORMS, platform) ? PLATFORMS[platform] : undefined;
if (platformFlag === undefined) {
  console.error(`usage: node electron/packaging/dist.mjs ${Object.keys(PLATFORMS).join('|')} [--keep-electron-abi] [electron-builder flags]`);
  process.exit(2);
}
const keepElectronAbi = rest.includes('--keep-electron-abi');
const builderArgs = rest.filter((a) => a !== '--keep-electron-abi');

/**
 * @param {string} bin
 * @param {string[]} args
 * @returns {number} the exit status
 */
function run(bin, args, env = process.env) {
  console.log(`> ${bin} ${args.join(' ')}`);
  const local = join(ROOT, 'node_modules', '.bin', bin);
  const result = spawnSync(existsSync(local) || existsSync(`${local}.cmd`) ? local : bin, args, {
    cwd: ROOT,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status ?? 1;
}

/**
 * Packages in node_modules whose addon is tied to one Node ABI (not Node-API): these are the
 * ones electron-builder's rebuild leaves unusable for Node.
 */
function abiBoundAddons() {
  /** @type {string[]} */
  const names = [];
  /** @param {string} dir */
  const visit = (dir, prefix = '') => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      if (name.startsWith('@') && !prefix) {
        visit(join(dir, name), `${name}/`);
        continue;
      }
      const pkgDir = join(dir, name);
      if (!existsSync(join(pkgDir, 'binding.gyp')) || !existsSync(join(pkgDir, 'package.json'))) continue;
      /** @type {{ binary?: { napi_versions?: unknown }, dependencies?: Record<string, string> }} */
      const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
      const nodeApi = pkg.binary?.napi_versions != null || 'node-addon-api' in (pkg.dependencies ?? {});
      if (!nodeApi) names.push(`${prefix}${name}`);
    }
  };
  visit(join(ROOT, 'node_modules'));
  return names;
}

let status = run('electron-vite', ['build']);
if (status === 0) status = run('electron-builder', [platformFlag, ...builderArgs]);

if (!keepElectronAbi) {
  const addons = abiBoundAddons();
  console.log(`\nputting ${addons.join(', ')} back to Node's ABI (for the CLI and the tests)`);
  const restored = run('npm', ['rebuild', ...addons]);
  if (restored !== 0) {
    console.error(`npm rebuild failed: run \`npm rebuild ${addons.join(' ')}\` before using the CLI or the tests`);
    status ||= restored;
  }
}
process.exit(status);
