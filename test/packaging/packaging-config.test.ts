/**
 * The packaging configuration (electron-builder.yml), checked as far as a machine without an
 * Electron binary allows: electron-builder's own loader and schema validation, the file
 * patterns against the real electron-vite build (run `electron-vite build` first: `npm test`
 * and `npm run dist:check` do), the platform settings, the icons, the Electron fuses, and a real
 * `electron-builder --linux --dir` run whose app.asar, unpacked addons and flipped fuses are
 * inspected and whose node_modules must load what the main process imports. The run uses
 * node_modules/electron/dist when an Electron binary is installed, else a stand-in Electron
 * directory whose executable carries a fuse wire like Electron's (then the executable is not
 * checked beyond its fuses; the reason is printed).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_FOLDER_NAME } from '../../electron/session/data-dir';
import { addonAbi, electronAbi, scanAddons, wrongAbiAddons } from '../../electron/packaging/native-abi.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const requireHere = createRequire(import.meta.url);
// electron-builder's internals live in app-builder-lib, a dependency of electron-builder.
const requireLib = createRequire(requireHere.resolve('app-builder-lib/package.json', { paths: [join(ROOT, 'node_modules', 'electron-builder')] }));

interface ConfigModule {
  getConfig: (projectDir: string, configPath: string | null, configFromOptions: Configuration | null) => Promise<Configuration>;
  validateConfiguration: (config: Configuration, debugLogger: unknown) => Promise<void>;
}
const { getConfig, validateConfiguration } = requireLib('./out/util/config/config.js') as ConfigModule;
const { getElectronVersion } = requireLib('./out/electron/electronVersion.js') as { getElectronVersion: (projectDir: string, config: Configuration) => Promise<string> };
const { DebugLogger } = requireLib('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { minimatch } = requireLib('minimatch') as { minimatch: (path: string, pattern: string, options?: { dot?: boolean }) => boolean };
interface AsarModule {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  extractFile(archive: string, file: string): Buffer;
  extractAll(archive: string, dest: string): void;
}
const asar = requireLib('@electron/asar') as AsarModule;
interface FusesModule {
  FuseV1Options: Record<string, number>;
  getCurrentFuseWire(electronPath: string): Promise<Record<number, number>>;
}
// @electron/fuses is what electron-builder flips the fuses with.
const fuses = requireLib('@electron/fuses') as FusesModule;
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** The fuses electron-builder.yml must set, by their @electron/fuses name: on (true) or off (false). */
const EXPECTED_FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
} as const;

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  productName?: string;
  build?: unknown;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(ROOT, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** The plain string patterns of a files/asarUnpack option (electron-builder also accepts file sets). */
function patterns(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value == null ? [] : [value];
  return list.flatMap((p: unknown) => (typeof p === 'string' ? [p] : typeof p === 'object' && p && 'filter' in p ? patterns(p.filter) : []));
}

/** Whether electron-builder's `files` list takes `file` (last matching pattern wins, `!` excludes). */
function included(file: string, list: string[]): boolean {
  let result = false;
  for (const p of list) {
    const negated = p.startsWith('!');
    const pattern = (negated ? p.slice(1) : p).replaceAll('${/*}', '{,/**/*}');
    if (minimatch(file, pattern, { dot: true })) result = !negated;
  }
  return result;
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

let config: Configuration;
let builtFiles: string[];

beforeAll(async () => {
  const main = join(ROOT, 'out', 'main', 'index.js');
  if (!existsSync(main)) throw new Error('out/main/index.js is missing: run `electron-vite build` first (npm test and npm run dist:check do)');
  config = await getConfig(ROOT, null, null);
  builtFiles = [...filesUnder(join(ROOT, 'out')), 'package.json'];
});

describe('electron-builder configuration', () => {
  it('is electron-builder.yml only, and passes electron-builder’s own schema validation', async () => {
    expect(existsSync(join(ROOT, 'electron-builder.yml'))).toBe(true);
    expect(packageJson.build, 'a "build" key in package.json would compete with electron-builder.yml').toBeUndefined();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // the validator is a real one: a misspelt option is rejected
    const misspelt = { ...config, mac: { ...config.mac, extendInfos: {} } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/configuration\.mac/);
  });

  it('packages the electron-vite build: every file pattern matches built files, and main, preload and renderer are in', () => {
    const list = patterns(config.files);
    for (const p of list.filter((p) => !p.startsWith('!'))) {
      expect(
        builtFiles.some((f) => minimatch(f, p, { dot: true })),
        `pattern ${p} matches no built file`,
      ).toBe(true);
    }
    // The main process finds the preload and the renderer folder beside its own folder (desktop-app.ts builtFiles).
    const main = readFileSync(join(ROOT, 'out', 'main', 'index.js'), 'utf8');
    expect(main).toMatch(/mainDir: import\.meta\.dirname/);
    const referenced = [...main.matchAll(/join\(mainDir, "(\.\.\/[^"]+)"\)/g)].map((m) => `out/${m[1]!.slice(3)}`);
    expect(referenced).toEqual(['out/preload/index.cjs', 'out/renderer']);
    for (const file of [packageJson.main, 'package.json', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(builtFiles, `${file} is not built`).toContain(file);
      expect(included(file, list), `${file} is not packaged`).toBe(true);
    }
    const assets = builtFiles.filter((f) => f.startsWith('out/renderer/assets/'));
    expect(assets.length).toBeGreaterThan(0);
    for (const f of assets) expect(included(f, list), `${f} is not packaged`).toBe(true);
  });

  it('package.json main points inside the packaged files, at the main-process bundle', () => {
    expect(packageJson.main).toBe('out/main/index.js');
    expect(included(packageJson.main, patterns(config.files))).toBe(true);
  });

  it('keeps the data folder the CLI uses: no productName reaches the packaged package.json', () => {
    expect(config.productName).toBe('Roller Companion');
    expect(packageJson.productName).toBeUndefined();
    expect((config.extraMetadata as { productName?: string } | undefined)?.productName).toBeUndefined();
    expect(APP_FOLDER_NAME).toBe((packageJson as unknown as { name: string }).name);
  });

  it('unpacks every native addon of the runtime dependencies from app.asar', () => {
    const unpack = patterns(config.asarUnpack);
    for (const module of ['better-sqlite3', '@abandonware/noble', '@abandonware/bluetooth-hci-socket', 'usb']) {
      expect(
        unpack.some((p) => p.startsWith(`node_modules/${module}/`)),
        `${module} is not named in asarUnpack`,
      ).toBe(true);
      const addons = filesUnder(join(ROOT, 'node_modules', ...module.split('/'))).filter((f) => f.endsWith('.node') && !f.includes('/obj.target/'));
      expect(addons.length, `${module} has no built addon`).toBeGreaterThan(0);
      for (const addon of addons)
        expect(
          unpack.some((p) => minimatch(addon, p, { dot: true })),
          `${addon} is not unpacked`,
        ).toBe(true);
    }
    expect(config.asar).not.toBe(false);
    expect(config.npmRebuild).toBe(true);
  });

  it('builds AppImage and deb for Linux, dmg for macOS, NSIS for Windows', () => {
    const names = (targets: unknown) => (Array.isArray(targets) ? targets : [targets]).map((t: unknown) => (typeof t === 'string' ? t : (t as { target: string }).target));
    expect(names(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(names(config.mac?.target)).toEqual(['dmg']);
    expect(names(config.win?.target)).toEqual(['nsis']);
    expect(config.linux?.category).toBeTruthy();
    expect(config.linux?.maintainer).toMatch(/^[^<>]+ <[^<>@\s]+@[^<>\s]+>$/);
    // electron-builder's default Debian dependencies are kept when `depends` is given
    expect(config.deb?.depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0']));
    expect(config.deb?.recommends).toContain('bluez');
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, createDesktopShortcut: true, createStartMenuShortcut: true, deleteAppDataOnUninstall: false });
  });

  it('asks macOS for Bluetooth with usage descriptions, hardened runtime and the Bluetooth entitlement', () => {
    const info = config.mac?.extendInfo as Record<string, unknown>;
    for (const key of ['NSBluetoothAlwaysUsageDescription', 'NSBluetoothPeripheralUsageDescription']) {
      expect(typeof info[key]).toBe('string');
      expect((info[key] as string).trim()).toMatch(/Bluetooth/);
    }
    expect(config.mac?.hardenedRuntime).toBe(true);
    for (const file of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      expect(file && existsSync(join(ROOT, file)), `${file} is missing`).toBe(true);
      expect(readFileSync(join(ROOT, file!), 'utf8')).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
    }
    expect(readFileSync(join(ROOT, config.mac!.entitlements!), 'utf8')).toMatch(/<key>com\.apple\.security\.device\.bluetooth<\/key>\s*<true\/>/);
  });

  it('sets the Electron fuses: no run-as-node, NODE_OPTIONS or --inspect; encrypted cookies; no file:// privileges; app.asar only, integrity-checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
    // the integrity hash the fuse checks is written by electron-builder unless it is turned off
    expect((config as { disableAsarIntegrity?: boolean }).disableAsarIntegrity).not.toBe(true);
    for (const name of Object.keys(EXPECTED_FUSES)) expect(fuses.FuseV1Options[name], `@electron/fuses has no ${name}`).toBeTypeOf('number');
  });

  it('packages the installed Electron version', async () => {
    const installed = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    if (config.electronVersion != null) expect(config.electronVersion).toBe(installed);
    expect(await getElectronVersion(ROOT, { ...config })).toBe(installed);
    expect(packageJson.devDependencies['electron']).toBeDefined();
    expect(packageJson.dependencies['electron'], 'electron must stay a devDependency for electron-builder').toBeUndefined();
  });

  it('has icons electron-builder uses without converting them (no icon tool download)', () => {
    const res = join(ROOT, config.directories!.buildResources!);
    const sizes = readdirSync(join(res, config.linux!.icon as string)).map((name) => {
      const m = /^(\d+)x(\d+)\.png$/.exec(name);
      expect(m, `unexpected file ${name} in the Linux icon set`).not.toBeNull();
      expect(pngSize(join(res, config.linux!.icon as string, name))).toEqual({ width: Number(m![1]), height: Number(m![2]) });
      return Number(m![1]);
    });
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512]));

    const icns = readFileSync(join(res, config.mac!.icon as string));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic09'))).toBe(true); // 512 × 512, the size electron-builder asks for

    const ico = readFileSync(join(res, config.win!.icon as string));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    expect(Math.max(...widths)).toBe(256);
  });
});

describe('the ABI check of native addons', () => {
  it('reads the ABI an addon names, and tells Node-API addons apart', () => {
    expect(addonAbi(Buffer.from('\0node_register_module_v143\0'))).toEqual({ kind: 'abi', abi: 143 });
    expect(addonAbi(Buffer.from('\0napi_register_module_v1\0'))).toEqual({ kind: 'napi', abi: null });
    expect(addonAbi(Buffer.from('\0Init\0'))).toEqual({ kind: 'unknown', abi: null });
    expect(electronAbi(ROOT)).toBe(Number(readFileSync(join(ROOT, 'node_modules', 'electron', 'abi_version'), 'utf8')));
  });
});

describe('electron-builder --linux --dir', () => {
  const electronDist = join(ROOT, 'node_modules', 'electron', 'dist');
  const realElectron = existsSync(electronDist);
  let work: string;
  let appOut: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'roller-pack-'));
    let dist = electronDist;
    if (!realElectron) {
      console.log('no Electron binary (node_modules/electron/dist): packaging with a stand-in Electron directory; the executable is not checked');
      dist = join(work, 'electron-stand-in');
      mkdirSync(join(dist, 'resources'), { recursive: true });
      // A fuse wire as Electron's binary holds it (sentinel, version 1, 8 fuses, Electron's defaults),
      // so electron-builder's fuse flipping runs on the stand-in and the result can be read back.
      const wire = Buffer.concat([Buffer.from(`#!/bin/sh\necho "stand-in for the Electron binary"\nexit 0\n# ${FUSE_SENTINEL}`), Buffer.from([1, 8]), Buffer.from('10110001\n')]);
      writeFileSync(join(dist, 'electron'), wire);
      chmodSync(join(dist, 'electron'), 0o755);
      writeFileSync(join(dist, 'chrome-sandbox'), '');
      writeFileSync(join(dist, 'LICENSE'), 'stand-in');
      writeFileSync(join(dist, 'version'), '0.0.0');
    }
    const run = spawnSync(process.execPath, [join(ROOT, 'test', 'packaging', 'pack-app.mjs'), join(work, 'dist'), dist], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    if (run.status !== 0) throw new Error(`electron-builder failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
    const unpacked = readdirSync(join(work, 'dist')).find((d) => /^linux(-\w+)?-unpacked$/.test(d));
    if (!unpacked) throw new Error(`no linux-unpacked folder in ${readdirSync(join(work, 'dist')).join(', ')}`);
    appOut = join(work, 'dist', unpacked);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('names the executable roller-companion', () => {
    expect(existsSync(join(appOut, 'roller-companion'))).toBe(true);
    if (realElectron) expect(readFileSync(join(appOut, 'roller-companion')).subarray(0, 4)).toEqual(Buffer.from([0x7f, 0x45, 0x4c, 0x46])); // ELF
  });

  it('flips the fuses in the packaged executable', async () => {
    const wire = await fuses.getCurrentFuseWire(join(appOut, 'roller-companion'));
    const state = (name: keyof typeof EXPECTED_FUSES) => String.fromCharCode(wire[fuses.FuseV1Options[name]!]!);
    for (const [name, on] of Object.entries(EXPECTED_FUSES)) expect(state(name as keyof typeof EXPECTED_FUSES), name).toBe(on ? '1' : '0');
  });

  it('puts the build and package.json in app.asar, without the packages only the renderer bundle or the CLI use', () => {
    const archive = join(appOut, 'resources', 'app.asar');
    const listed = asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/').replace(/^\//, ''));
    for (const f of ['package.json', 'out/main/index.js', 'out/renderer/index.html']) expect(listed).toContain(f);
    expect(listed.some((f) => f.startsWith('out/preload/'))).toBe(true);
    for (const p of ['react', 'react-dom', 'chart.js', 'tsx', 'esbuild', 'ws', 'node-gyp']) expect(listed).not.toContain(`node_modules/${p}/package.json`);
    expect(listed.some((f) => f.startsWith('electron/') || f.startsWith('renderer/') || f.startsWith('test/'))).toBe(false);
    const packaged = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string; productName?: string; devDependencies?: unknown };
    expect(packaged.main).toBe(packageJson.main);
    expect(packaged.productName).toBeUndefined();
    expect(packaged.devDependencies).toBeUndefined();
  });

  it('packages the preload the main process loads, as a script a sandboxed window can run', () => {
    const archive = join(appOut, 'resources', 'app.asar');
    const main = asar.extractFile(archive, 'out/main/index.js').toString('utf8');
    const preload = /preload: join\(mainDir, "\.\.\/(preload\/[^"]+)"\)/.exec(main)?.[1];
    expect(preload, 'no preload path in out/main/index.js').toBeDefined();
    const code = asar.extractFile(archive, `out/${preload!}`).toString('utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });

  it('unpacks the native addons next to app.asar', () => {
    const addons = scanAddons(join(appOut, 'resources', 'app.asar.unpacked')).map((a) => a.file.split(sep).join('/'));
    expect(addons).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node_modules/@abandonware/noble/build/Release/noble.node']));
    if (process.platform === 'linux') expect(addons).toContain('node_modules/@abandonware/bluetooth-hci-socket/build/Release/bluetooth_hci_socket.node');
  });

  it('flags addons left on Node’s ABI (this run does not rebuild them; `npm run dist:*` does and checks)', () => {
    const wrong = wrongAbiAddons(join(appOut, 'resources', 'app.asar.unpacked'), electronAbi(ROOT)).map((a) => a.file.split(sep).join('/'));
    expect(wrong).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  });

  it('ships every package the main process imports, loadable from the packaged layout', () => {
    const dest = join(work, 'extracted');
    asar.extractAll(join(appOut, 'resources', 'app.asar'), dest);
    const main = readFileSync(join(dest, 'out', 'main', 'index.js'), 'utf8');
    const bare = new Set([...main.matchAll(/(?:from |import\(|require(?:\$\d+)?\()"([^".][^"]*)"/g)].map((m) => m[1]!).filter((s) => !s.startsWith('node:') && s !== 'electron'));
    expect([...bare]).toEqual(expect.arrayContaining(['better-sqlite3', 'zod', '@abandonware/noble', '@abandonware/noble/with-bindings']));
    // In a separate Node process: resolve each import from out/main, load the pure-JS ones and
    // open a database with better-sqlite3's native addon (still on Node's ABI in this run).
    const probe = `
      const { createRequire } = require('node:module');
      const req = createRequire(process.cwd() + '/out/main/index.js');
      const out = { resolved: {} };
      for (const s of JSON.parse(process.env.SPECIFIERS)) out.resolved[s] = req.resolve(s);
      out.zod = typeof req('zod').z.object;
      out.noble = typeof req('@abandonware/noble/with-bindings');
      out.sqlite = new (req('better-sqlite3'))(':memory:').prepare('select sqlite_version() as v').get().v;
      if (process.platform === 'linux') out.hci = typeof req('@abandonware/bluetooth-hci-socket');
      console.log(JSON.stringify(out));`;
    const run = spawnSync(process.execPath, ['-e', probe], { cwd: dest, encoding: 'utf8', env: { ...process.env, SPECIFIERS: JSON.stringify([...bare]) } });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { resolved: Record<string, string>; zod: string; noble: string; sqlite: string; hci?: string };
    for (const [spec, path] of Object.entries(out.resolved)) expect(path.startsWith(dest), `${spec} resolved outside the packaged app: ${path}`).toBe(true);
    expect(out).toMatchObject({ zod: 'function', noble: 'function', sqlite: expect.stringMatching(/^3\./) });
    if (process.platform === 'linux') expect(out.hci).toBe('function');
  });
});
