import { describe, expect, it } from 'vitest';
import { budgetProgress } from '../../../../renderer/features/live/budget-progress';

describe('budget progress', () => {
  it('shows today against the budget', () => {
    expect(budgetProgress(300, 600)).toEqual({ fraction: 0.5, over: false, text: '5:00 of 10:00 today' });
    expect(budgetProgress(600, 600)).toMatchObject({ fraction: 1, over: true });
    expect(budgetProgress(900, 600)).toMatchObject({ fraction: 1, over: true, text: '15:00 of 10:00 today' });
  });
  it('falls back to 10 minutes for a missing budget', () => {
    expect(budgetProgress(60, 0).fraction).toBeCloseTo(0.1);
  });
});
