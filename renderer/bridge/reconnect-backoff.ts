/** Delay before reconnect attempt `attempt` (1, 2, …): doubling from `firstMs`, capped at `maxMs`. */
export interface BackoffPolicy {
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { firstMs: 500, maxMs: 8000 };

export function reconnectDelayMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(policy.maxMs, policy.firstMs * 2 ** Math.min(n - 1, 30));
}
