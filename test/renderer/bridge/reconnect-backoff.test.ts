import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from '../../../renderer/bridge/reconnect-backoff';

describe('reconnect backoff', () => {
  it('doubles from the first delay up to the cap', () => {
    const p = { firstMs: 500, maxMs: 8000 };
    expect([1, 2, 3, 4, 5, 6, 50].map((a) => reconnectDelayMs(a, p))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
  it('treats nonsense attempts as the first', () => {
    expect(reconnectDelayMs(0)).toBe(500);
    expect(reconnectDelayMs(-4)).toBe(500);
  });
});
