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
  const part = (field: HeightField, unit: string, size: 'short' | 'tiny', inputMode: 'decimal' | 'numeric', testId: string) => (
    <label className="height-part">
      <input
        id={HEIGHT_FIELD_IDS[field]}
        className={`input input--${size}`}
        type="text"
        inputMode={inputMode}
        value={height[field]}
        onChange={(e) => onChange({ ...height, [field]: e.target.value })}
        aria-invalid={invalid(field)}
        aria-describedby={described}
        data-testid={testId}
      />
      <span>{unit}</span>
    </label>
  );
  return (
    <fieldset className="field height-fields" data-testid="height-fields" data-units={units}>
      <legend className="field__label">Body height</legend>
      {units === 'cm' ? (
        part('cm', 'cm', 'short', 'decimal', 'height-input')
      ) : (
        <div className="height-parts">
          {part('feet', 'ft', 'tiny', 'numeric', 'height-feet')}
          {part('inches', 'in', 'tiny', 'decimal', 'height-inches')}
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
