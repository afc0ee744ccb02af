#!/usr/bin/env node
/**
 * Packages the app as an unpacked Linux directory (`electron-builder --linux --dir`) with the
 * real electron-builder.yml and three overrides, for packaging-config.test.ts:
 * - electronDist: the given Electron (node_modules/electron/dist, or the test's stand-in), so
 *   nothing is downloaded;
 * - npmRebuild false (and so no beforeBuild): node_modules stays on Node's ABI, which the
 *   other test files running at the same time need;
 * - afterPack null: the ABI check would rightly reject those Node-ABI addons.
 *
 * usage: node test/packaging/pack-app.mjs <output dir> <electron dist dir>
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
/** @type {typeof import('electron-builder')} */
const { build, Platform, archFromString } = require('electron-builder');

const [output, electronDist] = process.argv.slice(2);
await build({
  projectDir: fileURLToPath(new URL('../../', import.meta.url)),
  targets: Platform.LINUX.createTarget('dir', archFromString(process.arch)),
  config: { electronDist, npmRebuild: false, afterPack: null, directories: { output } },
});
