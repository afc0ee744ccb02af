import { describe, expect, it } from 'vitest';
import { profileFixture } from '../../app/fixtures';
import { ProfilePatchSchema, ProfileSchema, type Profile } from '../../../../electron/ipc/ipc-contract';
import { draftFromProfile, firstErrorId, switchUnits, validateProfileDraft, type ProfileDraft } from '../../../../renderer/features/setup/profile-draft';

const profile: Profile = profileFixture({ units: 'cm' });
const draft = (over: Partial<ProfileDraft> & { cm?: string; feet?: string; inches?: string }): ProfileDraft => {
  const { cm = '175', feet = '5', inches = '9', ...rest } = over;
  return { diameterChoice: '6', customDiameterIn: '', units: 'cm', savedHeightCm: 175, ...rest, height: { cm, feet, inches } };
};

describe('profile draft', () => {
  it('starts from the profile: a preset diameter or a custom one; the height in feet and inches and in cm', () => {
    expect(draftFromProfile(profile)).toEqual({ diameterChoice: '6', customDiameterIn: '', height: { feet: '5', inches: '9', cm: '175' }, units: 'cm', savedHeightCm: 175 });
    expect(draftFromProfile({ ...profile, rollerDiameterIn: 4.5, units: 'in' })).toMatchObject({ diameterChoice: 'custom', customDiameterIn: '4.5' });
  });

  it('converts the typed height when the units change', () => {
    const typed = { ...draftFromProfile(profile), height: { feet: '5', inches: '9', cm: '182' } };
    const d = switchUnits(typed, 'in');
    // 182 cm = 71.7 in: 6 ft 0 in.
    expect(d).toMatchObject({ units: 'in', height: { feet: '6', inches: '0', cm: '182' } });
    expect(switchUnits({ ...d, height: { ...d.height, feet: '6', inches: '1' } }, 'cm').height.cm).toBe('185');
  });

  it('keeps the profile’s own height while the fields still show it (no rounding through feet and inches)', () => {
    expect(validateProfileDraft(draft({ units: 'in' })).patch).toEqual({ rollerDiameterIn: 6, bodyHeightCm: 175, units: 'in' });
    expect(validateProfileDraft(draft({ units: 'in', inches: '10' })).patch?.bodyHeightCm).toBeCloseTo(177.8, 1);
  });

  it('validates to a patch the contract accepts', () => {
    const { patch, errors } = validateProfileDraft(draft({ diameterChoice: '5.5', units: 'in', feet: '6', inches: '0' }));
    expect(errors).toEqual({});
    expect(patch).toMatchObject({ rollerDiameterIn: 5.5, units: 'in' });
    expect(patch?.bodyHeightCm).toBeCloseTo(182.9, 1);
    expect(ProfilePatchSchema.safeParse(patch).success).toBe(true);
  });

  it('explains what is wrong, naming the field, and says which to focus', () => {
    const big = validateProfileDraft(draft({ diameterChoice: 'custom', customDiameterIn: '9' })).errors;
    expect(big.diameter).toBe('Roller diameter: must be between 3 and 8 in.');
    expect(firstErrorId(big)).toBe('diameter-custom');
    expect(validateProfileDraft(draft({ diameterChoice: 'custom', customDiameterIn: '' })).errors.diameter).toMatch(/^Roller diameter: /);
    const tall = validateProfileDraft(draft({ cm: '300' })).errors;
    expect(tall.height).toEqual({ field: 'cm', message: 'Height: must be between 120 and 220 cm.' });
    expect(firstErrorId(tall)).toBe('height-cm');
    expect(validateProfileDraft(draft({ units: 'in', feet: '3', inches: '0' })).errors.height?.message).toBe('Height: must be between 3 ft 11.3 in and 7 ft 2.6 in.');
    const inches = validateProfileDraft(draft({ units: 'in', inches: 'tall' }));
    expect(inches.patch).toBeNull();
    expect(firstErrorId(inches.errors)).toBe('height-in');
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
      const { errors } = validateProfileDraft(draft({ diameterChoice: 'custom', customDiameterIn: String(value) }));
      expect({ value, accepted: errors.diameter === undefined }).toEqual({ value, accepted: ProfilePatchSchema.safeParse({ rollerDiameterIn: value }).success });
    }
  });

  it('takes exactly the heights (cm) the schema takes, around its bounds', () => {
    for (const value of around(bounds('bodyHeightCm'), 0.1)) {
      const { errors, patch } = validateProfileDraft(draft({ cm: String(value) }));
      expect({ value, accepted: errors.height === undefined }).toEqual({ value, accepted: ProfilePatchSchema.safeParse({ bodyHeightCm: value }).success });
      if (patch) expect(ProfilePatchSchema.safeParse(patch).success).toBe(true);
    }
  });
});
