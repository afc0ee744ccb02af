/**
 * Where the user's data lives, and erasing all of it: every session, the profile with the safety
 * answers, and the remembered sensor (exported files are the user's and stay). Asks first.
 */
import { useState } from 'react';
import type { AppSnapshot } from '../../bridge/contract';
import { useServices } from '../../app/services-context';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { ErrorLine } from '../../common/ErrorLine';
import { useAction } from '../../common/use-action';

export function YourData({ storage, sessionRunning }: { storage: AppSnapshot['storage']; sessionRunning: boolean }) {
  const { bridge } = useServices();
  const [asking, setAsking] = useState(false);
  const erase = useAction(async () => {
    await bridge.request('data.eraseAll', { confirm: 'erase everything' });
    setAsking(false);
  });
  return (
    <section className="card" aria-labelledby="your-data-heading" data-testid="your-data">
      <h2 id="your-data-heading">Your data</h2>
      <p>Everything stays on this computer; nothing is sent anywhere.</p>
      <dl className="settings__paths">
        <dt>Sessions, profile and safety answers</dt>
        <dd>
          <code data-testid="data-folder">{storage.dataFolder ?? 'kept in memory only (not saved)'}</code>
        </dd>
        <dt>Exported files</dt>
        <dd>
          <code>{storage.exportFolder}</code>
        </dd>
        {storage.logFile && (
          <>
            <dt>Support log (for when you ask for help)</dt>
            <dd>
              <code data-testid="log-file">{storage.logFile}</code>
            </dd>
          </>
        )}
      </dl>
      <button type="button" className="btn btn--danger" disabled={sessionRunning || erase.busy} onClick={() => setAsking(true)} data-testid="erase-all">
        Erase all my data…
      </button>
      {sessionRunning && <p className="settings__hint">Stop the session first.</p>}
      {asking && (
        <ConfirmDialog
          title="Erase all your data?"
          confirmLabel="Erase everything"
          cancelLabel="Keep my data"
          danger
          busy={erase.busy}
          onConfirm={() => void erase.run()}
          onCancel={() => setAsking(false)}
          testId="erase-confirm"
          confirmTestId="erase-confirm-yes"
        >
          <p>Every session, your profile and calibration, your answers to the safety questions, the remembered sensor and the support log are removed from this computer. This cannot be undone.</p>
          <p>Files you exported stay where they are. The app starts again with the safety questions.</p>
          <ErrorLine error={erase.error && `Could not erase: ${erase.error}`} testId="erase-error" />
        </ConfirmDialog>
      )}
    </section>
  );
}
