/**
 * Builds the firmware core's host loop (firmware-notes/host-loop/host_loop.c with the codec, the
 * core and the chip and link doubles) with the machine's C compiler, once per change of its
 * sources: the executable lives in a cache folder named after a hash of every source and header
 * and the compiler, so a changed source builds again and an unchanged one is reused.
 *
 * Failures come back as a result with a message that says what to do (no compiler: the command
 * that installs one; a compile error: the compiler's own words), never as a throw.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What to install when there is no C compiler (Debian / Ubuntu). */
export const C_COMPILER_INSTALL_HINT = 'apt-get install -y gcc libc6-dev';

const SOURCE_DIRS = ['codec', 'core', 'doubles', 'host-loop'] as const;
const FLAGS = ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror', '-pedantic'];

export type FirmwareBuild = { ok: true; executable: string; compiler: string; reused: boolean } | { ok: false; message: string };

export interface FirmwareBuildOptions {
  /** The firmware-notes folder; default: found above this module. */
  notesDir?: string;
  /** Where built executables are kept; default: out/firmware-loop beside firmware-notes, or the OS temp folder. */
  cacheDir?: string;
  /** Compilers to try in order; default: $CC, cc, gcc, clang. */
  compilers?: readonly string[];
}

/** Builds (or reuses) the host loop executable. */
export function buildFirmwareLoop(options: FirmwareBuildOptions = {}): FirmwareBuild {
  const notesDir = options.notesDir ?? findNotesDir();
  if (!notesDir) return { ok: false, message: 'the firmware sources (firmware-notes/host-loop/host_loop.c) are not in this installation: run from a checkout of the repository' };
  const compiler = findCompiler(options.compilers ?? [process.env.CC ?? '', 'cc', 'gcc', 'clang']);
  if (!compiler) return { ok: false, message: `no C compiler found (tried $CC, cc, gcc and clang): install one (${C_COMPILER_INSTALL_HINT}) to run the firmware core` };
  const sources = SOURCE_DIRS.flatMap((d) => listFiles(join(notesDir, d)));
  const hash = createHash('sha256').update(compiler).update(FLAGS.join(' '));
  for (const file of sources) hash.update(file.slice(notesDir.length)).update(readFileSync(file));
  const key = hash.digest('hex').slice(0, 16);
  const dir = join(options.cacheDir ?? defaultCacheDir(notesDir), key);
  const executable = join(dir, process.platform === 'win32' ? 'host_loop.exe' : 'host_loop');
  if (existsSync(executable)) return { ok: true, executable, compiler, reused: true };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    return { ok: false, message: `cannot create the firmware build folder ${dir}: ${(err as Error).message}` };
  }
  const partial = `${executable}.${process.pid}.partial`;
  const cFiles = sources.filter((f) => f.endsWith('.c'));
  const built = spawnSync(compiler, [...FLAGS, ...cFiles, '-o', partial, '-lm'], { encoding: 'utf8' });
  if (built.error || built.status !== 0) {
    const words = `${built.stderr ?? ''}${built.stdout ?? ''}`.trim() || built.error?.message || `exit ${built.status}`;
    return { ok: false, message: `compiling the firmware core with ${compiler} failed:\n${words}` };
  }
  renameSync(partial, executable); // whole or not at all, also when two processes build at once
  return { ok: true, executable, compiler, reused: false };
}

function findCompiler(candidates: readonly string[]): string | null {
  for (const c of candidates) {
    if (c.trim() === '') continue;
    const r = spawnSync(c, ['--version'], { stdio: 'ignore' });
    if (!r.error && r.status === 0) return c;
  }
  return null;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.c') || f.endsWith('.h'))
    .sort()
    .map((f) => join(dir, f));
}

/** The firmware-notes folder: walks up from this module (source tree, or the bundled CLI in out/). */
function findNotesDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'firmware-notes');
    if (existsSync(join(candidate, 'host-loop', 'host_loop.c'))) return candidate;
    const up = resolve(dir, '..');
    if (up === dir) break;
    dir = up;
  }
  return null;
}

function defaultCacheDir(notesDir: string): string {
  const beside = join(resolve(notesDir, '..'), 'out', 'firmware-loop');
  try {
    mkdirSync(beside, { recursive: true });
    return beside;
  } catch {
    return join(tmpdir(), 'roller-firmware-loop');
  }
}
