/**
 * Which Node ABI each native addon (`.node` file) of a packaged app was compiled for, read from
 * the binary itself, so a build whose addons were not really rebuilt for Electron fails at
 * package time instead of at the user's first start.
 *
 * An addon that registers itself with `NODE_MODULE_INIT` (better-sqlite3) exports the symbol
 * `node_register_module_v<ABI>`; a Node-API addon (noble, usb) exports `napi_register_module_v1`
 * or registers without exporting either and is ABI-independent; a nan addon registered with the
 * older static constructor (the HCI socket) names no ABI in its symbols and is reported as
 * `unknown`. The symbol names are plain ASCII in the file on every platform (ELF, Mach-O, PE).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** @typedef {{ file: string, kind: 'abi' | 'napi' | 'unknown', abi: number | null }} AddonAbi */

/**
 * The ABI one addon file names, if any.
 * @param {Uint8Array} bytes
 * @returns {Omit<AddonAbi, 'file'>}
 */
export function addonAbi(bytes) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const abi = /node_register_module_v(\d+)/.exec(text);
  if (abi) return { kind: 'abi', abi: Number(abi[1]) };
  if (text.includes('napi_register_module_v1') || text.includes('napi_module_register')) return { kind: 'napi', abi: null };
  return { kind: 'unknown', abi: null };
}

/**
 * Every `.node` file under `dir`, with the ABI it names.
 * @param {string} dir
 * @returns {AddonAbi[]}
 */
export function scanAddons(dir) {
  /** @type {AddonAbi[]} */
  const found = [];
  /** @param {string} d */
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.node')) found.push({ file: relative(dir, path), ...addonAbi(readFileSync(path)) });
    }
  };
  walk(dir);
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * The addons under `dir` compiled for another ABI than `expectedAbi`.
 * @param {string} dir
 * @param {number} expectedAbi
 */
export function wrongAbiAddons(dir, expectedAbi) {
  return scanAddons(dir).filter((a) => a.kind === 'abi' && a.abi !== expectedAbi);
}

/**
 * Electron's Node ABI (NODE_MODULE_VERSION), as the installed `electron` package records it.
 * @param {string} projectDir
 */
export function electronAbi(projectDir) {
  return Number(readFileSync(join(projectDir, 'node_modules', 'electron', 'abi_version'), 'utf8').trim());
}
