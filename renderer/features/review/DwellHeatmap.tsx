/**
 * Where the time went along the spine: the session's time per 1-inch bin as a heat column beside
 * the spine diagram (bar length and colour both grow with time), and the time per zone.
 */
import type { SessionReview } from '../../bridge/contract';
import { formatDurationWords } from '../../common/time-format';
import { lengthText, positionText, type Units } from '../../common/units';
import { BAND_X0, SpineDiagram } from '../live/SpineDiagram';
import { ZONE_COLOUR, ZONE_STYLE } from '../live/zone-style';
import { percentText } from '../history/history-format';
import { heatRects, heatScale, hottestBin, zoneShares } from './dwell-heat';

const HEAT_X1 = BAND_X0 - 6;
const HEAT_WIDTH = 96;

interface Props {
  review: SessionReview;
  units: Units;
  /** Shorter layout for the side-by-side comparison. */
  compact?: boolean;
  testId?: string;
}

export function DwellHeatmap({ review, units, compact, testId = 'dwell-heatmap' }: Props) {
  const { neckAboveCm, lumbarBelowCm } = review.settings;
  const hottest = hottestBin(review.dwell);
  const binText = lengthText(review.dwell.binCm, units, units === 'in' ? 0 : 1);
  const label = hottest
    ? `Time along the spine in ${binText} steps. Most time, ${formatDurationWords(hottest.seconds)}, between ${positionText(hottest.fromCm, units)} and ${positionText(hottest.toCm, units)}.`
    : 'No time along the spine was recorded.';
  const shares = zoneShares(review.session.summary?.zoneTimeS);
  const scale = heatScale(review.dwell);
  return (
    <div className={`dwell ${compact ? 'dwell--compact' : ''}`} data-testid={testId}>
      <div className="dwell__map">
        <SpineDiagram
          neckAboveCm={neckAboveCm}
          lumbarBelowCm={lumbarBelowCm}
          units={units}
          label={label}
          className="dwell__spine"
          marker={(scale) => (
            <g className="dwell__heat" data-testid="dwell-bins">
              {heatRects(review.dwell, scale).map((r) => (
                <rect
                  key={r.fromCm}
                  x={HEAT_X1 - Math.max(4, r.heat * HEAT_WIDTH)}
                  y={r.y + 0.5}
                  width={Math.max(4, r.heat * HEAT_WIDTH)}
                  height={Math.max(1, r.height - 1)}
                  fill={r.fill}
                  data-seconds={r.seconds.toFixed(2)}
                  data-from-cm={r.fromCm.toFixed(2)}
                >
                  <title>{`${positionText(r.fromCm, units)} to ${positionText(r.toCm, units)}: ${formatDurationWords(r.seconds)}`}</title>
                </rect>
              ))}
            </g>
          )}
        />
        <p className="dwell__caption">
          {hottest ? (
            <>
              Most time: <strong data-testid="dwell-hottest">{formatDurationWords(hottest.seconds)}</strong> at {positionText((hottest.fromCm + hottest.toCm) / 2, units)}
            </>
          ) : (
            'No time recorded'
          )}
        </p>
        {scale && (
          <figure className="heat-scale" data-testid="dwell-scale">
            <figcaption>Time per {binText} (colour and bar length)</figcaption>
            <div className="heat-scale__bar" style={{ background: scale.gradient }} aria-hidden="true" />
            <ol className="heat-scale__values">
              {scale.stops.map((s) => (
                <li key={s.at} style={{ left: `${s.at * 100}%` }} data-at={s.at}>
                  {formatDurationWords(s.seconds)}
                </li>
              ))}
            </ol>
          </figure>
        )}
      </div>
      <div className="dwell__zones">
        <h3>Time per zone</h3>
        <ul className="zone-times" data-testid="zone-times">
          {shares.map((z) => (
            <li key={z.zone} className="zone-times__row" data-zone={z.zone} data-seconds={z.seconds.toFixed(2)}>
              <span className="zone-times__name">{ZONE_STYLE[z.zone].label}</span>
              <span className="zone-times__bar" aria-hidden="true">
                <span style={{ width: `${(z.share * 100).toFixed(1)}%`, background: ZONE_COLOUR[z.zone] }} />
              </span>
              <span className="zone-times__value">
                {formatDurationWords(z.seconds)} <span className="zone-times__share">({percentText(z.share)})</span>
              </span>
              {!ZONE_STYLE[z.zone].rollHere && z.seconds > 0 && <span className="zone-times__avoid">keep off</span>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
