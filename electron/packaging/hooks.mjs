/**
 * electron-builder hooks (named in electron-builder.yml).
 *
 * beforeBuild: runs before electron-builder rebuilds the native addons for Electron. node-gyp
 * prefers an npm `nodedir` setting (`npm_config_nodedir`, e.g. `nodedir=/usr` in ~/.npmrc so
 * that `npm ci` compiles against the system's Node headers) over the Electron headers that
 * @electron/rebuild asks for: the addons would be compiled for Node's ABI and still be marked
 * as rebuilt for Electron. The setting is dropped for the rest of this packaging run. The
 * markers @electron/rebuild leaves after a build (`build/Release/.forge-meta`) are deleted too,
 * so a marker left by such a run (or by an earlier Electron version) cannot skip the rebuild.
 *
 * afterPack: fails the build when an unpacked addon of the packaged app names another ABI than
 * Electron's (see native-abi.mjs).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { electronAbi, scanAddons } from './native-abi.mjs';

/**
 * `node_modules/<pkg>/build/Release/.forge-meta` files, scoped packages included.
 * @param {string} nodeModules
 */
function rebuildMarkers(nodeModules) {
  /** @type {string[]} */
  const markers = [];
  if (!existsSync(nodeModules)) return markers;
  for (const name of readdirSync(nodeModules)) {
    const dirs = name.startsWith('@') ? readdirSync(join(nodeModules, name)).map((n) => join(nodeModules, name, n)) : [join(nodeModules, name)];
    for (const dir of dirs) {
      const marker = join(dir, 'build', 'Release', '.forge-meta');
      if (existsSync(marker)) markers.push(marker);
    }
  }
  return markers;
}

/** @param {import('electron-builder').BeforeBuildContext} context */
export async function beforeBuild(context) {
  for (const marker of rebuildMarkers(join(context.appDir, 'node_modules'))) rmSync(marker);
  for (const key of Object.keys(process.env)) {
    if (key.toLowerCase() === 'npm_config_nodedir') {
      console.log(`  • ${key}=${process.env[key]} is ignored while packaging: native addons are compiled against Electron's headers`);
      delete process.env[key];
    }
  }
  return true; // electron-builder goes on with its own rebuild
}

/** @param {import('electron-builder').AfterPackContext} context */
export async function afterPack(context) {
  const expected = electronAbi(context.packager.projectDir);
  const addons = scanAddons(context.appOutDir);
  const wrong = addons.filter((a) => a.kind === 'abi' && a.abi !== expected);
  if (wrong.length > 0) {
    const list = wrong.map((a) => `${a.file} (ABI ${a.abi})`).join(', ');
    throw new Error(`native addons not built for Electron's ABI ${expected}: ${list}. Rebuild them for Electron (electron/packaging/README.md, "Native modules").`);
  }
  const unknown = addons.filter((a) => a.kind === 'unknown').map((a) => a.file);
  console.log(
    `  • native addons checked for Electron ABI ${expected}: ${addons.length - unknown.length} named their ABI or use Node-API${unknown.length ? `; not readable from the binary: ${unknown.join(', ')}` : ''}`,
  );
}
