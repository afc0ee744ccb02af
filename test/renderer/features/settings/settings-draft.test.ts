import { describe, expect, it } from 'vitest';
import { profileFixture } from '../../app/fixtures';
import { ProfilePatchSchema, type Profile } from '../../../../electron/ipc/ipc-contract';
import { draftFromProfile, RESEARCH_PACE_IN_PER_S, speedText, switchSettingsUnits, validateSettings } from '../../../../renderer/features/settings/settings-draft';

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
