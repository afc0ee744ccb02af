/** The body and roller profile in brief, with the way to change it (Setup). */
import { useNavigation } from '../../app/navigation';
import type { Profile } from '../../bridge/contract';
import { formatDate } from '../../common/time-format';
import { MINUS, fixed, heightText, lengthText } from '../../common/units';

export function ProfileSummary({ profile }: { profile: Profile }) {
  const { go } = useNavigation();
  return (
    <section className="card" aria-labelledby="profile-summary-heading">
      <h2 id="profile-summary-heading">Profile</h2>
      <dl className="summary__facts">
        <div>
          <dt>Roller</dt>
          <dd>{fixed(profile.rollerDiameterIn, 1).replace(/\.0$/, '')} in</dd>
        </div>
        <div>
          <dt>Height</dt>
          <dd data-testid="summary-height">{heightText(profile.bodyHeightCm, profile.units)}</dd>
        </div>
        <div>
          <dt>Spine map</dt>
          <dd>
            {profile.calibratedAt && profile.neckAboveCm !== null && profile.lumbarBelowCm !== null
              ? `calibrated ${formatDate(profile.calibratedAt)} (neck +${lengthText(profile.neckAboveCm, profile.units)}, ribs ${MINUS}${lengthText(profile.lumbarBelowCm, profile.units)})`
              : 'estimated from height'}
          </dd>
        </div>
      </dl>
      <button type="button" className="btn btn--secondary" onClick={() => go('setup')} data-testid="edit-profile">
        Change in Setup
      </button>
    </section>
  );
}
