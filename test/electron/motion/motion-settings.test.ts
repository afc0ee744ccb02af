import { describe, it, expect } from 'vitest';
import { ZodError } from 'zod';
import { CM_PER_IN, DEFAULT_MOTION_SETTINGS, MotionSettingsSchema, motionSettings } from '../../../electron/motion/motion-settings';

/** The paths of the issues a rejected input produces. */
function issuePaths(input: unknown): string[] {
  const r = MotionSettingsSchema.safeParse(input);
  expect(r.success).toBe(false);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

describe('motion settings: defaults (docs/coaching-rules.md)', () => {
  it('defaults to 1.0 in/s, nudge 15 s, limit 30 s, 10 min a day, a 6 in roller', () => {
    const s = motionSettings();
    expect(s.speedLimitInPerS).toBe(1.0);
    expect(s.dwellNudgeS).toBe(15);
    expect(s.dwellLimitS).toBe(30);
    expect(s.dailyBudgetMin).toBe(10);
    expect(s.rollerDiameterIn).toBe(6);
  });

  it('uses the documented windows and the remaining defaults', () => {
    const s = DEFAULT_MOTION_SETTINGS;
    expect(s.speedWindowS).toBe(0.5);
    expect(s.tooFastMinS).toBe(0.5);
    expect(s.dwellWindowIn).toBe(2);
    expect(s.bodyHeightCm).toBe(175);
    expect(s.priorDailyRollingS).toBe(0);
    expect(s.trackRateHz).toBe(50);
    // No personal calibration by default: the spine map comes from the height.
    expect(s.neckAboveCm).toBeUndefined();
    expect(s.lumbarBelowCm).toBeUndefined();
    expect(CM_PER_IN).toBe(2.54);
  });

  it('keeps given values and fills the rest', () => {
    const s = motionSettings({ speedLimitInPerS: 4, rollerDiameterIn: 4, neckAboveCm: 22 });
    expect(s.speedLimitInPerS).toBe(4);
    expect(s.rollerDiameterIn).toBe(4);
    expect(s.neckAboveCm).toBe(22);
    expect(s.dwellNudgeS).toBe(15);
  });

  it('the exported defaults are frozen', () => {
    expect(Object.isFrozen(DEFAULT_MOTION_SETTINGS)).toBe(true);
  });
});

describe('motion settings: ranges (docs/coaching-rules.md)', () => {
  it.each([
    ['speedLimitInPerS', 0.5, 4, 0.49, 4.01],
    ['dwellNudgeS', 10, 30, 9.9, 30.1],
    ['dwellLimitS', 15, 60, 14.9, 60.1],
    ['dailyBudgetMin', 1, 60, 0.9, 61],
    ['bodyHeightCm', 120, 220, 119, 221],
    ['neckAboveCm', 5, 40, 4.9, 40.1],
    ['lumbarBelowCm', 5, 40, 4.9, 40.1],
    ['rollerDiameterIn', 3, 8, 2.9, 8.1],
    ['trackRateHz', 20, 200, 19, 201],
  ] as const)('%s accepts %d–%d and rejects %d and %d with an error naming it', (field, lo, hi, below, above) => {
    // The other dwell bound is moved out of the way so only the field under test can fail.
    const base = field === 'dwellNudgeS' ? { dwellLimitS: 60 } : field === 'dwellLimitS' ? { dwellNudgeS: 10 } : {};
    expect(motionSettings({ ...base, [field]: lo })[field]).toBe(lo);
    expect(motionSettings({ ...base, [field]: hi })[field]).toBe(hi);
    expect(issuePaths({ ...base, [field]: below })).toEqual([field]);
    expect(issuePaths({ ...base, [field]: above })).toEqual([field]);
  });

  it('rejects a negative priorDailyRollingS and non-numbers', () => {
    expect(issuePaths({ priorDailyRollingS: -1 })).toEqual(['priorDailyRollingS']);
    expect(issuePaths({ speedLimitInPerS: '1' })).toEqual(['speedLimitInPerS']);
    expect(issuePaths({ dwellNudgeS: Number.NaN })).toEqual(['dwellNudgeS']);
  });

  it('motionSettings throws a ZodError whose message names the field', () => {
    let err: unknown;
    try {
      motionSettings({ speedLimitInPerS: 5 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues[0]?.path).toEqual(['speedLimitInPerS']);
    expect((err as ZodError).message).toContain('speedLimitInPerS');
  });
});

describe('motion settings: dwellLimitS must exceed dwellNudgeS', () => {
  it('rejects a limit equal to the nudge, naming dwellLimitS', () => {
    const r = MotionSettingsSchema.safeParse({ dwellNudgeS: 20, dwellLimitS: 20 });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues).toHaveLength(1);
    expect(r.error.issues[0]?.path).toEqual(['dwellLimitS']);
    expect(r.error.issues[0]?.message).toMatch(/dwellLimitS.*dwellNudgeS/);
  });

  it('rejects a limit below the nudge (both inside their own ranges)', () => {
    expect(issuePaths({ dwellNudgeS: 30, dwellLimitS: 15 })).toEqual(['dwellLimitS']);
    expect(issuePaths({ dwellNudgeS: 25, dwellLimitS: 24.9 })).toEqual(['dwellLimitS']);
  });

  it('rejects a nudge raised past the default limit', () => {
    // dwellNudgeS 30 is inside its range, but not below the default 30 s limit.
    expect(issuePaths({ dwellNudgeS: 30 })).toEqual(['dwellLimitS']);
  });

  it('accepts a limit just above the nudge', () => {
    const s = motionSettings({ dwellNudgeS: 20, dwellLimitS: 20.5 });
    expect(s.dwellLimitS).toBe(20.5);
  });
});
