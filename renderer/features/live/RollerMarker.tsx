/**
 * The roller on the spine map: a bar across the band with the vertebra level beside it. Drawn at
 * y = 0 and moved with its `transform` attribute only (no layout work).
 */
import type { Ref } from 'react';
import { BAND_X0, BAND_X1 } from './SpineDiagram';

interface Props {
  groupRef?: Ref<SVGGElement>;
  levelRef?: Ref<SVGTextElement>;
  y: number;
  level: string;
  testId: string;
  hidden?: boolean;
}

export function RollerMarker({ groupRef, levelRef, y, level, testId, hidden }: Props) {
  return (
    <g ref={groupRef} className={`roller-marker ${hidden ? 'roller-marker--hidden' : ''}`} transform={`translate(0 ${y.toFixed(1)})`} data-testid={testId} aria-hidden="true">
      <rect className="roller-marker__body" x={BAND_X0 - 22} y={-13} width={BAND_X1 - BAND_X0 + 30} height={26} rx={13} />
      <path className="roller-marker__arrow" d={`M${BAND_X0 - 30} 0 l-18 -14 v28 z`} />
      <text ref={levelRef} className="roller-marker__level" x={BAND_X0 - 46} y={11} textAnchor="end">
        {level}
      </text>
    </g>
  );
}
