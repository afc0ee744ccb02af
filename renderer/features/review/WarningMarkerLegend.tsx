/**
 * The key to the position chart's warning markers: each kind of warning the session has, drawn as
 * the chart draws it (colour and shape), with its name.
 */
import type { CoachEventKind } from '../../bridge/contract';
import { EVENT_COLOUR, EVENT_LABEL, markerShape } from './review-charts';

const ORDER = Object.keys(EVENT_LABEL) as CoachEventKind[];

/** The kinds among `events`, each once, in a fixed order. */
export function markerKinds(events: readonly { kind: CoachEventKind }[]): CoachEventKind[] {
  const seen = new Set(events.map((e) => e.kind));
  return ORDER.filter((k) => seen.has(k));
}

export function WarningMarkerLegend({ events, testId = 'marker-legend' }: { events: readonly { kind: CoachEventKind }[]; testId?: string }) {
  const kinds = markerKinds(events);
  if (kinds.length === 0) return null;
  return (
    <ul className="marker-legend" aria-label="Warning markers" data-testid={testId}>
      {kinds.map((k) => (
        <li key={k} data-kind={k}>
          <svg width="26" height="26" viewBox="-13 -13 26 26" aria-hidden="true">
            {markerShape(k) === 'triangle' ? (
              <polygon points="0,-10 10,8 -10,8" fill={EVENT_COLOUR[k]} stroke="#000" strokeWidth="2" />
            ) : (
              <polygon points="0,-10 10,0 0,10 -10,0" fill={EVENT_COLOUR[k]} stroke="#000" strokeWidth="2" />
            )}
          </svg>
          {EVENT_LABEL[k]}
        </li>
      ))}
    </ul>
  );
}
