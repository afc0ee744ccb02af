/**
 * The large speed readout and the gauge against the limit (colour + words + the limit mark),
 * plus where the roller is. Updated per animation frame through refs.
 */
import { useRef } from 'react';
import { useServices } from '../../app/services-context';
import { vertebraIn } from '../../bridge/contract';
import { formatSpeed, type Units } from '../../common/units';
import { useFrame } from '../../common/use-frame';
import { isStale } from './live-feed';
import { GAUGE_SPAN, SPEED_LEVEL_TEXT, gaugeFraction, speedLevel, type SpeedLevel } from './speed-gauge';
import { ZONE_STYLE } from './zone-style';

const GAUGE_W = 1000;
const GAUGE_H = 64;

interface Props {
  units: Units;
  limitInPerS: number;
  neckAboveCm: number;
  lumbarBelowCm: number;
}

export function SpeedPanel({ units, limitInPerS, neckAboveCm, lumbarBelowCm }: Props) {
  const { liveFeed } = useServices();
  const panel = useRef<HTMLElement>(null);
  const value = useRef<HTMLSpanElement>(null);
  const fill = useRef<SVGRectElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const where = useRef<HTMLParagraphElement>(null);
  const shown = useRef<{ value: string; level: SpeedLevel | ''; scale: string; where: string; stale: boolean }>({ value: '', level: '', scale: '', where: '', stale: false });
  const limit = formatSpeed(limitInPerS, units);

  useFrame((now) => {
    const last = shown.current;
    const p = liveFeed.latest;
    const stale = isStale(liveFeed, now);
    const speed = p && !stale ? p.speedInPerS : 0;
    const text = p && !stale ? formatSpeed(speed, units).value : '–';
    if (text !== last.value && value.current) {
      value.current.textContent = text;
      last.value = text;
    }
    const level = speedLevel(speed, limitInPerS);
    if (level !== last.level) {
      panel.current?.setAttribute('data-level', level);
      if (status.current) status.current.textContent = SPEED_LEVEL_TEXT[level];
      last.level = level;
    }
    const scale = `scale(${gaugeFraction(speed, limitInPerS).toFixed(3)} 1)`;
    if (scale !== last.scale && fill.current) {
      fill.current.setAttribute('transform', scale);
      last.scale = scale;
    }
    // The level is taken inside the zone main decided, so the two words never disagree.
    const w = p ? `${ZONE_STYLE[p.zone].label} · about ${vertebraIn(p.zone, p.positionCm, { neckAboveCm, lumbarBelowCm })}` : 'Waiting for the sensor…';
    if (w !== last.where && where.current) {
      where.current.textContent = w;
      last.where = w;
    }
    if (stale !== last.stale) {
      panel.current?.classList.toggle('speed--stale', stale);
      last.stale = stale;
    }
  });

  const limitX = GAUGE_W / GAUGE_SPAN;
  return (
    <section ref={panel} className="speed" data-level="still" aria-labelledby="speed-heading">
      <h2 id="speed-heading" className="panel-heading">
        Speed
      </h2>
      <p className="speed__readout" data-testid="speed-readout">
        <span ref={value} className="speed__value">
          –
        </span>
        <span className="speed__unit">{limit.unit}</span>
      </p>
      <svg className="gauge" viewBox={`0 0 ${GAUGE_W} ${GAUGE_H + 10}`} preserveAspectRatio="none" aria-hidden="true" data-testid="speed-gauge">
        <rect className="gauge__track" x="0" y="5" width={GAUGE_W} height={GAUGE_H} rx="10" />
        <rect className="gauge__over-zone" x={limitX} y="5" width={GAUGE_W - limitX} height={GAUGE_H} />
        <rect ref={fill} className="gauge__fill" x="0" y="5" width={GAUGE_W} height={GAUGE_H} transform="scale(0 1)" />
        <line className="gauge__limit" x1={limitX} x2={limitX} y1="0" y2={GAUGE_H + 10} />
      </svg>
      <p className="speed__scale" aria-hidden="true">
        <span>0</span>
        <span className="speed__limit-label">
          limit {limit.value} {limit.unit}
        </span>
        <span>{formatSpeed(limitInPerS * GAUGE_SPAN, units).value}</span>
      </p>
      <p className="speed__status">
        <span className="speed__status-icon" aria-hidden="true" />
        <span ref={status}>{SPEED_LEVEL_TEXT.still}</span>
      </p>
      <p ref={where} className="speed__where" data-testid="zone-readout">
        Waiting for the sensor…
      </p>
    </section>
  );
}
