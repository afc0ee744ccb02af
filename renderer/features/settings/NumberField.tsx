/** A labelled number input with its unit, range hint and error. */
interface Props {
  id: string;
  label: string;
  unit: string;
  hint: string;
  value: string;
  error?: string;
  testId: string;
  onChange(value: string): void;
}

export function NumberField({ id, label, unit, hint, value, error, testId, onChange }: Props) {
  const hintId = `${id}-hint`;
  const errId = `${id}-error`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <span className="field__with-unit">
        <input
          id={id}
          className="input input--short"
          type="text"
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${hintId} ${errId}` : hintId}
          data-testid={testId}
        />
        <span className="field__unit">{unit}</span>
      </span>
      <p className="field__hint" id={hintId}>
        {hint}
      </p>
      {error && (
        <p className="field-error" id={errId}>
          {error}
        </p>
      )}
    </div>
  );
}
