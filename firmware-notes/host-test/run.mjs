#!/usr/bin/env node
/**
 * Builds and runs the C tests (codec golden vectors + firmware core) on two targets:
 *
 *   host             the machine's C compiler, with AddressSanitizer and UndefinedBehaviorSanitizer
 *                    when they work here; reads sensor-protocol/vectors/protocol-v1.vectors from disk;
 *                    also builds host-loop/ and streams 2 s of motion through it (a failed run fails host)
 *   cortex-m4 (qemu) arm-none-eabi-gcc + picolibc for Cortex-M4F (-mcpu=cortex-m4 -mfpu=fpv4-sp-d16
 *                    -mfloat-abi=hard), run under qemu-system-arm -M mps2-an386 with semihosting;
 *                    the vectors file is compiled in (build/cortex-m4/vectors_embedded.c)
 *
 *   node firmware-notes/host-test/run.mjs             (what `npm run test:c` runs)
 *   node firmware-notes/host-test/run.mjs --verbose   every test's line, not only failures
 *   node firmware-notes/host-test/run.mjs --size-json flash and RAM of the core on the Cortex-M4 (bench)
 *
 * Prints one line per target, "host: N passed, M failed" and "cortex-m4 (qemu): N passed, M
 * failed" (after the lines of any failed test), and exits non-zero when either target fails.
 * Both targets compile with -std=c99 -Wall -Wextra -Werror -pedantic. A missing tool fails at
 * once with the one command that installs it; nothing is skipped. $CC overrides the host compiler.
 * Output goes to firmware-notes/host-test/build/ (gitignored). No dependencies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const notesDir = resolve(here, '..');
const repoDir = resolve(notesDir, '..');
const buildDir = join(here, 'build');
const exeSuffix = process.platform === 'win32' ? '.exe' : '';
const vectorsPath = join(repoDir, 'sensor-protocol', 'vectors', 'protocol-v1.vectors');
const args = new Set(process.argv.slice(2));
const verbose = args.has('--verbose');

const QEMU_TIMEOUT_MS = 120_000;
const APT_PACKAGES = { 'arm-none-eabi-gcc': 'gcc-arm-none-eabi', picolibc: 'picolibc-arm-none-eabi', 'qemu-system-arm': 'qemu-system-arm' };

const codec = ['codec/roller_frame.c'];
const core = ['roller_lsm6.c', 'roller_clock.c', 'roller_batch.c', 'roller_calibration.c', 'roller_battery.c', 'roller_sensor.c'].map((f) => `core/${f}`);
const doubles = ['doubles/lsm6_model.c', 'doubles/link_model.c'];
const tests = [
  'roller_check.c',
  'roller_frame_test.c',
  'lsm6_test.c',
  'lsm6_model_test.c',
  'clock_test.c',
  'batch_test.c',
  'calibration_test.c',
  'battery_test.c',
  'test_board.c',
  'sensor_test.c',
].map((f) => `host-test/${f}`);
/** @param {string[]} files */
const inNotes = (files) => files.map((f) => join(notesDir, f));

const STRICT_FLAGS = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic', '-g'];
const SANITIZER_FLAGS = ['-fsanitize=address,undefined', '-fno-sanitize-recover=all', '-fno-omit-frame-pointer'];
const SANITIZER_ENV = {
  ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? 'abort_on_error=0:detect_leaks=1',
  UBSAN_OPTIONS: process.env.UBSAN_OPTIONS ?? 'print_stacktrace=1:halt_on_error=1',
};
export const CORTEX_M4_FLAGS = ['-mcpu=cortex-m4', '-mfpu=fpv4-sp-d16', '-mfloat-abi=hard', '-mthumb'];
/* mps2-an386: 4 MB of code memory at 0, 4 MB of SRAM at 0x20000000; picolibc.ld places the image. */
const MPS2_AN386_LINK = [
  '-Wl,--defsym=__flash=0x00000000',
  '-Wl,--defsym=__flash_size=0x00400000',
  '-Wl,--defsym=__ram=0x20000000',
  '-Wl,--defsym=__ram_size=0x00400000',
  '-Wl,--defsym=__stack_size=0x10000',
];

/** @param {string} message @returns {never} */
function fail(message) {
  process.stderr.write(`test:c: ${message}\n`);
  process.exit(1);
}

/** @param {string} cmd @param {string[]} cmdArgs */
const works = (cmd, cmdArgs) => {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'ignore' });
  return !r.error && r.status === 0;
};

function findHostCompiler() {
  const candidates = [process.env.CC, 'cc', 'gcc', 'clang'].filter(/** @returns {c is string} */ (c) => typeof c === 'string' && c.trim() !== '');
  return candidates.find((c) => works(c, ['--version'])) ?? null;
}

/** The ARM tools, or the one apt-get command that installs what is missing. */
function checkArmTools() {
  const missing = [];
  if (!works('arm-none-eabi-gcc', ['--version'])) missing.push(APT_PACKAGES['arm-none-eabi-gcc']);
  else {
    const specs = spawnSync('arm-none-eabi-gcc', ['-print-file-name=picolibc.specs'], { encoding: 'utf8' });
    const path = (specs.stdout ?? '').trim();
    if (!path || !existsSync(path)) missing.push(APT_PACKAGES.picolibc);
  }
  if (!works('qemu-system-arm', ['--version'])) missing.push(APT_PACKAGES['qemu-system-arm']);
  if (missing.length > 0) {
    fail(`the Cortex-M4 target needs ${missing.join(', ')}: install with\n  apt-get install -y ${missing.join(' ')}`);
  }
}

/** @param {string} compiler @param {string[]} flags @param {string[]} inputs @param {string} output */
function compile(compiler, flags, inputs, output) {
  return spawnSync(compiler, [...flags, ...inputs, '-o', output, '-lm'], { encoding: 'utf8' });
}

/** @param {string} label @param {import('node:child_process').SpawnSyncReturns<string>} result @param {string} command */
function reportBuildFailure(label, result, command) {
  process.stderr.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  fail(`${label}: compiling failed (${command})${result.error ? `: ${result.error.message}` : ''}`);
}

/** True when a tiny program builds and runs with the sanitizers (some platforms or sandboxes cannot). */
/** @param {string} compiler @param {string} dir */
function sanitizersWork(compiler, dir) {
  const probeSource = join(dir, 'sanitizer_probe.c');
  const probeExe = join(dir, `sanitizer_probe${exeSuffix}`);
  writeFileSync(probeSource, '#include <stdlib.h>\nint main(void) { char *p = malloc(4); p[0] = 1; free(p); return 0; }\n');
  const built = compile(compiler, [...STRICT_FLAGS, ...SANITIZER_FLAGS], [probeSource], probeExe);
  if (built.error || built.status !== 0) return false;
  const ran = spawnSync(probeExe, [], { stdio: 'ignore', env: { ...process.env, ...SANITIZER_ENV } });
  return !ran.error && ran.status === 0;
}

/** The summary line and the failed tests' lines from a run's output. */
/** @param {string} label @param {string} output @param {number | null} status @param {string} [extra] */
function summarize(label, output, status, extra = '') {
  const lines = output.split(/\r?\n/);
  const summary = [...lines].reverse().find((l) => /^\d+ passed, \d+ failed$/.test(l));
  for (const line of lines) {
    if (verbose ? line !== '' && line !== summary : line.startsWith('FAIL')) process.stdout.write(`  ${line}\n`);
  }
  if (!summary) {
    process.stdout.write(`${label}: no result${extra}\n`);
    return false;
  }
  const failed = Number(/(\d+) failed/.exec(summary)?.[1]);
  process.stdout.write(`${label}: ${summary}${extra}\n`);
  return failed === 0 && status === 0;
}

function runHost() {
  const compiler = findHostCompiler();
  if (!compiler) fail('no C compiler found: tried $CC, cc, gcc and clang. Install one (apt-get install -y gcc libc6-dev) and run again.');
  const dir = join(buildDir, 'host');
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, `roller_tests${exeSuffix}`);
  const sources = inNotes([...codec, ...core, ...doubles, ...tests, 'host-test/main_host.c']);
  const withSanitizers = sanitizersWork(compiler, dir);
  let flags = withSanitizers ? [...STRICT_FLAGS, '-O1', ...SANITIZER_FLAGS] : [...STRICT_FLAGS, '-O1'];
  let build = compile(compiler, flags, sources, exe);
  if ((build.error || build.status !== 0) && withSanitizers) {
    flags = [...STRICT_FLAGS, '-O1']; // report a compile error once, cleanly
    build = compile(compiler, flags, sources, exe);
  }
  if (build.error || build.status !== 0) reportBuildFailure('host', build, `${compiler} ${flags.join(' ')}`);
  const ran = spawnSync(exe, [vectorsPath], {
    encoding: 'utf8',
    env: withSanitizers ? { ...process.env, ...SANITIZER_ENV } : process.env,
  });
  if (ran.error) fail(`host: could not run ${exe}: ${ran.error.message}`);
  process.stderr.write(ran.stderr ?? '');
  const loopOk = smokeHostLoop(compiler, flags, dir, withSanitizers);
  const testsOk = summarize('host', ran.stdout ?? '', ran.status ?? 1, withSanitizers ? '' : ' (without sanitizers: they do not work here)');
  return testsOk && loopOk;
}

/**
 * Builds host-loop/ (motion on stdin -> chip model -> core -> link -> notifications on stdout)
 * with the host's flags and runs it on 2 s of a roller turning at 50 deg/s, streamed at 104 Hz
 * in frames of 2: every sample must arrive in a frame, none dropped.
 */
/** @param {string} compiler @param {string[]} flags @param {string} dir @param {boolean} withSanitizers */
function smokeHostLoop(compiler, flags, dir, withSanitizers) {
  const exe = join(dir, `host_loop${exeSuffix}`);
  const build = compile(compiler, flags, inNotes([...codec, ...core, ...doubles, 'host-loop/host_loop.c']), exe);
  if (build.error || build.status !== 0) reportBuildFailure('host-loop', build, `${compiler} ${flags.join(' ')}`);
  // The configuration and start as a central writes them (the bytes), then a sync answer.
  const input = ['write 0 config 01 64 00 04 F4 01 02', 'write 0 control 01'];
  for (let i = 0; i <= 200; i++) input.push(`imu ${(i / 100).toFixed(2)} 0 0 1 50 0 0`);
  input.push('sync 2');
  const ran = spawnSync(exe, ['--interval-ms', '15', '--mtu', '247'], {
    input: `${input.join('\n')}\n`,
    encoding: 'utf8',
    env: withSanitizers ? { ...process.env, ...SANITIZER_ENV } : process.env,
  });
  const out = ran.stdout ?? '';
  const frames = out.split('\n').filter((l) => / stream 01 02 /.test(l)).length;
  const summary = /^# (\d+) taken, (\d+) dropped, (\d+) frames$/m.exec(out);
  const writes = out.split('\n').filter((l) => / write-ok (config|control)$/.test(l)).length;
  const synced = /^2\.000000 sync \d+ 0 \d+ 0$/m.test(out);
  const ok = !ran.error && ran.status === 0 && summary !== null && summary[2] === '0' && frames >= 95 && frames <= 104 && writes === 2 && synced;
  if (!ok || verbose) {
    process.stdout.write(
      `  ${ok ? 'ok  ' : 'FAIL'} host-loop: 2 s at 104 Hz, frames of 2: ${writes}/2 writes accepted, ${frames} frames delivered, ${summary ? `${summary[1]} taken, ${summary[2]} dropped` : 'no summary line'}${synced ? '' : ', no sync answer'}\n`,
    );
    if (!ok) process.stderr.write(ran.stderr ?? '');
  }
  return ok;
}

/** @param {string} dir */
function writeEmbeddedVectors(dir) {
  const bytes = readFileSync(vectorsPath);
  const rows = [];
  for (let i = 0; i < bytes.length; i += 24) rows.push(`  ${Array.from(bytes.subarray(i, i + 24)).join(', ')},`);
  const file = join(dir, 'vectors_embedded.c');
  writeFileSync(
    file,
    `/* Generated by firmware-notes/host-test/run.mjs from sensor-protocol/vectors/protocol-v1.vectors. */\n` +
      `const char roller_vectors_text[] = {\n${rows.join('\n')}\n  0};\n` +
      `const unsigned long roller_vectors_size = ${bytes.length}ul;\n`,
  );
  return file;
}

const ARM_COMMON = ['--specs=picolibc.specs', ...CORTEX_M4_FLAGS, ...STRICT_FLAGS];

function runCortexM4() {
  const dir = join(buildDir, 'cortex-m4');
  mkdirSync(dir, { recursive: true });
  const elf = join(dir, 'roller_tests.elf');
  const sources = [...inNotes([...codec, ...core, ...doubles, ...tests, 'host-test/main_cortex_m4.c']), writeEmbeddedVectors(dir)];
  const flags = [...ARM_COMMON, '--oslib=semihost', '-O2', '-DROLLER_VECTORS_IN_MEMORY', ...MPS2_AN386_LINK];
  const build = compile('arm-none-eabi-gcc', flags, sources, elf);
  if (build.error || build.status !== 0) reportBuildFailure('cortex-m4', build, `arm-none-eabi-gcc ${flags.join(' ')}`);
  const ran = spawnSync(
    'qemu-system-arm',
    ['-M', 'mps2-an386', '-display', 'none', '-serial', 'none', '-monitor', 'none', '-chardev', 'stdio,id=semihost', '-semihosting-config', 'enable=on,target=native,chardev=semihost', '-kernel', elf],
    { encoding: 'utf8', timeout: QEMU_TIMEOUT_MS, killSignal: 'SIGKILL', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (ran.error && /** @type {NodeJS.ErrnoException} */ (ran.error).code === 'ETIMEDOUT') {
    summarize('cortex-m4 (qemu)', ran.stdout ?? '', 1);
    fail(`cortex-m4 (qemu): no exit within ${QEMU_TIMEOUT_MS / 1000} s; stopped`);
  }
  if (ran.error) fail(`cortex-m4 (qemu): could not run qemu-system-arm: ${ran.error.message}`);
  process.stderr.write(ran.stderr ?? '');
  return summarize('cortex-m4 (qemu)', ran.stdout ?? '', ran.status ?? 1);
}

/** Flash (text + data) and RAM (data + bss) of the codec, the core and a linked image, in bytes. */
function sizes() {
  const dir = join(buildDir, 'cortex-m4-size');
  mkdirSync(dir, { recursive: true });
  const sizeFlags = [...ARM_COMMON, '-Os', '-ffunction-sections', '-fdata-sections'];
  /** @param {string[]} files */
  const objects = (files) =>
    files.map((f) => {
      const out = join(dir, f.replace(/[/.]/g, '_') + '.o');
      const r = spawnSync('arm-none-eabi-gcc', [...sizeFlags, '-c', join(notesDir, f), '-o', out], { encoding: 'utf8' });
      if (r.error || r.status !== 0) reportBuildFailure('size', r, `arm-none-eabi-gcc ${sizeFlags.join(' ')} -c ${f}`);
      return out;
    });
  /** @param {string[]} files */
  const measure = (files) => {
    const r = spawnSync('arm-none-eabi-size', ['-t', ...files], { encoding: 'utf8' });
    if (r.error || r.status !== 0) fail(`arm-none-eabi-size failed: ${r.stderr ?? r.error?.message}`);
    const [text = 0, data = 0, bss = 0] = (r.stdout.trim().split('\n').pop() ?? '').trim().split(/\s+/).map(Number);
    return { flashBytes: text + data, ramBytes: data + bss, text, data, bss };
  };
  const image = join(dir, 'core_image.elf');
  const link = compile('arm-none-eabi-gcc', [...sizeFlags, '-Wl,--gc-sections', ...MPS2_AN386_LINK], inNotes([...codec, ...core, 'host-test/size_image.c']), image);
  if (link.error || link.status !== 0) reportBuildFailure('size', link, 'arm-none-eabi-gcc (core image)');
  const gcc = spawnSync('arm-none-eabi-gcc', ['-dumpversion'], { encoding: 'utf8' }).stdout.trim();
  const nm = spawnSync('arm-none-eabi-nm', ['-S', image], { encoding: 'utf8' }).stdout ?? '';
  const stateLine = nm.split('\n').find((l) => / sensor$/.test(l));
  const sensorStateBytes = stateLine ? parseInt(stateLine.trim().split(/\s+/)[1] ?? '', 16) : NaN;
  return {
    compiler: `arm-none-eabi-gcc ${gcc} -Os ${CORTEX_M4_FLAGS.join(' ')}`,
    codec: measure(objects(codec)),
    core: measure(objects(core)),
    image: measure([image]),
    sensorStateBytes,
  };
}

const armReady = () => checkArmTools();

if (args.has('--size-json')) {
  armReady();
  process.stdout.write(`${JSON.stringify(sizes())}\n`);
} else {
  armReady(); // fail at once, before any build, when a tool is missing
  const hostOk = runHost();
  const armOk = runCortexM4();
  process.exit(hostOk && armOk ? 0 : 1);
}
