/**
 * The spine map during a session: the marker follows the newest live point, updated once per
 * animation frame through attributes (transform, text), never through React renders.
 */
import { useRef } from 'react';
import { useServices } from '../../app/services-context';
import { vertebraIn } from '../../bridge/contract';
import type { Units } from '../../common/units';
import { useFrame } from '../../common/use-frame';
import { isStale } from './live-feed';
import { RollerMarker } from './RollerMarker';
import { SpineDiagram } from './SpineDiagram';
import { yOf, type SpineScale } from './spine-scale';

interface Props {
  neckAboveCm: number;
  lumbarBelowCm: number;
  units: Units;
  testId?: string;
}

export function LiveSpine({ neckAboveCm, lumbarBelowCm, units, testId = 'roller-marker' }: Props) {
  return (
    <SpineDiagram neckAboveCm={neckAboveCm} lumbarBelowCm={lumbarBelowCm} units={units} label="Spine map with the roller's position" marker={(scale) => <LiveMarker scale={scale} testId={testId} />} />
  );
}

function LiveMarker({ scale, testId }: { scale: SpineScale; testId: string }) {
  const { liveFeed } = useServices();
  const group = useRef<SVGGElement>(null);
  const levelText = useRef<SVGTextElement>(null);
  const shown = useRef({ version: -1, transform: '', level: '', stale: false, zone: '' });

  useFrame((now) => {
    const g = group.current;
    const t = levelText.current;
    if (!g || !t) return;
    const p = liveFeed.latest;
    const last = shown.current;
    const stale = isStale(liveFeed, now);
    if (stale !== last.stale) {
      g.classList.toggle('roller-marker--stale', stale);
      last.stale = stale;
    }
    if (!p || liveFeed.version === last.version) return;
    last.version = liveFeed.version;
    const transform = `translate(0 ${yOf(scale, p.positionCm).toFixed(1)})`;
    if (transform !== last.transform) {
      g.setAttribute('transform', transform);
      last.transform = transform;
    }
    // The level inside the zone main decided: the marker and the zone readout agree.
    const level = vertebraIn(p.zone, p.positionCm, scale);
    if (level !== last.level) {
      t.textContent = level;
      last.level = level;
    }
    if (p.zone !== last.zone) {
      g.setAttribute('data-zone', p.zone);
      last.zone = p.zone;
    }
  });

  const p = liveFeed.latest;
  return <RollerMarker groupRef={group} levelRef={levelText} y={yOf(scale, p?.positionCm ?? 0)} level={p ? vertebraIn(p.zone, p.positionCm, scale) : 'T7'} testId={testId} />;
}
