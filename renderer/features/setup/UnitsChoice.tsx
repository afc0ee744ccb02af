/** The one unit choice for everything shown: inches (feet and inches, in/s) or centimetres (cm, cm/s). */
import type { Units } from '../../common/units';

/** `name`: the radio group's name and its test ids' prefix (`units-in`, `units-cm`). */
export function UnitsChoice({ units, onChange, name = 'units' }: { units: Units; onChange(units: Units): void; name?: string }) {
  return (
    <fieldset className="field">
      <legend className="field__label">Units</legend>
      <div className="choices">
        {(['in', 'cm'] as const).map((u) => (
          <label key={u} className={`choice ${units === u ? 'choice--on' : ''}`}>
            <input type="radio" name={name} value={u} checked={units === u} onChange={() => onChange(u)} data-testid={`${name}-${u}`} />
            {u === 'in' ? 'Inches (ft, in, in/s)' : 'Centimetres (cm, cm/s)'}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
