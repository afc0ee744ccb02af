#!/usr/bin/env node
/**
 * Builds and runs the C codec's host test against the golden vectors.
 *
 *   node firmware-notes/host-test/run.mjs      (what `npm run test:c` runs)
 *
 * - Compiler: $CC if set, else the first of cc, gcc, clang that answers --version.
 * - Flags: -std=c99 -Wall -Wextra -Werror -pedantic, plus AddressSanitizer and
 *   UndefinedBehaviorSanitizer when a probe program builds and runs with them
 *   (otherwise a plain build, silently).
 * - Output: firmware-notes/host-test/build/ (gitignored).
 * - The test's output is streamed; this script exits with the test's exit code.
 *
 * No dependencies; every path is resolved from this file's location.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const notesDir = resolve(here, '..');
const repoDir = resolve(notesDir, '..');
const buildDir = join(here, 'build');
const exeSuffix = process.platform === 'win32' ? '.exe' : '';

const sources = [join(notesDir, 'codec', 'roller_frame.c'), join(here, 'roller_frame_test.c')];
const vectorsPath = join(repoDir, 'sensor-protocol', 'vectors', 'protocol-v1.vectors');
const testExe = join(buildDir, `roller_frame_test${exeSuffix}`);

const STRICT_FLAGS = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic', '-O1', '-g'];
const SANITIZER_FLAGS = ['-fsanitize=address,undefined', '-fno-sanitize-recover=all', '-fno-omit-frame-pointer'];
const SANITIZER_ENV = {
  ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? 'abort_on_error=0:detect_leaks=1',
  UBSAN_OPTIONS: process.env.UBSAN_OPTIONS ?? 'print_stacktrace=1:halt_on_error=1',
};

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  process.stderr.write(`host-test: ${message}\n`);
  process.exit(1);
}

function findCompiler() {
  const candidates = [process.env.CC ?? '', 'cc', 'gcc', 'clang'].filter((c) => c.trim() !== '');
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['--version'], { stdio: 'ignore' });
    if (!probe.error && probe.status === 0) return candidate;
  }
  return null;
}

/**
 * @param {string} compiler
 * @param {string[]} flags
 * @param {string[]} inputs
 * @param {string} output
 */
function compile(compiler, flags, inputs, output) {
  return spawnSync(compiler, [...flags, ...inputs, '-o', output], { encoding: 'utf8' });
}

/**
 * True when a tiny program builds and runs with the sanitizers (some platforms or sandboxes cannot).
 * @param {string} compiler
 */
function sanitizersWork(compiler) {
  const probeSource = join(buildDir, 'sanitizer_probe.c');
  const probeExe = join(buildDir, `sanitizer_probe${exeSuffix}`);
  writeFileSync(probeSource, '#include <stdlib.h>\nint main(void) { char *p = malloc(4); p[0] = 1; free(p); return 0; }\n');
  const built = compile(compiler, [...STRICT_FLAGS, ...SANITIZER_FLAGS], [probeSource], probeExe);
  if (built.error || built.status !== 0) return false;
  const ran = spawnSync(probeExe, [], { stdio: 'ignore', env: { ...process.env, ...SANITIZER_ENV } });
  return !ran.error && ran.status === 0;
}

const compiler = findCompiler();
if (!compiler) {
  fail('no C compiler found: tried $CC, cc, gcc and clang. Install one (e.g. build-essential, Xcode command line tools) and run again.');
}
mkdirSync(buildDir, { recursive: true });

const withSanitizers = sanitizersWork(compiler);
let flags = withSanitizers ? [...STRICT_FLAGS, ...SANITIZER_FLAGS] : STRICT_FLAGS;
let build = compile(compiler, flags, sources, testExe);
if ((build.error || build.status !== 0) && withSanitizers) {
  // The probe passed but the real build did not: retry plainly so a compile error is reported once, cleanly.
  flags = STRICT_FLAGS;
  build = compile(compiler, flags, sources, testExe);
}
if (build.error) fail(`could not run ${compiler}: ${build.error.message}`);
if (build.status !== 0) {
  process.stderr.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? '');
  fail(`compiling the C codec test failed (${compiler} ${flags.join(' ')})`);
}
process.stdout.write(`host-test: ${compiler} ${flags.join(' ')}\n`);

const child = spawn(testExe, [vectorsPath], {
  stdio: 'inherit',
  env: flags === STRICT_FLAGS ? process.env : { ...process.env, ...SANITIZER_ENV },
});
child.on('error', (error) => fail(`could not run ${testExe}: ${error.message}`));
child.on('exit', (code, signal) => {
  if (signal) {
    process.stderr.write(`host-test: the test was killed by ${signal}\n`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});
