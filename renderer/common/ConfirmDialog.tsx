/**
 * A question the user must answer before something that cannot be taken back: a modal box over
 * the screen with large buttons. Escape or the cancel button closes it; focus starts on the safe
 * choice for dangerous actions, else on the confirm button.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  testId: string;
  confirmTestId: string;
}

export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, danger, busy, onConfirm, onCancel, testId, confirmTestId }: Props) {
  const id = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    (danger ? cancelRef : confirmRef).current?.focus();
  }, [danger]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !busy) {
        e.preventDefault();
        onCancel();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onCancel]);
  return (
    <div className="modal-backdrop">
      <div className={`modal ${danger ? 'modal--danger' : ''}`} role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} data-testid={testId}>
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`} className="modal__body">
          {children}
        </div>
        <div className="modal__buttons">
          <button ref={confirmRef} type="button" className={`btn ${danger ? 'btn--danger-solid' : 'btn--primary'}`} disabled={busy} onClick={onConfirm} data-testid={confirmTestId}>
            {confirmLabel}
          </button>
          <button ref={cancelRef} type="button" className="btn btn--secondary" disabled={busy} onClick={onCancel}>
            {cancelLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
