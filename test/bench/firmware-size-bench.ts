/**
 * Flash and RAM of the firmware on the Cortex-M4F (arm-none-eabi-gcc -Os, picolibc), measured with
 * arm-none-eabi-size by `node firmware-notes/host-test/run.mjs --size-json`: the codec and the
 * core as object code (what a board build adds, before its own stack and libraries), and the
 * smallest linked image that runs the core (with picolibc's start-up and the core's state).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const RUNNER = fileURLToPath(new URL('../../firmware-notes/host-test/run.mjs', import.meta.url));

const sectionSizes = z.object({
  flashBytes: z.number().int().nonnegative(),
  ramBytes: z.number().int().nonnegative(),
  text: z.number().int().nonnegative(),
  data: z.number().int().nonnegative(),
  bss: z.number().int().nonnegative(),
});

export const firmwareSizeSchema = z.object({
  compiler: z.string(),
  codec: sectionSizes,
  core: sectionSizes,
  image: sectionSizes,
  sensorStateBytes: z.number().int().positive(),
});
export type FirmwareSizes = z.infer<typeof firmwareSizeSchema>;

/** Builds and measures; an error names the runner's own message (e.g. the apt-get command for a missing tool). */
export function runFirmwareSizeBench(): FirmwareSizes {
  const res = spawnSync(process.execPath, [RUNNER, '--size-json'], { encoding: 'utf8' });
  if (res.error) throw new Error(`firmware size: could not run ${RUNNER}: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`firmware size: ${RUNNER} failed: ${(res.stderr ?? '').trim()}`);
  const parsed = firmwareSizeSchema.safeParse(JSON.parse(res.stdout.trim().split('\n').pop() ?? 'null'));
  if (!parsed.success) throw new Error(`firmware size: unexpected output from ${RUNNER}: ${parsed.error.message}`);
  return parsed.data;
}

export function formatFirmwareSizeBench(r: FirmwareSizes): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(8);
  const row = (name: string, s: z.infer<typeof sectionSizes>, note: string) => `${name.padEnd(22)} ${kb(s.flashBytes)} ${kb(s.ramBytes)}   ${note}`;
  return [
    `\n## Firmware on the Cortex-M4F (${r.compiler})`,
    `${''.padEnd(22)}    flash      RAM`,
    row('codec', r.codec, 'firmware-notes/codec/'),
    row('core', r.core, `firmware-notes/core/ (its state is the board's: ${r.sensorStateBytes} B per roller_sensor)`),
    row('core image, linked', r.image, 'core + codec + picolibc start-up and the state, stubs for the hardware; stack not included'),
  ].join('\n');
}
