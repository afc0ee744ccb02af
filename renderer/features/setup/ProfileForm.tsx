/** Roller, height and units → `profile.update`. */
import { useState, type FormEvent } from 'react';
import type { Profile } from '../../bridge/contract';
import { ErrorLine } from '../../common/ErrorLine';
import { SaveRow } from '../../common/SaveRow';
import { useProfileSave } from '../../common/use-profile-save';
import { RollerDiameterField } from './RollerDiameterField';
import { draftFromProfile, switchUnits, validateProfileDraft, type ProfileDraft, type ProfileDraftErrors } from './profile-draft';

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
    await save.submit(patch, errs.diameter ? 'diameter-custom' : 'height');
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
        <div className="field">
          <label className="field__label" htmlFor="height">
            Body height ({draft.units})
          </label>
          <input
            id="height"
            className="input input--short"
            type="text"
            inputMode="decimal"
            value={draft.height}
            onChange={(e) => edit({ ...draft, height: e.target.value })}
            aria-invalid={errors.height ? true : undefined}
            aria-describedby="height-hint"
            data-testid="height-input"
          />
          <p className="field__hint" id="height-hint">
            Used to guess where your neck and lower back start until you calibrate.
          </p>
          {errors.height && <p className="field-error">{errors.height}</p>}
        </div>
        <fieldset className="field">
          <legend className="field__label">Units</legend>
          <div className="choices">
            {(['in', 'cm'] as const).map((u) => (
              <label key={u} className={`choice ${draft.units === u ? 'choice--on' : ''}`}>
                <input type="radio" name="units" value={u} checked={draft.units === u} onChange={() => edit(switchUnits(draft, u))} data-testid={`units-${u}`} />
                {u === 'in' ? 'Inches (in/s)' : 'Centimetres (cm/s)'}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <SaveRow label="Save" busy={save.busy} saved={save.saved} testId="profile-save" />
      <ErrorLine error={save.error} testId="profile-error" />
    </form>
  );
}
