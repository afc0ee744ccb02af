#!/usr/bin/env node
/**
 * The system tools `npm test` needs, beside Node: a C compiler (the firmware's host tests), the
 * ARM cross compiler with picolibc and QEMU (the firmware on a Cortex-M4), dbus-daemon (the
 * Bluetooth tests against a fake BlueZ) and Debian's Chromium (the end-to-end tests).
 *
 *   node test/support/system-tools.mjs     (the first step of `npm test`)
 *
 * Missing tools are installed with apt-get when this runs as root on a machine that has it;
 * otherwise it stops at once with one line naming the command that installs them. A missing
 * tool never turns into skipped tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** @typedef {{ name: string; what: string; present: () => boolean }} Tool */

/** @param {string} command */
const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** @type {Tool[]} */
export const SYSTEM_TOOLS = [
  { name: 'gcc', what: 'a C compiler', present: () => onPath('cc') || onPath('gcc') || onPath('clang') },
  { name: 'libc6-dev', what: "the C library's headers", present: () => existsSync('/usr/include/stdio.h') || process.platform !== 'linux' },
  { name: 'gcc-arm-none-eabi', what: 'the ARM cross compiler', present: () => onPath('arm-none-eabi-gcc') },
  { name: 'picolibc-arm-none-eabi', what: 'picolibc for ARM', present: () => existsSync('/usr/lib/picolibc/arm-none-eabi/picolibc.specs') },
  { name: 'qemu-system-arm', what: 'QEMU for ARM', present: () => onPath('qemu-system-arm') },
  { name: 'dbus', what: 'dbus-daemon', present: () => onPath('dbus-daemon') },
  { name: 'chromium', what: "Debian's Chromium", present: () => onPath('chromium') || existsSync('/usr/bin/chromium') },
];

/** The Debian packages of the tools that are missing here. */
export function missingPackages() {
  return SYSTEM_TOOLS.filter((t) => !t.present()).map((t) => t.name);
}

function main() {
  const missing = missingPackages();
  if (missing.length === 0) return 0;
  const command = `apt-get install -y ${missing.join(' ')}`;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !onPath('apt-get')) {
    process.stderr.write(`npm test needs ${missing.join(', ')}: install them with  sudo ${command}  and run it again\n`);
    return 1;
  }
  process.stdout.write(`npm test: installing ${missing.join(', ')} (${command})\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env }) : update;
  const still = missingPackages();
  if (install.status !== 0 || still.length > 0) {
    process.stderr.write(`npm test: could not install ${still.join(', ') || missing.join(', ')}: run  ${command}  and run it again\n`);
    return 1;
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
