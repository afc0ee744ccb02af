/** Body height: feet and inches in inches mode, centimetres in cm mode; the error names its field. */
import type { Units } from '../../common/units';
import { HEIGHT_FIELD_IDS, type HeightDraft, type HeightField } from './height-input';

interface Props {
  height: HeightDraft;
  units: Units;
  error?: { field: HeightField; message: string } | undefined;
  onChange(height: HeightDraft): void;
  hint?: string;
}

export function HeightFields({ height, units, error, onChange, hint = 'Used to estimate where your neck and lower back start until you calibrate.' }: Props) {
  const invalid = (f: HeightField) => (error?.field === f ? true : undefined);
  const described = `height-hint${error ? ' height-error' : ''}`;
  return (
    <fieldset className="field height-fields" data-testid="height-fields" data-units={units}>
      <legend className="field__label">Body height</legend>
      {units === 'cm' ? (
        <label className="height-part">
          <input
            id={HEIGHT_FIELD_IDS.cm}
            className="input input--short"
            type="text"
            inputMode="decimal"
            value={height.cm}
            onChange={(e) => onChange({ ...height, cm: e.target.value })}
            aria-invalid={invalid('cm')}
            aria-describedby={described}
            data-testid="height-input"
          />
          <span>cm</span>
        </label>
      ) : (
        <div className="height-parts">
          <label className="height-part">
            <input
              id={HEIGHT_FIELD_IDS.feet}
              className="input input--tiny"
              type="text"
              inputMode="numeric"
              value={height.feet}
              onChange={(e) => onChange({ ...height, feet: e.target.value })}
              aria-invalid={invalid('feet')}
              aria-describedby={described}
              data-testid="height-feet"
            />
            <span>ft</span>
          </label>
          <label className="height-part">
            <input
              id={HEIGHT_FIELD_IDS.inches}
              className="input input--tiny"
              type="text"
              inputMode="decimal"
              value={height.inches}
              onChange={(e) => onChange({ ...height, inches: e.target.value })}
              aria-invalid={invalid('inches')}
              aria-describedby={described}
              data-testid="height-inches"
            />
            <span>in</span>
          </label>
        </div>
      )}
      <p className="field__hint" id="height-hint">
        {hint}
      </p>
      {error && (
        <p className="field-error" id="height-error" data-testid="height-error">
          {error.message}
        </p>
      )}
    </fieldset>
  );
}
