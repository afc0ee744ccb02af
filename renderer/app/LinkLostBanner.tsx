/**
 * When the app itself cannot be reached (browser host gone): a clear banner. At first it may be
 * a blip (reconnecting); after a few attempts it says the app is not running, that the sensor's
 * state is unknown, and how to start the app again (bridge-status.ts).
 */
import { isAppLinkLost, linkLostText, type BridgeStatus } from '../bridge/bridge-status';

export function LinkLostBanner({ status }: { status: BridgeStatus }) {
  if (!isAppLinkLost(status)) return null;
  const t = linkLostText(status);
  return (
    <div className="link-lost" role="alert" data-testid="app-link-lost" data-state={status.state} data-stopped={t.restart ? 'yes' : 'no'}>
      <p className="link-lost__title">
        <span aria-hidden="true">⚠ </span>
        {t.title}
      </p>
      <p className="link-lost__detail">{t.detail}</p>
      {t.restart && (
        <p className="link-lost__detail" data-testid="app-restart">
          {t.restart}
        </p>
      )}
    </div>
  );
}
