/** Whether a key press belongs to the focused control (so global shortcuts must leave it alone). */
export function isInteractiveTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (target as Element).closest('button, a[href], input, select, textarea, [contenteditable="true"], [role="radio"], [role="checkbox"]') !== null;
}

/** Whether the focused element takes typed text (letter shortcuts must leave it alone). */
export function isTextEntryTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = (target as Element).closest('input, select, textarea, [contenteditable="true"]');
  if (!el) return false;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(el.type);
  return true;
}
