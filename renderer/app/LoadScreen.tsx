/** Before the snapshot arrives: waiting, or why it failed with a retry. */
import type { BridgeStatus } from '../bridge/bridge-status';
import { LinkLostBanner } from './LinkLostBanner';

interface Props {
  failed: boolean;
  error: string | null;
  bridge: BridgeStatus;
  onRetry(): void;
}

export function LoadScreen({ failed, error, bridge, onRetry }: Props) {
  return (
    <div className="app">
      <LinkLostBanner status={bridge} />
      <main className="app-main load" id="main" aria-busy={!failed}>
        <h1>Roller Companion</h1>
        {failed ? (
          <>
            <p className="field-error" role="alert" data-testid="load-error">
              Could not load the app’s state: {error}
            </p>
            <button type="button" className="btn btn--primary" onClick={onRetry} data-testid="load-retry">
              Try again
            </button>
          </>
        ) : (
          <p role="status" data-testid="loading">
            <span className="spinner" aria-hidden="true" /> Connecting to the app…
          </p>
        )}
      </main>
    </div>
  );
}
