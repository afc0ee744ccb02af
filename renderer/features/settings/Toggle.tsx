/** A large on/off checkbox with a description. */
interface Props {
  label: string;
  description: string;
  checked: boolean;
  testId: string;
  onChange(checked: boolean): void;
}

export function Toggle({ label, description, checked, testId, onChange }: Props) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>
        <span className="check__label">{label}</span>
        <span className="check__desc">{description}</span>
      </span>
    </label>
  );
}
