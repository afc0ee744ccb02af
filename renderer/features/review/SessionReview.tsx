/**
 * Review of one past session: summary, speed and position over time (chart.js), and the warnings.
 * Picking a warning centres both charts on it (±30 s) and shows what the engine saw there.
 * "Printable report" swaps the review for the one-page report (SessionReport) and back.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { routineName, sessionFigureTexts, type SessionReview as Review } from '../../bridge/contract';
import { useSnapshot } from '../../app/use-app-state';
import { useServices } from '../../app/services-context';
import { ErrorLine } from '../../common/ErrorLine';
import { errorText } from '../../common/error-text';
import { fixed, formatSpeed, lengthText, positionText, unitsInText, type Units } from '../../common/units';
import { endReasonView, percentText, startTimeText } from '../history/history-format';
import { EVENT_LABEL, positionChartConfig, selectedLine, speedChartConfig } from './review-charts';
import { engineViewAt, eventWindow, overLimitStretches, tickTime } from './review-data';
import { ReviewChart, type LineChart } from './ReviewChart';
import { EndReason } from '../history/EndReason';
import { DwellHeatmap } from './DwellHeatmap';
import { ReviewActions } from './ReviewActions';
import { SessionNoteEditor } from './SessionNoteEditor';
import { WarningMarkerLegend } from './WarningMarkerLegend';
import { reviewNote, SessionReport } from './SessionReport';
import { chartImageBase64 } from './chart-image';
import './review.css';

interface Props {
  id: number;
  onBack(): void;
  /** The session was deleted from here. */
  onDeleted(id: number): void;
}

type Load = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ready'; review: Review };

export function SessionReview({ id, onBack, onDeleted }: Props) {
  const { bridge } = useServices();
  const { profile } = useSnapshot();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [report, setReport] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    // A reload (after re-analysis) keeps the old review on screen until the new one is in.
    setLoad((l) => (l.state === 'ready' && l.review.session.id === id ? l : { state: 'loading' }));
    bridge.request('review.get', { id }).then(
      (review) => live && setLoad({ state: 'ready', review }),
      (err: unknown) => live && setLoad({ state: 'failed', error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [bridge, id, attempt]);

  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="review" data-testid="session-review">
      <div className="review__top">
        <button type="button" className="btn btn--secondary" onClick={onBack} data-testid="review-back">
          ← Back to history
        </button>
        <h1 ref={heading} tabIndex={-1}>
          Session review
        </h1>
      </div>
      {load.state === 'loading' && <p role="status">Loading the session…</p>}
      {load.state === 'failed' && (
        <div>
          <ErrorLine error={`Could not load this session: ${load.error}`} testId="review-error" />
          <button type="button" className="btn btn--primary" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {load.state === 'ready' &&
        (report ? (
          <SessionReport review={load.review} units={profile.units} note={reviewNote(load.review)} onClose={() => setReport(false)} />
        ) : (
          <ReviewBody review={load.review} units={profile.units} onReanalysed={() => setAttempt((n) => n + 1)} onDeleted={onDeleted} onReport={() => setReport(true)} />
        ))}
    </div>
  );
}

function ReviewBody({ review, units, onReanalysed, onDeleted, onReport }: { review: Review; units: Units; onReanalysed(): void; onDeleted(id: number): void; onReport(): void }) {
  const speedConfig = useMemo(() => speedChartConfig(review, units), [review, units]);
  const positionConfig = useMemo(() => positionChartConfig(review, units), [review, units]);
  const charts = useRef<{ speed: LineChart | null; position: LineChart | null }>({ speed: null, position: null });
  const onSpeed = useCallback((c: LineChart | null) => (charts.current.speed = c), []);
  const onPosition = useCallback((c: LineChart | null) => (charts.current.position = c), []);
  const [picked, setPicked] = useState<number | null>(null);

  const { t } = review.track;
  const tMin = t[0] ?? 0;
  const tMax = Math.max(t[t.length - 1] ?? 0, review.session.summary?.durationS ?? 0, 1);

  const setRange = useCallback((range: { min: number; max: number }, markAt: number | null) => {
    for (const chart of [charts.current.speed, charts.current.position]) {
      if (!chart) continue;
      const x = chart.options.scales?.x;
      if (x) {
        x.min = range.min;
        x.max = range.max;
      }
      const ann = chart.options.plugins?.annotation?.annotations;
      if (ann && !Array.isArray(ann)) {
        if (markAt === null) delete ann.selected;
        else ann.selected = selectedLine(markAt);
      }
      chart.update('none');
    }
  }, []);

  const pick = (i: number) => {
    const e = review.events[i];
    if (!e) return;
    setPicked(i);
    setRange(eventWindow(e.t, tMin, tMax, 30), e.t);
  };
  const showAll = () => {
    setPicked(null);
    setRange({ min: 0, max: tMax }, null);
  };

  const limit = formatSpeed(review.settings.speedLimitInPerS, units);
  const stretches = overLimitStretches(t, review.track.speedInPerS, review.settings.speedLimitInPerS, 0.5);
  const ex = review.session.summary?.excursions;
  const speedLabel = `Speed over time. Limit ${limit.value} ${limit.unit}. ${stretches.length} stretch${stretches.length === 1 ? '' : 'es'} above the limit; ${percentText(review.session.summary?.withinLimitShare)} of rolling time within it.`;
  const positionLabel = `Position along the back over time, with the neck zone above ${positionText(review.settings.neckAboveCm, units)} and the lower back below ${positionText(-Math.abs(review.settings.lumbarBelowCm), units)}. ${review.events.length} warning${review.events.length === 1 ? '' : 's'} marked${ex ? `; ${ex.lumbar.count} lower-back and ${ex.neck.count} neck excursions` : ''}.`;

  const pickedEvent = picked !== null ? review.events[picked] : undefined;
  const chartImage = () => {
    const canvases = [charts.current.speed?.canvas, charts.current.position?.canvas].filter((c): c is HTMLCanvasElement => !!c);
    return chartImageBase64(`Roller Companion — session of ${review.session.day} at ${startTimeText(review.session.startedAt)}`, canvases);
  };
  return (
    <div className="review__body">
      <Summary review={review} units={units} />
      <div className="review__note">
        <SessionNoteEditor key={review.session.id} sessionId={review.session.id} note={review.session.note} />
      </div>
      <ReviewActions review={review} units={units} chartImage={chartImage} onReanalysed={onReanalysed} onDeleted={onDeleted} onReport={onReport} />
      <section className="card review__where" aria-labelledby="review-where-heading">
        <h2 id="review-where-heading">Where the time went</h2>
        <DwellHeatmap review={review} units={units} />
      </section>
      <section className="card review__charts" aria-labelledby="review-charts-heading">
        <div className="review__charts-head">
          <h2 id="review-charts-heading">Over time</h2>
          <button type="button" className="btn btn--chip" onClick={showAll} data-testid="review-show-all">
            Show whole session
          </button>
        </div>
        <h3 className="review__chart-title">
          Speed (limit {limit.value} {limit.unit}; shaded: too fast)
        </h3>
        <ReviewChart config={speedConfig} label={speedLabel} testId="speed-chart" onChart={onSpeed} />
        <h3 className="review__chart-title">Position (bands: keep-off zones; markers: warnings)</h3>
        <ReviewChart config={positionConfig} label={positionLabel} testId="position-chart" onChart={onPosition} />
        <WarningMarkerLegend events={review.events} />
      </section>
      <section className="card review__events" aria-labelledby="review-events-heading">
        {/* Every event, the time-budget reminder too; the summary's "Warnings" counts coaching warnings only. */}
        <h2 id="review-events-heading">Events ({review.events.length})</h2>
        {review.events.length === 0 ? (
          <p>No warnings in this session.</p>
        ) : (
          <ul className="review__event-list" data-testid="review-events">
            {review.events.map((e, i) => (
              <li key={`${e.t}-${i}`}>
                <button
                  type="button"
                  className={`review__event ${picked === i ? 'review__event--picked' : ''}`}
                  aria-pressed={picked === i}
                  onClick={() => pick(i)}
                  data-testid="review-event"
                  data-kind={e.kind}
                >
                  <span className="review__event-time">{tickTime(e.t)}</span>
                  <span className={`review__event-kind review__event-kind--${e.kind}`}>{EVENT_LABEL[e.kind]}</span>
                  <span className="review__event-pos">{positionText(e.positionCm, units)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div aria-live="polite">{pickedEvent && <EngineSaw review={review} time={pickedEvent.t} detail={pickedEvent.detail} units={units} />}</div>
      </section>
    </div>
  );
}

function Summary({ review, units }: { review: Review; units: Units }) {
  const s = review.session.summary;
  const f = s ? sessionFigureTexts(s, (cm) => lengthText(cm, units)) : null;
  const limit = formatSpeed(review.settings.speedLimitInPerS, units);
  const pain = endReasonView(review.session.endReason).pain;
  return (
    <section className={`card review__summary ${pain ? 'review__summary--pain' : ''}`} aria-labelledby="review-summary-heading" data-testid="review-summary">
      <h2 id="review-summary-heading">
        {review.session.day} at {startTimeText(review.session.startedAt)}
        {review.session.routine && <span data-testid="review-routine"> · {routineName(review.session.routine)}</span>}
      </h2>
      {review.session.imported && (
        <p className="review__imported" data-testid="review-imported">
          <span className="imported-badge">Imported</span>
          {review.session.importedFrom && <> from {review.session.importedFrom}</>}
        </p>
      )}
      <dl className="summary__facts">
        <div>
          <dt>Length</dt>
          <dd data-testid="review-duration">{f?.length ?? '–'}</dd>
        </div>
        <div>
          <dt>Rolling</dt>
          <dd data-testid="review-rolling">{f?.rolling ?? '–'}</dd>
        </div>
        <div>
          <dt>
            Within {limit.value} {limit.unit}
          </dt>
          <dd data-testid="review-within-limit">{f?.withinLimit ?? '–'}</dd>
        </div>
        <div>
          <dt>Longest stay</dt>
          <dd data-testid="review-longest-stay">{f?.longestStay ?? '–'}</dd>
        </div>
        <div>
          <dt>Warnings</dt>
          <dd data-testid="review-warnings">{f?.warnings ?? '–'}</dd>
        </div>
        <div>
          <dt>Lower back</dt>
          <dd data-testid="review-lumbar">{f?.lumbar ?? '–'}</dd>
        </div>
        <div>
          <dt>Neck</dt>
          <dd data-testid="review-neck">{f?.neck ?? '–'}</dd>
        </div>
        <div>
          <dt>Ended</dt>
          <EndReason reason={review.session.endReason} testId="review-end-reason" />
        </div>
      </dl>
    </section>
  );
}

function EngineSaw({ review, time, detail, units }: { review: Review; time: number; detail: string; units: Units }) {
  const v = engineViewAt(review.track, time);
  const speed = v ? formatSpeed(v.speedInPerS, units) : null;
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  return (
    <div className="review__saw" data-testid="review-event-detail">
      <h3>What the engine saw at {tickTime(time)}</h3>
      <p className="review__detail">{unitsInText(detail, units)}</p>
      {v ? (
        <dl className="summary__facts" data-testid="review-diagnostics">
          <div>
            <dt>Position</dt>
            <dd>{positionText(v.positionCm, units)}</dd>
          </div>
          <div>
            <dt>Speed</dt>
            <dd>
              {speed?.value} {speed?.unit}
            </dd>
          </div>
          <div>
            <dt>At rest</dt>
            <dd data-testid="diag-at-rest">{yesNo(v.atRest)}</dd>
          </div>
          <div>
            <dt>Gap bridged</dt>
            <dd data-testid="diag-gap-bridged">{yesNo(v.gapBridged)}</dd>
          </div>
          <div>
            <dt>Accel. rejected</dt>
            <dd data-testid="diag-accel-rejected">{yesNo(v.accelRejected)}</dd>
          </div>
          <div>
            <dt>Axis confidence</dt>
            <dd data-testid="diag-axis-confidence">{fixed(v.axisConfidence, 2)}</dd>
          </div>
        </dl>
      ) : (
        <p>No track data near this time.</p>
      )}
    </div>
  );
}
