/** The firmware size section reads the runner's JSON through its schema and prints every figure. */
import { describe, expect, it } from 'vitest';
import { firmwareSizeSchema, formatFirmwareSizeBench } from './firmware-size-bench';

const sample = {
  compiler: 'arm-none-eabi-gcc 12.2.1 -Os -mcpu=cortex-m4',
  codec: { flashBytes: 1616, ramBytes: 0, text: 1616, data: 0, bss: 0 },
  core: { flashBytes: 3924, ramBytes: 0, text: 3924, data: 0, bss: 0 },
  image: { flashBytes: 5568, ramBytes: 2792, text: 5504, data: 64, bss: 2728 },
  sensorStateBytes: 672,
};

describe('firmware size bench', () => {
  it('formats flash and RAM per part', () => {
    const text = formatFirmwareSizeBench(firmwareSizeSchema.parse(sample));
    expect(text).toMatch(/codec\s+1\.6 KB\s+0\.0 KB/);
    expect(text).toMatch(/core\s+3\.8 KB\s+0\.0 KB.*672 B per roller_sensor/);
    expect(text).toMatch(/core image, linked\s+5\.4 KB\s+2\.7 KB/);
  });

  it('refuses output without the figures', () => {
    expect(firmwareSizeSchema.safeParse({ ...sample, core: { flashBytes: -1 } }).success).toBe(false);
  });
});
