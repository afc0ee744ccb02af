import { describe, expect, it } from 'vitest';
import { signalStrength } from '../../../../renderer/features/pair/signal-strength';

describe('signal strength', () => {
  it('maps dBm to bars and words', () => {
    expect(signalStrength(-50)).toEqual({ bars: 4, word: 'strong' });
    expect(signalStrength(-60)).toEqual({ bars: 4, word: 'strong' });
    expect(signalStrength(-65).bars).toBe(3);
    expect(signalStrength(-75).bars).toBe(2);
    expect(signalStrength(-85).bars).toBe(1);
    expect(signalStrength(-95)).toEqual({ bars: 0, word: 'very weak' });
  });
  it('does not pretend to know a missing reading', () => {
    expect(signalStrength(0).word).toBe('unknown');
    expect(signalStrength(Number.NaN).bars).toBe(0);
  });
});
