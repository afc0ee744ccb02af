import { describe, expect, it } from 'vitest';
import { profileFixture } from '../../app/fixtures';
import { ProfilePatchSchema, ProfileSchema, type Profile } from '../../../../electron/ipc/ipc-contract';
import { draftFromProfile, switchUnits, validateProfileDraft } from '../../../../renderer/features/setup/profile-draft';

const profile: Profile = profileFixture({ units: 'cm' });

describe('profile draft', () => {
  it('starts from the profile: a preset diameter or a custom one', () => {
    expect(draftFromProfile(profile)).toEqual({ diameterChoice: '6', customDiameterIn: '', height: '175', units: 'cm' });
    expect(draftFromProfile({ ...profile, rollerDiameterIn: 4.5, units: 'in' })).toMatchObject({ diameterChoice: 'custom', customDiameterIn: '4.5', height: '68.9' });
  });

  it('converts the typed height when the units change', () => {
    const d = switchUnits(draftFromProfile(profile), 'in');
    expect(d).toMatchObject({ units: 'in', height: '68.9' });
    expect(switchUnits(d, 'cm').height).toBe('175');
  });

  it('validates to a patch the contract accepts', () => {
    const { patch, errors } = validateProfileDraft({ diameterChoice: '5.5', customDiameterIn: '', height: '68.9', units: 'in' });
    expect(errors).toEqual({});
    expect(patch).toMatchObject({ rollerDiameterIn: 5.5, units: 'in' });
    expect(patch?.bodyHeightCm).toBeCloseTo(175, 0);
    expect(ProfilePatchSchema.safeParse(patch).success).toBe(true);
  });

  it('explains what is wrong', () => {
    expect(validateProfileDraft({ diameterChoice: 'custom', customDiameterIn: '9', height: '175', units: 'cm' }).errors.diameter).toMatch(/between 3 and 8 in/);
    expect(validateProfileDraft({ diameterChoice: 'custom', customDiameterIn: '', height: '175', units: 'cm' }).errors.diameter).toBeDefined();
    expect(validateProfileDraft({ diameterChoice: '6', customDiameterIn: '', height: '300', units: 'cm' }).errors.height).toMatch(/120 and 220 cm/);
    expect(validateProfileDraft({ diameterChoice: '6', customDiameterIn: '', height: '30', units: 'in' }).errors.height).toMatch(/47\.2 and 86\.6 in/);
    expect(validateProfileDraft({ diameterChoice: '6', customDiameterIn: '', height: 'tall', units: 'in' }).patch).toBeNull();
  });
});

describe('profile draft against the schema main checks', () => {
  const bounds = (setting: 'rollerDiameterIn' | 'bodyHeightCm') => {
    const checks = ProfileSchema.shape[setting].unwrap();
    return [checks.minValue!, checks.maxValue!] as const;
  };
  const around = ([min, max]: readonly [number, number], step: number) => [min - step, min, min + step, max - step, max, max + step].map((v) => Math.round(v * 1000) / 1000);

  it('takes exactly the custom diameters the schema takes, around its bounds', () => {
    for (const value of around(bounds('rollerDiameterIn'), 0.1)) {
      const { errors } = validateProfileDraft({ diameterChoice: 'custom', customDiameterIn: String(value), height: '175', units: 'cm' });
      expect({ value, accepted: errors.diameter === undefined }).toEqual({ value, accepted: ProfilePatchSchema.safeParse({ rollerDiameterIn: value }).success });
    }
  });

  it('takes exactly the heights (cm) the schema takes, around its bounds', () => {
    for (const value of around(bounds('bodyHeightCm'), 0.1)) {
      const { errors, patch } = validateProfileDraft({ diameterChoice: '6', customDiameterIn: '', height: String(value), units: 'cm' });
      expect({ value, accepted: errors.height === undefined }).toEqual({ value, accepted: ProfilePatchSchema.safeParse({ bodyHeightCm: value }).success });
      if (patch) expect(ProfilePatchSchema.safeParse(patch).success).toBe(true);
    }
  });
});
