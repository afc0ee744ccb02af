import { describe, expect, it } from 'vitest';
import { spineLevel } from '../../../../renderer/features/live/spine-level';

describe('spine level', () => {
  const N = 21;
  const L = 14;
  it('puts T7 at the start spot, C7 at the neck boundary and L1 at the end of the ribs', () => {
    expect(spineLevel(0, N, L)).toBe('T7');
    expect(spineLevel(N, N, L)).toBe('C7');
    expect(spineLevel(-L, N, L)).toBe('L1');
  });
  it('spreads the levels in between evenly', () => {
    expect(spineLevel(N / 7, N, L)).toBe('T6');
    expect(spineLevel((6 * N) / 7, N, L)).toBe('T1');
    expect(spineLevel(-L / 6, N, L)).toBe('T8');
    expect(spineLevel((-5 * L) / 6, N, L)).toBe('T12');
  });
  it('continues beyond the boundaries', () => {
    expect(spineLevel(N + N / 7, N, L)).toBe('C6');
    expect(spineLevel(N + 20 * N, N, L)).toBe('C1');
    expect(spineLevel(-L - L / 6, N, L)).toBe('L2');
    expect(spineLevel(-L - 5 * L, N, L)).toBe('sacrum');
    expect(spineLevel(Number.NaN, N, L)).toBe('–');
  });
});
