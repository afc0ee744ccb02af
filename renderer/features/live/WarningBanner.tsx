/**
 * The coaching warning: a full-width banner over the top of every screen, with an icon and words
 * (role="alert", so screen readers announce it), cleared automatically after a few seconds.
 */
import { useServices } from '../../app/services-context';
import { useSnapshot } from '../../app/use-app-state';
import { formatSpeed } from '../../common/units';
import { useStore } from '../../common/use-store';
import type { ActiveWarning } from './warning-queue';
import { WarningIcon } from './WarningIcon';
import './live.css';
import { warningText } from './warning-text';

const selectActive = (w: ActiveWarning | null) => w;

export function WarningBanner() {
  const { warnings } = useServices();
  const active = useStore(warnings.active, selectActive);
  const { profile } = useSnapshot();
  if (!active) return null;
  const limit = formatSpeed(profile.speedLimitInPerS, profile.units);
  const text = warningText(active.event.kind, {
    speedLimitText: `${limit.value} ${limit.unit}`,
    dwellNudgeS: profile.dwellNudgeS,
    dwellLimitS: profile.dwellLimitS,
    dailyBudgetMin: profile.dailyBudgetMin,
  });
  return (
    <div
      key={active.id}
      className={`warning warning--${active.event.kind} warning--p${active.priority}`}
      role="alert"
      data-testid="warning-banner"
      data-kind={active.event.kind}
    >
      <WarningIcon kind={active.event.kind} />
      <div className="warning__text">
        <p className="warning__title">{text.title}</p>
        <p className="warning__hint">{text.hint}</p>
      </div>
    </div>
  );
}
