import { describe, it, expect } from 'vitest';
import {
  WITMOTION_RATE_CODES,
  WITMOTION_SUPPORTED_RATES_HZ,
  witmotionRateCode,
  witmotionRateHzFromCode,
  witmotionReadRegisterCommand,
  witmotionSaveCommand,
  witmotionSetRateCommand,
  witmotionSetRateSequence,
  witmotionUnlockCommand,
} from '../../../sensor-protocol/witmotion/witmotion-commands';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

describe('WitMotion commands', () => {
  it('builds unlock, save, set-rate and read-register bytes', () => {
    expect(hex(witmotionUnlockCommand())).toBe('FF AA 69 88 B5');
    expect(hex(witmotionSaveCommand())).toBe('FF AA 00 00 00');
    expect(hex(witmotionSetRateCommand(0x09))).toBe('FF AA 03 09 00');
    expect(hex(witmotionReadRegisterCommand(0x3a))).toBe('FF AA 27 3A 00');
    expect(hex(witmotionReadRegisterCommand(0x03))).toBe('FF AA 27 03 00');
  });

  it('returns a fresh array each time', () => {
    const a = witmotionUnlockCommand();
    a[0] = 0;
    expect(hex(witmotionUnlockCommand())).toBe('FF AA 69 88 B5');
  });

  it('refuses register addresses outside one byte', () => {
    expect(() => witmotionReadRegisterCommand(0x100)).toThrow(RangeError);
    expect(() => witmotionReadRegisterCommand(-1)).toThrow(RangeError);
    expect(() => witmotionReadRegisterCommand(1.5)).toThrow(RangeError);
  });

  it('maps every supported rate to its code and back', () => {
    const table: Array<[number, number]> = [
      [0.2, 0x01],
      [0.5, 0x02],
      [1, 0x03],
      [2, 0x04],
      [5, 0x05],
      [10, 0x06],
      [20, 0x07],
      [50, 0x08],
      [100, 0x09],
      [200, 0x0a],
    ];
    expect(WITMOTION_RATE_CODES.map((e) => [e.rateHz, e.code])).toEqual(table);
    for (const [rateHz, code] of table) {
      expect(witmotionRateCode(rateHz)).toEqual({ ok: true, rateHz, code });
      expect(witmotionRateHzFromCode(code)).toBe(rateHz);
    }
    expect(witmotionRateCode(1 / 5)).toMatchObject({ ok: true, code: 0x01 });
    expect(witmotionRateHzFromCode(0x0b)).toBeNull();
  });

  it('refuses an unsupported rate with the list of supported ones', () => {
    for (const rateHz of [0, 25, 150, 400, -10, Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = witmotionRateCode(rateHz);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.reason).toBe('unsupported-rate');
      expect(r.supportedHz).toEqual([0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200]);
      expect(r.supportedHz).toBe(WITMOTION_SUPPORTED_RATES_HZ);
      expect(r.message).toContain('not supported');
    }
  });

  it('builds the unlock, set-rate, save sequence', () => {
    const seq = witmotionSetRateSequence(100);
    expect(seq.ok).toBe(true);
    if (!seq.ok) return;
    expect(seq.commands.map(hex)).toEqual(['FF AA 69 88 B5', 'FF AA 03 09 00', 'FF AA 00 00 00']);
    const fast = witmotionSetRateSequence(200);
    expect(fast.ok && fast.commands.map(hex)[1]).toBe('FF AA 03 0A 00');
    expect(witmotionSetRateSequence(30)).toMatchObject({ ok: false, reason: 'unsupported-rate', requestedHz: 30 });
  });
});
