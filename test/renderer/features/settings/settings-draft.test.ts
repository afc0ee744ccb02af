import { describe, expect, it } from 'vitest';
import { profileFixture } from '../../app/fixtures';
import { ProfilePatchSchema, ProfileSchema, type Profile } from '../../../../electron/ipc/ipc-contract';
import { MotionSettingsSchema } from '../../../../electron/motion/motion-settings';
import {
  draftFromProfile,
  RESEARCH_PACE_IN_PER_S,
  speedText,
  switchSettingsUnits,
  validateSettings,
  type SettingsDraft,
  type SettingsField,
} from '../../../../renderer/features/settings/settings-draft';

const profile: Profile = profileFixture();

describe('settings draft', () => {
  it('starts from the profile and converts the speed with the units', () => {
    const d = draftFromProfile(profile);
    expect(d).toMatchObject({ speedLimit: '1', dwellNudgeS: '15', dwellLimitS: '30', dailyBudgetMin: '10' });
    const cm = switchSettingsUnits(d, 'cm');
    expect(cm.speedLimit).toBe('2.54');
    expect(switchSettingsUnits(cm, 'in').speedLimit).toBe('1');
  });

  it('accepts the defaults and the research pace preset', () => {
    const ok = validateSettings({ ...draftFromProfile(profile), speedLimit: speedText(RESEARCH_PACE_IN_PER_S, 'in') });
    expect(ok.errors).toEqual({});
    expect(ok.patch?.speedLimitInPerS).toBe(4);
    expect(ProfilePatchSchema.safeParse(ok.patch).success).toBe(true);
  });

  it('takes a speed typed in cm/s and sends in/s', () => {
    const { patch } = validateSettings({ ...draftFromProfile(profile), units: 'cm', speedLimit: '2.54' });
    expect(patch?.speedLimitInPerS).toBeCloseTo(1);
    expect(patch?.units).toBe('cm');
  });

  it('keeps every threshold inside the guidance ranges, with messages', () => {
    const base = draftFromProfile(profile);
    expect(validateSettings({ ...base, speedLimit: '0.4' }).errors.speedLimit).toMatch(/between 0.5 and 4 in\/s/);
    expect(validateSettings({ ...base, units: 'cm', speedLimit: '11' }).errors.speedLimit).toMatch(/between 1.27 and 10.16 cm\/s/);
    expect(validateSettings({ ...base, dwellNudgeS: '9' }).errors.dwellNudgeS).toMatch(/between 10 and 30 s/);
    expect(validateSettings({ ...base, dwellLimitS: '61' }).errors.dwellLimitS).toMatch(/between 15 and 60 s/);
    expect(validateSettings({ ...base, dwellNudgeS: '20', dwellLimitS: '20' }).errors.dwellLimitS).toBe('The limit must be longer than the nudge.');
    expect(validateSettings({ ...base, dailyBudgetMin: '0' }).errors.dailyBudgetMin).toMatch(/between 1 and 60 min/);
    expect(validateSettings({ ...base, dailyBudgetMin: 'ten' }).patch).toBeNull();
  });
});

describe('settings draft against the schema main checks', () => {
  /** Each form field, the profile setting it sends, the other fields that keep the draft valid, and a step finer than the form reads. */
  const FIELDS: { field: SettingsField; setting: 'speedLimitInPerS' | 'dwellNudgeS' | 'dwellLimitS' | 'dailyBudgetMin'; rest: Partial<SettingsDraft>; step: number }[] = [
    { field: 'speedLimit', setting: 'speedLimitInPerS', rest: {}, step: 0.01 },
    { field: 'dwellNudgeS', setting: 'dwellNudgeS', rest: { dwellLimitS: '60' }, step: 0.1 },
    { field: 'dwellLimitS', setting: 'dwellLimitS', rest: { dwellNudgeS: '10' }, step: 0.1 },
    { field: 'dailyBudgetMin', setting: 'dailyBudgetMin', rest: {}, step: 0.1 },
  ];

  it.each(FIELDS)('$field accepts exactly what the schema accepts around its bounds', ({ field, setting, rest, step }) => {
    const checks = ProfileSchema.shape[setting].unwrap();
    const [min, max] = [checks.minValue!, checks.maxValue!];
    for (const v of [min - step, min, min + step, max - step, max, max + step]) {
      const value = Math.round(v * 1000) / 1000;
      const form = validateSettings({ ...draftFromProfile(profile), ...rest, [field]: String(value) });
      expect({ value, accepted: form.errors[field] === undefined }).toEqual({ value, accepted: ProfilePatchSchema.safeParse({ [setting]: value }).success });
      if (form.patch) expect(ProfilePatchSchema.safeParse(form.patch).success).toBe(true);
    }
  });

  it('refuses exactly the dwell pairs the motion settings refuse (the limit after the nudge)', () => {
    for (const [nudge, limit] of [
      [15, 15],
      [15, 15.1],
      [20, 19.9],
      [20, 20],
      [30, 30],
      [30, 31],
    ] as const) {
      const form = validateSettings({ ...draftFromProfile(profile), dwellNudgeS: String(nudge), dwellLimitS: String(limit) });
      const engine = MotionSettingsSchema.safeParse({ dwellNudgeS: nudge, dwellLimitS: limit }).success;
      expect({ nudge, limit, accepted: form.patch !== null }).toEqual({ nudge, limit, accepted: engine });
    }
  });
});
