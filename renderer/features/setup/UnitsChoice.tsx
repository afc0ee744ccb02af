/** The one unit choice for everything shown: inches (feet and inches, in/s) or centimetres (cm, cm/s). */
import type { Units } from '../../common/units';

export function UnitsChoice({ units, onChange }: { units: Units; onChange(units: Units): void }) {
  return (
    <fieldset className="field">
      <legend className="field__label">Units</legend>
      <div className="choices">
        {(['in', 'cm'] as const).map((u) => (
          <label key={u} className={`choice ${units === u ? 'choice--on' : ''}`}>
            <input type="radio" name="units" value={u} checked={units === u} onChange={() => onChange(u)} data-testid={`units-${u}`} />
            {u === 'in' ? 'Inches (ft, in, in/s)' : 'Centimetres (cm, cm/s)'}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
