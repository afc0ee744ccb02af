import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../../../renderer/bridge/contract';
import { sessionElapsedS, todayRollingS } from '../../../../renderer/features/live/session-clock';

const session = (over: Partial<SessionStatus>): SessionStatus => ({
  state: 'running',
  sessionId: 1,
  startedAt: null,
  elapsedS: 10,
  rollingS: 8,
  todayRollingS: 100,
  dailyBudgetS: 600,
  endReason: null,
  warnings: 0,
  saveProblem: null,
  ...over,
});

describe('session clock', () => {
  it('runs on between status updates while the session runs', () => {
    expect(sessionElapsedS(session({}), 1000, 3500)).toBe(12.5);
    expect(sessionElapsedS(session({ state: 'ended' }), 1000, 3500)).toBe(10);
    expect(sessionElapsedS(session({}), 5000, 1000)).toBe(10);
  });
  it('adds rolling seen since the last status to today', () => {
    expect(todayRollingS(session({}), 4)).toBe(104);
    expect(todayRollingS(session({ state: 'ended' }), 4)).toBe(100);
  });
});
