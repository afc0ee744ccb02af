/**
 * First run, after the safety questions and before the first session: the units and the body
 * height, since the spine map (where the neck and the lower back begin) is estimated from it
 * until the user calibrates. Saves both (`profile.update`), then `onDone`.
 */
import { useState, type FormEvent } from 'react';
import { spineMapFor, type Profile } from '../../bridge/contract';
import { ErrorLine } from '../../common/ErrorLine';
import { useProfileSave } from '../../common/use-profile-save';
import { lengthText } from '../../common/units';
import { HeightFields } from './HeightFields';
import { convertHeightDraft, heightDraftFrom, HEIGHT_FIELD_IDS, type HeightDraft, type HeightField } from './height-input';
import { heightCmOf } from './profile-draft';
import { UnitsChoice } from './UnitsChoice';
import './setup.css';

export function FirstRunHeight({ profile, onDone }: { profile: Profile; onDone(): void }) {
  const [units, setUnits] = useState(profile.units);
  const [height, setHeight] = useState<HeightDraft>(() => heightDraftFrom(profile.bodyHeightCm));
  const [error, setError] = useState<{ field: HeightField; message: string } | undefined>(undefined);
  const save = useProfileSave();
  const parsed = heightCmOf(height, units, profile.bodyHeightCm);
  const map = parsed.ok ? spineMapFor({ bodyHeightCm: parsed.cm }) : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(parsed.ok ? undefined : { field: parsed.field, message: parsed.message });
    if (await save.submit(parsed.ok ? { bodyHeightCm: parsed.cm, units } : null, parsed.ok ? null : HEIGHT_FIELD_IDS[parsed.field])) onDone();
  }

  return (
    <div className="setup first-run-height" data-testid="first-run-height">
      <h1>Your height</h1>
      <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="first-run-height-intro">
        <p id="first-run-height-intro">Until you calibrate (Setup), the app estimates where your neck and your lower back begin from your height.</p>
        <UnitsChoice
          units={units}
          onChange={(u) => {
            setHeight(convertHeightDraft(height, units, u));
            setUnits(u);
          }}
        />
        <HeightFields height={height} units={units} error={error} onChange={setHeight} hint="You can change it any time in Setup." />
        {map && (
          <p className="field__hint" data-testid="first-run-estimate">
            Estimate: the base of the neck {lengthText(map.neckAboveCm, units)} above the start spot, the end of the ribs {lengthText(map.lumbarBelowCm, units)} below it.
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={save.busy} data-testid="height-continue">
            {save.busy ? 'Saving…' : 'Continue'}
          </button>
        </div>
        <ErrorLine error={save.error} testId="first-run-height-error" />
      </form>
    </div>
  );
}
