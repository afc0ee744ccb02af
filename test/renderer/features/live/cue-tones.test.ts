import { describe, expect, it } from 'vitest';
import { CoachEventKindSchema } from '../../../../electron/ipc/ipc-contract';
import { CUE_TONES, cueLengthS } from '../../../../renderer/features/live/cue-tones';

describe('cue tones', () => {
  it('gives every warning kind its own pattern', () => {
    const signatures = CoachEventKindSchema.options.map((k) => JSON.stringify(CUE_TONES[k].map((t) => [t.freqHz, t.startS, t.wave])));
    expect(new Set(signatures).size).toBe(CoachEventKindSchema.options.length);
  });
  it('keeps cues short and audible', () => {
    for (const k of CoachEventKindSchema.options) {
      expect(cueLengthS(k)).toBeGreaterThan(0.1);
      expect(cueLengthS(k)).toBeLessThan(1);
      for (const t of CUE_TONES[k]) {
        expect(t.freqHz).toBeGreaterThanOrEqual(200);
        expect(t.freqHz).toBeLessThanOrEqual(2000);
        expect(t.gain).toBeGreaterThan(0);
        expect(t.gain).toBeLessThanOrEqual(1);
      }
    }
  });
});
