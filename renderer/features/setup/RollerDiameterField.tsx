/** The roller diameter: the common sizes as choices, or a custom value. */
import { fixed, inToCm, type Units } from '../../common/units';
import { DIAMETER_PRESETS_IN, DIAMETER_RANGE_IN } from './profile-draft';

interface Props {
  choice: string;
  custom: string;
  units: Units;
  error?: string;
  onChoice(choice: string): void;
  onCustom(text: string): void;
}

export function RollerDiameterField({ choice, custom, units, error, onChoice, onCustom }: Props) {
  const hint = (inches: number) => (units === 'cm' ? ` (${fixed(inToCm(inches), 1)} cm)` : '');
  return (
    <fieldset className="field" aria-describedby={error ? 'diameter-error' : undefined}>
      <legend className="field__label">Roller diameter</legend>
      <div className="choices" role="presentation">
        {DIAMETER_PRESETS_IN.map((d) => (
          <label key={d} className={`choice ${choice === String(d) ? 'choice--on' : ''}`}>
            <input type="radio" name="diameter" value={String(d)} checked={choice === String(d)} onChange={() => onChoice(String(d))} data-testid={`diameter-${d}`} />
            {d} in{hint(d)}
          </label>
        ))}
        <label className={`choice ${choice === 'custom' ? 'choice--on' : ''}`}>
          <input type="radio" name="diameter" value="custom" checked={choice === 'custom'} onChange={() => onChoice('custom')} data-testid="diameter-custom" />
          Other
        </label>
      </div>
      {choice === 'custom' && (
        <label className="field__inline">
          Diameter in inches ({DIAMETER_RANGE_IN.min}–{DIAMETER_RANGE_IN.max})
          <input
            id="diameter-custom"
            className="input input--short"
            type="text"
            inputMode="decimal"
            value={custom}
            onChange={(e) => onCustom(e.target.value)}
            aria-invalid={error ? true : undefined}
            data-testid="diameter-custom-value"
          />
        </label>
      )}
      <p className="field__hint">6 in is the most common size; 4 in reaches deeper.</p>
      {error && (
        <p className="field-error" id="diameter-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
