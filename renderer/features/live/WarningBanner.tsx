/**
 * The coaching warning: a full-width banner under the header of every screen, with an icon and
 * words (role="alert", so screen readers announce it), cleared automatically after a few seconds.
 * It takes its own room in the page and covers nothing. While a session runs (`reserveRoom`) the
 * room stays when no warning shows, so the live view does not jump when one comes; a hands-free
 * session or a routine shows its state there (`GuideBanner`) while no warning does.
 */
import { useServices } from '../../app/services-context';
import { useSnapshot } from '../../app/use-app-state';
import { formatSpeed } from '../../common/units';
import { useStore } from '../../common/use-store';
import { GuideBanner } from './GuideBanner';
import type { ActiveWarning } from './warning-queue';
import { WarningIcon } from './WarningIcon';
import './live.css';
import { warningText } from './warning-text';

const selectActive = (w: ActiveWarning | null) => w;

export function WarningBanner({ reserveRoom }: { reserveRoom: boolean }) {
  const { warnings } = useServices();
  const active = useStore(warnings.active, selectActive);
  const { session } = useSnapshot();
  if (!active && !reserveRoom) return null;
  const guided = session.state === 'running' && (session.handsFree || session.routine);
  return (
    <div className={`warning-area ${reserveRoom ? 'warning-area--reserved' : ''}`} data-testid="warning-area">
      {active ? <ActiveBanner active={active} /> : guided ? <GuideBanner session={session} /> : <p className="warning-area__calm">No warnings — keep it slow and even</p>}
    </div>
  );
}

function ActiveBanner({ active }: { active: ActiveWarning }) {
  const { profile } = useSnapshot();
  const limit = formatSpeed(profile.speedLimitInPerS, profile.units);
  const text = warningText(active.event.kind, {
    speedLimitText: `${limit.value} ${limit.unit}`,
    dwellNudgeS: profile.dwellNudgeS,
    dwellLimitS: profile.dwellLimitS,
    dailyBudgetMin: profile.dailyBudgetMin,
  });
  return (
    <div key={active.id} className={`warning warning--${active.event.kind} warning--p${active.priority}`} role="alert" data-testid="warning-banner" data-kind={active.event.kind}>
      <WarningIcon kind={active.event.kind} />
      <div className="warning__text">
        <p className="warning__title">{text.title}</p>
        <p className="warning__hint">{text.hint}</p>
      </div>
    </div>
  );
}
