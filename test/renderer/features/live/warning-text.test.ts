import { describe, expect, it } from 'vitest';
import { CoachEventKindSchema } from '../../../../electron/ipc/ipc-contract';
import { warningText } from '../../../../renderer/features/live/warning-text';

const ctx = { speedLimitText: '1.0 in/s', dwellNudgeS: 15, dwellLimitS: 30, dailyBudgetMin: 10 };

describe('warning text', () => {
  it('has a title, hint, phrase and timing for every kind in the contract', () => {
    for (const kind of CoachEventKindSchema.options) {
      const t = warningText(kind, ctx);
      expect(t.title.length).toBeGreaterThan(3);
      expect(t.hint.length).toBeGreaterThan(10);
      expect(t.speech.length).toBeGreaterThan(3);
      expect(t.showForMs).toBeGreaterThanOrEqual(3000);
    }
  });
  it('puts the settings into the words', () => {
    expect(warningText('too-fast', ctx).hint).toContain('1.0 in/s');
    expect(warningText('dwell-nudge', ctx).hint).toContain('15 s');
    expect(warningText('dwell-limit', ctx).hint).toContain('30 s');
    expect(warningText('time-budget', ctx).hint).toContain('10 min');
  });
  it('ranks leaving the safe zone above pace, and pace above nudges', () => {
    const p = (k: Parameters<typeof warningText>[0]) => warningText(k, ctx).priority;
    expect(p('lumbar')).toBeGreaterThan(p('too-fast'));
    expect(p('neck')).toBe(p('lumbar'));
    expect(p('dwell-limit')).toBeGreaterThan(p('dwell-nudge'));
    expect(p('too-fast')).toBeGreaterThan(p('time-budget'));
  });
});
