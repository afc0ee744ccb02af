/**
 * A one-page session report to print or save as PDF (the browser's or Electron's print), for
 * showing a physiotherapist: when, how long, the session figures as stored, the speed and position
 * charts in ink on paper, the warnings, the time per zone, and the session's note when there is
 * one. On screen it shows as the sheet that will be printed; the print stylesheet (report.css)
 * prints the sheet alone on one A4 page.
 */
import { useCallback, useMemo } from 'react';
import { noteMarkerText, routineName, sessionFigureTexts, type SessionReview } from '../../bridge/contract';
import { formatDurationWords } from '../../common/time-format';
import { formatSpeed, lengthText, positionText, type Units } from '../../common/units';
import { endReasonView, localDayOf, percentText, startTimeText } from '../history/history-format';
import { ZONE_STYLE } from '../live/zone-style';
import { zoneShares } from './dwell-heat';
import { EVENT_LABEL, positionChartConfig, PRINT_THEME, speedChartConfig } from './review-charts';
import { tickTime } from './review-data';
import { ReviewChart } from './ReviewChart';
import { WarningMarkerLegend } from './WarningMarkerLegend';
import './report.css';

/** Warnings listed one by one on the page; the rest are counted. */
export const REPORT_MAX_EVENTS = 14;
/** A longer note is cut (with "…") so the report stays on one page. */
export const REPORT_MAX_NOTE_CHARS = 400;

/** The session's note as the report prints it: the rating and flags as History shows them, then the words; null without a note. */
export function reviewNote(review: SessionReview): string | null {
  const note = review.session.note;
  if (!note) return null;
  const rated = note.discomfort !== null || note.pain || note.numbness;
  const head = !rated ? '' : note.discomfort !== null ? `Discomfort ${noteMarkerText(note)}` : `Felt: ${noteMarkerText(note)}`;
  const parts = [head, note.text.trim()].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' — ') : null;
}

/** The note as printed: cut at `REPORT_MAX_NOTE_CHARS` with an ellipsis. */
export function printedNote(note: string): string {
  return note.length > REPORT_MAX_NOTE_CHARS ? `${note.slice(0, REPORT_MAX_NOTE_CHARS - 1).trimEnd()}…` : note;
}

interface Props {
  review: SessionReview;
  units: Units;
  /** The session's note (shown only when given). */
  note?: string | null;
  /** When the report was made, for its footer. */
  madeAt?: Date;
  onClose(): void;
  /** Opens the print dialog (tests pass their own). */
  print?: () => void;
}

export function SessionReport({ review, units, note = null, madeAt = new Date(), onClose, print = () => window.print() }: Props) {
  const speed = useMemo(() => speedChartConfig(review, units, PRINT_THEME), [review, units]);
  const position = useMemo(() => positionChartConfig(review, units, PRINT_THEME), [review, units]);
  const noop = useCallback(() => {}, []);
  const s = review.session.summary;
  const f = s ? sessionFigureTexts(s, (cm) => lengthText(cm, units)) : null;
  const limit = formatSpeed(review.settings.speedLimitInPerS, units);
  const ended = endReasonView(review.session.endReason);
  const shown = review.events.slice(0, REPORT_MAX_EVENTS);
  const more = review.events.length - shown.length;
  const facts: [string, string][] = [
    ['Length', f?.length ?? '–'],
    ['Rolling', f?.rolling ?? '–'],
    [`Within ${limit.value} ${limit.unit}`, f?.withinLimit ?? '–'],
    ['Longest stay on one spot', f?.longestStay ?? '–'],
    ['Warnings', f?.warnings ?? '–'],
    ['Past the lower-back line', f?.lumbar ?? '–'],
    ['Past the neck line', f?.neck ?? '–'],
    ['Ended', ended.text],
  ];

  return (
    <div className="report-view" data-testid="session-report">
      <div className="report-view__tools">
        <button type="button" className="btn btn--secondary" onClick={onClose} data-testid="report-close">
          ← Back to the review
        </button>
        <button type="button" className="btn btn--primary" onClick={print} data-testid="report-print">
          Print or save as PDF
        </button>
        <p className="report-view__hint">One A4 page. In the print dialog, choose your printer or &ldquo;Save as PDF&rdquo;.</p>
      </div>
      <article className="report-page" data-testid="report-page" aria-label="Session report">
        <header className="report__head">
          <h1>{review.session.routine ? `Foam rolling session: ${routineName(review.session.routine)}` : 'Foam rolling session'}</h1>
          <p className="report__when" data-testid="report-when">
            {review.session.day} at {startTimeText(review.session.startedAt)} · {f?.length ?? '–'} · {ended.text}
          </p>
        </header>
        {ended.pain && <p className="report__pain">Stopped because it hurt.</p>}
        <dl className="report__facts" data-testid="report-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <h2>
          Speed (limit {limit.value} {limit.unit}; shaded: too fast)
        </h2>
        <div className="report__chart report__chart--speed">
          <ReviewChart config={speed} label="Speed over time" testId="report-speed-chart" onChart={noop} />
        </div>
        <h2>Position on the back (+ toward the head; bands: keep-off zones)</h2>
        <div className="report__chart report__chart--position">
          <ReviewChart config={position} label="Position along the back over time, with the warnings" testId="report-position-chart" onChart={noop} />
        </div>
        <WarningMarkerLegend events={review.events} testId="report-marker-legend" />
        <div className="report__columns">
          <section>
            <h2>Warnings ({review.events.length})</h2>
            {review.events.length === 0 ? (
              <p>None.</p>
            ) : (
              <ol className="report__events" data-testid="report-events">
                {shown.map((e, i) => (
                  <li key={`${e.t}-${i}`}>
                    <span className="report__event-time">{tickTime(e.t)}</span> {EVENT_LABEL[e.kind]} at {positionText(e.positionCm, units)}
                  </li>
                ))}
                {more > 0 && <li className="report__more">… and {more} more</li>}
              </ol>
            )}
          </section>
          <section>
            <h2>Time per zone</h2>
            <table className="report__zones">
              <tbody>
                {zoneShares(s?.zoneTimeS).map((z) => (
                  <tr key={z.zone}>
                    <th scope="row">{ZONE_STYLE[z.zone].label}</th>
                    <td>{formatDurationWords(z.seconds)}</td>
                    <td>{percentText(z.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        {note !== null && (
          <section className="report__note" data-testid="report-note">
            <h2>Note</h2>
            <p>{printedNote(note)}</p>
          </section>
        )}
        <footer className="report__foot">
          Roller Companion · made {localDayOf(madeAt)} · settings: limit {limit.value} {limit.unit}, roller {review.settings.rollerDiameterIn} in · not medical advice
        </footer>
      </article>
    </div>
  );
}
