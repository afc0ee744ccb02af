/** Units, roller and height → `profile.update`. */
import { useState, type FormEvent } from 'react';
import type { Profile } from '../../bridge/contract';
import { ErrorLine } from '../../common/ErrorLine';
import { SaveRow } from '../../common/SaveRow';
import { useProfileSave } from '../../common/use-profile-save';
import { RollerDiameterField } from './RollerDiameterField';
import { HeightFields } from './HeightFields';
import { draftFromProfile, firstErrorId, switchUnits, validateProfileDraft, type ProfileDraft, type ProfileDraftErrors } from './profile-draft';
import { UnitsChoice } from './UnitsChoice';

export function ProfileForm({ profile }: { profile: Profile }) {
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromProfile(profile));
  const [errors, setErrors] = useState<ProfileDraftErrors>({});
  const save = useProfileSave();

  const edit = (next: ProfileDraft) => {
    setDraft(next);
    save.edited();
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const { errors: errs, patch } = validateProfileDraft(draft);
    setErrors(errs);
    await save.submit(patch, firstErrorId(errs));
  }

  return (
    <form className="card profile-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="profile-heading">
      <h2 id="profile-heading">You and your roller</h2>
      <RollerDiameterField
        choice={draft.diameterChoice}
        custom={draft.customDiameterIn}
        units={draft.units}
        error={errors.diameter}
        onChoice={(c) => edit({ ...draft, diameterChoice: c })}
        onCustom={(t) => edit({ ...draft, customDiameterIn: t })}
      />
      <div className="profile-form__row">
        <UnitsChoice units={draft.units} onChange={(u) => edit(switchUnits(draft, u))} />
        <HeightFields height={draft.height} units={draft.units} error={errors.height} onChange={(height) => edit({ ...draft, height })} />
      </div>
      <SaveRow label="Save" busy={save.busy} saved={save.saved} testId="profile-save" />
      <ErrorLine error={save.error} testId="profile-error" />
    </form>
  );
}
