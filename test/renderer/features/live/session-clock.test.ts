import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../../../renderer/bridge/contract';
import { sessionElapsedS, todayRollingS } from '../../../../renderer/features/live/session-clock';

const session = (over: Partial<SessionStatus>): SessionStatus => ({
  state: 'running',
  sessionId: 1,
  startedAt: null,
  elapsedS: 10,
  figures: null,
  todayRollingS: 100,
  dailyBudgetS: 600,
  endReason: null,
  saveProblem: null,
  ...over,
});

describe('session clock', () => {
  it('runs on between status updates while the session runs', () => {
    expect(sessionElapsedS(session({}), 1000, 3500)).toBe(12.5);
    expect(sessionElapsedS(session({ state: 'ended' }), 1000, 3500)).toBe(10);
    expect(sessionElapsedS(session({}), 5000, 1000)).toBe(10);
  });
  it('shows main’s newest figure for today: the status, or a later live batch while running', () => {
    expect(todayRollingS(session({}), { rollingS: 12, todayRollingS: 104 })).toBe(104);
    expect(todayRollingS(session({}), { rollingS: 6, todayRollingS: 98 })).toBe(100); // an older batch
    expect(todayRollingS(session({}), null)).toBe(100);
    expect(todayRollingS(session({ state: 'ended' }), { rollingS: 12, todayRollingS: 104 })).toBe(100);
  });
});
