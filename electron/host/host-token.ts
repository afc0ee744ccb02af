/**
 * The browser host's token: 128 random bits per run, required for the page and the API socket.
 * Compared as UTF-8 bytes: unequal byte lengths are refused first (the length of a token is no
 * secret), equal ones in constant time. Never throws, whatever the text given (non-ASCII, lone
 * surrogates, any length).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function newHostToken(): string {
  return randomBytes(16).toString('hex');
}

export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
