/** Coaching thresholds, units, sounds and speech, hands-free and the voice guide → `profile.update`, with validation messages. */
import { useState, type FormEvent } from 'react';
import { useServices } from '../../app/services-context';
import type { Profile } from '../../bridge/contract';
import { ErrorLine } from '../../common/ErrorLine';
import { speedUnit } from '../../common/units';
import { SaveRow } from '../../common/SaveRow';
import { useProfileSave } from '../../common/use-profile-save';
import { NumberField } from './NumberField';
import { Toggle } from './Toggle';
import { UnitsChoice } from '../setup/UnitsChoice';
import {
  DAILY_BUDGET_RANGE_MIN,
  DWELL_LIMIT_RANGE_S,
  DWELL_NUDGE_RANGE_S,
  GUIDED_PACE_IN_PER_S,
  RESEARCH_PACE_IN_PER_S,
  SPEED_LIMIT_RANGE_IN_PER_S,
  draftFromProfile,
  speedText,
  switchSettingsUnits,
  validateSettings,
  type SettingsDraft,
  type SettingsErrors,
} from './settings-draft';

const FIELD_ORDER = [
  { field: 'speedLimit', id: 'speed-limit' },
  { field: 'dwellNudgeS', id: 'dwell-nudge' },
  { field: 'dwellLimitS', id: 'dwell-limit' },
  { field: 'dailyBudgetMin', id: 'daily-budget' },
] as const;

export function ThresholdsForm({ profile }: { profile: Profile }) {
  const { cues } = useServices();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromProfile(profile));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const save = useProfileSave();
  const unit = speedUnit(draft.units);
  const edit = (patch: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    save.edited();
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const { errors: errs, patch } = validateSettings(draft);
    setErrors(errs);
    await save.submit(patch, FIELD_ORDER.find((f) => errs[f.field])?.id ?? null);
  }

  return (
    <form className="card settings-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="thresholds-heading">
      <h2 id="thresholds-heading">Coaching</h2>
      <NumberField
        id="speed-limit"
        label="Speed limit"
        unit={unit}
        hint={`${speedText(SPEED_LIMIT_RANGE_IN_PER_S.min, draft.units)}–${speedText(SPEED_LIMIT_RANGE_IN_PER_S.max, draft.units)} ${unit}. The advice is about ${speedText(GUIDED_PACE_IN_PER_S, draft.units)} ${unit}.`}
        value={draft.speedLimit}
        error={errors.speedLimit}
        testId="speed-limit-input"
        onChange={(v) => edit({ speedLimit: v })}
      />
      <div className="presets" role="group" aria-label="Speed presets">
        <button type="button" className="btn btn--chip" onClick={() => edit({ speedLimit: speedText(GUIDED_PACE_IN_PER_S, draft.units) })} data-testid="preset-guided">
          Slow pace ({speedText(GUIDED_PACE_IN_PER_S, draft.units)} {unit})
        </button>
        <button type="button" className="btn btn--chip" onClick={() => edit({ speedLimit: speedText(RESEARCH_PACE_IN_PER_S, draft.units) })} data-testid="preset-research">
          Research pace ({speedText(RESEARCH_PACE_IN_PER_S, draft.units)} {unit})
        </button>
      </div>
      <p className="field__hint settings-form__preset-hint">Research pace follows the studies, where one pass along the back takes 2–4 seconds.</p>
      <div className="settings-form__row">
        <NumberField
          id="dwell-nudge"
          label="Nudge after (one spot)"
          unit="s"
          hint={`${DWELL_NUDGE_RANGE_S.min}–${DWELL_NUDGE_RANGE_S.max} s`}
          value={draft.dwellNudgeS}
          error={errors.dwellNudgeS}
          testId="dwell-nudge-input"
          onChange={(v) => edit({ dwellNudgeS: v })}
        />
        <NumberField
          id="dwell-limit"
          label="Limit after (one spot)"
          unit="s"
          hint={`${DWELL_LIMIT_RANGE_S.min}–${DWELL_LIMIT_RANGE_S.max} s, longer than the nudge`}
          value={draft.dwellLimitS}
          error={errors.dwellLimitS}
          testId="dwell-limit-input"
          onChange={(v) => edit({ dwellLimitS: v })}
        />
      </div>
      <NumberField
        id="daily-budget"
        label="Daily rolling time"
        unit="min"
        hint={`${DAILY_BUDGET_RANGE_MIN.min}–${DAILY_BUDGET_RANGE_MIN.max} min. About 10 minutes a day is plenty.`}
        value={draft.dailyBudgetMin}
        error={errors.dailyBudgetMin}
        testId="daily-budget-input"
        onChange={(v) => edit({ dailyBudgetMin: v })}
      />
      <UnitsChoice
        name="settings-units"
        units={draft.units}
        onChange={(u) => {
          setDraft((d) => switchSettingsUnits(d, u));
          save.edited();
        }}
      />
      <fieldset className="field">
        <legend className="field__label">Sound</legend>
        <Toggle label="Warning sounds" description="A short tone pattern for each kind of warning." checked={draft.sounds} testId="sounds-toggle" onChange={(v) => edit({ sounds: v })} />
        <Toggle label="Spoken warnings" description="Says the warning aloud (where the system has a voice)." checked={draft.speech} testId="speech-toggle" onChange={(v) => edit({ speech: v })} />
        <button
          type="button"
          className="btn btn--chip"
          onClick={() => {
            cues.unlock();
            cues.play('too-fast', 'Slow down', { sounds: draft.sounds, speech: draft.speech });
          }}
          data-testid="test-sound"
        >
          Try a warning sound
        </button>
      </fieldset>
      <fieldset className="field">
        <legend className="field__label">Hands-free</legend>
        <Toggle
          label="Hands-free sessions"
          description="Start arms the session: it begins when you roll and pauses while the roller rests."
          checked={draft.handsFree}
          testId="hands-free-toggle"
          onChange={(v) => edit({ handsFree: v })}
        />
        <Toggle
          label="Voice guide"
          description="Speaks the start position, the area to roll, the time left and the routines' steps."
          checked={draft.voiceGuide}
          testId="voice-guide-toggle"
          onChange={(v) => edit({ voiceGuide: v })}
        />
      </fieldset>
      <SaveRow label="Save settings" busy={save.busy} saved={save.saved} testId="settings-save" />
      {Object.keys(errors).length > 0 && (
        <p className="field-error" role="alert">
          Some values need fixing (see above).
        </p>
      )}
      <ErrorLine error={save.error} testId="settings-error" />
    </form>
  );
}
