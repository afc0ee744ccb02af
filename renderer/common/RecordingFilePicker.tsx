/**
 * "Choose a recording…": a button that opens the file dialog for a recording CSV (the input
 * itself is hidden) and hands over the chosen file. Choosing the same file again works.
 */
import { useRef } from 'react';

interface Props {
  label: string;
  disabled: boolean;
  /** The test ids: the hidden input's and the button's. */
  inputTestId: string;
  buttonTestId: string;
  onFile(file: File): void;
}

export function RecordingFilePicker({ label, disabled, inputTestId, buttonTestId, onFile }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv,text/plain"
        className="visually-hidden"
        data-testid={inputTestId}
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <button type="button" className="btn btn--secondary" disabled={disabled} onClick={() => input.current?.click()} data-testid={buttonTestId}>
        {label}
      </button>
    </>
  );
}
