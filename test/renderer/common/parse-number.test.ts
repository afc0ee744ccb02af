import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../renderer/common/parse-number';

describe('parseNumber', () => {
  it('reads what people type', () => {
    expect(parseNumber('5.5')).toBe(5.5);
    expect(parseNumber(' 5,5 ')).toBe(5.5);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('12')).toBe(12);
  });
  it('refuses what is not a number', () => {
    for (const t of ['', '  ', 'abc', '5in', '1e3', '5.5.5', '--1']) expect(parseNumber(t)).toBeNull();
  });
});
