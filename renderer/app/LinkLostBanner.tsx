/** When the app itself cannot be reached (browser host gone): a clear banner with the retry state. */
import { isAppLinkLost, type BridgeStatus } from '../bridge/bridge-status';

export function LinkLostBanner({ status }: { status: BridgeStatus }) {
  if (!isAppLinkLost(status)) return null;
  return (
    <div className="link-lost" role="alert" data-testid="app-link-lost" data-state={status.state}>
      <p className="link-lost__title">
        <span aria-hidden="true">⚠ </span>Connection to the app lost
      </p>
      <p className="link-lost__detail">
        {status.state === 'reconnecting'
          ? `Reconnecting (attempt ${status.attempt})${status.reason ? `; ${status.reason}` : ''}. The app keeps recording on its own; this screen catches up when the connection is back.`
          : (status.reason ?? 'The app cannot be reached.')}
      </p>
    </div>
  );
}
