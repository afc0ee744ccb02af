/**
 * The live view's keyboard shortcuts (shown on screen next to the controls). Pure: a key press
 * in, the action out.
 */
export type LiveShortcut = 'stop' | 'pain' | 'start' | null;

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat: boolean;
  /** The focused element is a control that handles this key itself. */
  onControl: boolean;
  /** The focused element takes typed text. */
  inTextEntry: boolean;
}

export const SHORTCUT_HELP = {
  stop: 'Space',
  pain: 'Esc or H',
  start: 'Space',
} as const;

export function liveShortcut(k: KeyPress, running: boolean): LiveShortcut {
  if (k.ctrlKey || k.altKey || k.metaKey || k.repeat) return null;
  if (running) {
    if (k.key === 'Escape') return 'pain';
    if ((k.key === 'h' || k.key === 'H') && !k.inTextEntry) return 'pain';
    if (k.key === ' ' && !k.onControl) return 'stop';
    return null;
  }
  if (k.key === ' ' && !k.onControl) return 'start';
  return null;
}
