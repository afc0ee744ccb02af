/** Today's rolling time against the daily budget. */
import { formatClock } from '../../common/time-format';

export interface BudgetProgress {
  /** Bar fill, 0…1. */
  fraction: number;
  over: boolean;
  /** "6:10 of 10:00 today". */
  text: string;
}

export function budgetProgress(todayS: number, budgetS: number): BudgetProgress {
  const today = Number.isFinite(todayS) && todayS > 0 ? todayS : 0;
  const budget = budgetS > 0 ? budgetS : 600;
  return {
    fraction: Math.min(1, today / budget),
    over: today >= budget,
    text: `${formatClock(today)} of ${formatClock(budget)} today`,
  };
}
