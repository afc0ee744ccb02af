/** The host token's comparison: bytes of equal length, never throwing. */
import { describe, expect, it } from 'vitest';
import { newHostToken, tokenMatches } from '../../../electron/host/host-token';

describe('host token', () => {
  const token = newHostToken();

  it('is 128 random bits in hex, new each run', () => {
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(newHostToken()).not.toBe(token);
  });

  it('matches only the token itself', () => {
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches('F'.repeat(32), 'f'.repeat(32))).toBe(false);
    expect(tokenMatches(`${token.slice(0, 31)}${token[31] === '0' ? '1' : '0'}`, token)).toBe(false);
    expect(tokenMatches(null, token)).toBe(false);
    expect(tokenMatches(undefined, token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
  });

  it('refuses, without throwing, text whose characters and bytes count differently', () => {
    // 32 characters but 33 bytes: the host used to compare lengths in characters and throw.
    expect(tokenMatches(`é${token.slice(1)}`, token)).toBe(false);
    expect(tokenMatches(`😀${token.slice(2)}`, token)).toBe(false);
    expect(tokenMatches(`\ud800${token.slice(1)}`, token)).toBe(false);
    expect(tokenMatches(token.slice(0, 31), token)).toBe(false);
    expect(tokenMatches(`${token}0`, token)).toBe(false);
    expect(tokenMatches('x'.repeat(100_000), token)).toBe(false);
  });
});
