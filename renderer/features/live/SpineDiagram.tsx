/**
 * The spine map as an SVG: the four zones as coloured bands (the no-go zones also hatched and
 * labelled "keep off"), the boundaries, and a roller marker whose transform the caller moves.
 */
import { useId, type ReactNode } from 'react';
import type { Units } from '../../common/units';
import { lengthText } from '../../common/units';
import { spineScale, yOf, zoneBands, type SpineScale } from './spine-scale';
import { ZONE_COLOUR, ZONE_STYLE } from './zone-style';

export const SPINE_VIEW_W = 400;
export const SPINE_VIEW_H = 720;
/** Where the bands sit horizontally (room on the left for the level label, e.g. "T12"). */
export const BAND_X0 = 112;
export const BAND_X1 = 190;

interface Props {
  neckAboveCm: number;
  lumbarBelowCm: number;
  units: Units;
  /** Draws the roller marker (given the scale); it owns its own updates. */
  marker: (scale: SpineScale) => ReactNode;
  label: string;
  className?: string;
}

export function SpineDiagram({ neckAboveCm, lumbarBelowCm, units, marker, label, className }: Props) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const scale = spineScale(neckAboveCm, lumbarBelowCm, SPINE_VIEW_H);
  const bands = zoneBands(scale);
  const yNeck = yOf(scale, neckAboveCm);
  const yStart = yOf(scale, 0);
  const yLumbar = yOf(scale, -lumbarBelowCm);
  const vertebraStepPx = (2.8 / (scale.topCm - scale.bottomCm)) * SPINE_VIEW_H;
  const vertebrae: number[] = [];
  for (let y = vertebraStepPx / 2; y < SPINE_VIEW_H; y += vertebraStepPx) vertebrae.push(y);

  return (
    <svg className={`spine ${className ?? ''}`} viewBox={`0 0 ${SPINE_VIEW_W} ${SPINE_VIEW_H}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      <defs>
        <pattern id={`${uid}-diag`} width="16" height="16" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="16" height="16" fill={ZONE_COLOUR.lumbar} />
          <rect width="6" height="16" fill="#000" fillOpacity="0.55" />
        </pattern>
        <pattern id={`${uid}-cross`} width="14" height="14" patternUnits="userSpaceOnUse">
          <rect width="14" height="14" fill={ZONE_COLOUR.neck} />
          <path d="M0 0L14 14M14 0L0 14" stroke="#000" strokeOpacity="0.6" strokeWidth="3" />
        </pattern>
      </defs>
      {bands.map((b) => {
        const style = ZONE_STYLE[b.zone];
        const fill = style.pattern === 'diagonal' ? `url(#${uid}-diag)` : style.pattern === 'crosshatch' ? `url(#${uid}-cross)` : ZONE_COLOUR[b.zone];
        const mid = (b.y0 + b.y1) / 2;
        return (
          <g key={b.zone} className={`spine__zone ${style.className}`}>
            <rect x={BAND_X0} y={b.y0} width={BAND_X1 - BAND_X0} height={Math.max(0, b.y1 - b.y0)} fill={fill} />
            <text className="spine__zone-label" x={BAND_X1 + 18} y={mid - 6}>
              {style.label}
            </text>
            <text className={`spine__zone-note ${style.rollHere ? '' : 'spine__zone-note--avoid'}`} x={BAND_X1 + 18} y={mid + 26}>
              {style.note}
            </text>
          </g>
        );
      })}
      <g className="spine__vertebrae" aria-hidden="true">
        {vertebrae.map((y) => (
          <rect key={y} x={(BAND_X0 + BAND_X1) / 2 - 11} y={y - vertebraStepPx * 0.3} width="22" height={vertebraStepPx * 0.6} rx="4" />
        ))}
      </g>
      <g className="spine__bounds" aria-hidden="true">
        <line x1={BAND_X0 - 10} x2={SPINE_VIEW_W} y1={yNeck} y2={yNeck} className="spine__bound" />
        <line x1={BAND_X0 - 10} x2={BAND_X1 + 10} y1={yStart} y2={yStart} className="spine__start" />
        <line x1={BAND_X0 - 10} x2={SPINE_VIEW_W} y1={yLumbar} y2={yLumbar} className="spine__bound" />
        <text className="spine__bound-label" x={SPINE_VIEW_W - 4} y={yNeck - 8} textAnchor="end">
          base of neck +{lengthText(neckAboveCm, units, 0)}
        </text>
        <text className="spine__bound-label" x={SPINE_VIEW_W - 4} y={yLumbar + 26} textAnchor="end">
          end of ribs −{lengthText(lumbarBelowCm, units, 0)}
        </text>
        <text className="spine__bound-label" x={BAND_X1 + 18} y={yStart + 7}>
          start spot
        </text>
      </g>
      {marker(scale)}
    </svg>
  );
}
