/**
 * The always-visible Stop and "It hurts — stop" controls while a session runs (on every screen),
 * with their keyboard shortcuts shown beside them.
 */
import { ErrorLine } from '../../common/ErrorLine';
import { SHORTCUT_HELP } from './shortcut-keys';
import { useLiveShortcut } from './use-live-shortcut';
import { useSessionActions } from './use-session-actions';
import './live.css';

export function StopBar() {
  const { stop } = useSessionActions();
  useLiveShortcut(true, (s) => {
    if (s === 'pain') void stop.run('stopped: pain');
    if (s === 'stop') void stop.run('completed');
  });
  return (
    <aside className="stop-bar" aria-label="Stop the session">
      <button type="button" className="btn btn--stop" data-testid="stop-button" disabled={stop.busy} onClick={() => void stop.run('completed')}>
        <span className="btn__icon btn__icon--square" aria-hidden="true" />
        <span>Stop</span>
        <kbd className="btn__kbd">{SHORTCUT_HELP.stop}</kbd>
      </button>
      <button type="button" className="btn btn--pain" data-testid="pain-button" disabled={stop.busy} onClick={() => void stop.run('stopped: pain')}>
        <svg className="btn__svg" viewBox="0 0 32 32" aria-hidden="true">
          <path d="M10 2h12l8 8v12l-8 8H10l-8-8V10z" />
          <path className="btn__svg-cut" d="M16 8v10M16 22.5v1.5" />
        </svg>
        <span>It hurts — stop</span>
        <kbd className="btn__kbd">{SHORTCUT_HELP.pain}</kbd>
      </button>
      <ErrorLine error={stop.error} testId="stop-error" />
    </aside>
  );
}
