/**
 * Time on the current spot: a ring filling toward the limit, with a mark at the nudge and the
 * seconds in its centre. Updated per animation frame through attributes.
 */
import { useRef } from 'react';
import { useServices } from '../../app/services-context';
import { useFrame } from '../../common/use-frame';
import { DWELL_LEVEL_TEXT, dwellRing } from './dwell-ring';

const R = 84;
const C = 2 * Math.PI * R;

interface Props {
  nudgeS: number;
  limitS: number;
}

export function DwellRing({ nudgeS, limitS }: Props) {
  const { liveFeed } = useServices();
  const root = useRef<HTMLElement>(null);
  const arc = useRef<SVGCircleElement>(null);
  const secs = useRef<SVGTextElement>(null);
  const note = useRef<HTMLParagraphElement>(null);
  const shown = useRef({ offset: '', secs: '', level: '' });
  const nudgeAt = dwellRing(0, nudgeS, limitS).nudgeFraction;
  const nudgeAngle = nudgeAt * 2 * Math.PI - Math.PI / 2;

  useFrame(() => {
    const p = liveFeed.latest;
    const view = dwellRing(p?.dwellS ?? 0, nudgeS, limitS);
    const last = shown.current;
    const offset = (C * (1 - view.fraction)).toFixed(1);
    if (offset !== last.offset && arc.current) {
      arc.current.setAttribute('stroke-dashoffset', offset);
      last.offset = offset;
    }
    const s = String(view.seconds);
    if (s !== last.secs && secs.current) {
      secs.current.textContent = s;
      last.secs = s;
    }
    if (view.level !== last.level) {
      root.current?.setAttribute('data-level', view.level);
      if (note.current) note.current.textContent = DWELL_LEVEL_TEXT[view.level];
      last.level = view.level;
    }
  });

  return (
    <section ref={root} className="dwell-ring" data-level="fine" data-testid="dwell-ring" aria-labelledby="dwell-heading">
      <h2 id="dwell-heading" className="panel-heading">
        Same spot
      </h2>
      <svg className="dwell-ring__svg" viewBox="0 0 200 200" aria-hidden="true">
        <circle className="dwell-ring__track" cx="100" cy="100" r={R} />
        <circle ref={arc} className="dwell-ring__arc" cx="100" cy="100" r={R} strokeDasharray={C.toFixed(1)} strokeDashoffset={C.toFixed(1)} transform="rotate(-90 100 100)" />
        <line
          className="dwell-ring__nudge-mark"
          x1={100 + (R - 18) * Math.cos(nudgeAngle)}
          y1={100 + (R - 18) * Math.sin(nudgeAngle)}
          x2={100 + (R + 18) * Math.cos(nudgeAngle)}
          y2={100 + (R + 18) * Math.sin(nudgeAngle)}
        />
        <text ref={secs} className="dwell-ring__secs" x="100" y="108" textAnchor="middle" dominantBaseline="middle">
          0
        </text>
        <text className="dwell-ring__unit" x="100" y="152" textAnchor="middle">
          s
        </text>
      </svg>
      <p ref={note} className="dwell-ring__note">
        {DWELL_LEVEL_TEXT.fine}
      </p>
      <p className="dwell-ring__legend">
        nudge {nudgeS} s · limit {limitS} s
      </p>
    </section>
  );
}
