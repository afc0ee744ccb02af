/**
 * Two sessions side by side, like with like: main's comparison (`compare.get`) — rates per 10
 * minutes of rolling and shares, better / worse only where the two can be compared, and in plain
 * words why not and what still means something — their speed and position over time overlaid
 * (time from each session's start), and where the time went along the spine for each.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CompareAnswer } from '../../bridge/contract';
import { useServices } from '../../app/services-context';
import { useSnapshot } from '../../app/use-app-state';
import { ErrorLine } from '../../common/ErrorLine';
import { errorText } from '../../common/error-text';
import type { Units } from '../../common/units';
import { startTimeText } from '../history/history-format';
import { compareRows, limitTexts, stillMeaningful } from './compare-rows';
import { DwellHeatmap } from './DwellHeatmap';
import { OVERLAY_STYLE, overlayPositionConfig, overlaySpeedConfig } from './review-charts';
import { ReviewChart } from './ReviewChart';
import './review.css';

type Load = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ready'; answer: CompareAnswer };

const TREND_TEXT = { better: '▲ better', worse: '▼ worse', same: '= same' } as const;

export function CompareSessions({ ids, onBack }: { ids: [number, number]; onBack(): void }) {
  const { bridge } = useServices();
  const { profile } = useSnapshot();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    bridge.request('compare.get', { ids }).then(
      (answer) => live && setLoad({ state: 'ready', answer }),
      (err: unknown) => live && setLoad({ state: 'failed', error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [bridge, ids]);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="review compare" data-testid="compare-sessions">
      <div className="review__top">
        <button type="button" className="btn btn--secondary" onClick={onBack} data-testid="compare-back">
          ← Back to history
        </button>
        <h1 ref={heading} tabIndex={-1}>
          Two sessions side by side
        </h1>
      </div>
      {load.state === 'loading' && <p role="status">Loading both sessions…</p>}
      {load.state === 'failed' && <ErrorLine error={`Could not load the sessions: ${load.error}`} testId="compare-error" />}
      {load.state === 'ready' && <CompareBody answer={load.answer} units={profile.units} />}
    </div>
  );
}

const when = (r: CompareAnswer['sessions'][number]) => `${r.session.day} ${startTimeText(r.session.startedAt)}`;

function CompareBody({ answer, units }: { answer: CompareAnswer; units: Units }) {
  const rows = compareRows(answer, units);
  const limits = limitTexts(answer);
  const meaningful = stillMeaningful(rows);
  const pair = answer.sessions;
  // Without a like-for-like comparison there is no "later vs earlier" column at all.
  const comparable = answer.comparison.comparable;
  return (
    <>
      <section className={`card compare__verdict ${answer.comparison.comparable ? '' : 'compare__verdict--limited'}`} data-testid="compare-verdict" aria-live="polite">
        {answer.comparison.comparable ? (
          <p>Compared per 10 minutes of rolling and as shares of it, so sessions of different lengths compare fairly.</p>
        ) : (
          <>
            <p className="compare__verdict-head">These two sessions are too different to call one better than the other.</p>
            <ul data-testid="compare-limits">
              {limits.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
            <p data-testid="compare-meaningful">Still meaningful side by side: {meaningful.length > 0 ? meaningful.join(', ') : 'nothing'}.</p>
          </>
        )}
      </section>
      <section className="card" aria-label="The two sessions' figures">
        <table className="compare__table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col" />
              {pair.map((r, i) => (
                <th scope="col" key={r.session.id}>
                  {i === 0 ? 'Earlier' : 'Later'}
                  <span className="compare__when">{when(r)}</span>
                </th>
              ))}
              {comparable && (
                <th scope="col" className="compare__trend-head">
                  Later vs earlier
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid="compare-row" data-key={row.key}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, i) => (
                  <td key={i} className={row.meaningful[i] ? '' : 'compare__not-meaningful'} data-meaningful={row.meaningful[i]}>
                    {v}
                    {!row.meaningful[i] && v !== '–' && <span className="compare__too-short"> (too short to say)</span>}
                  </td>
                ))}
                {comparable && <td className={row.trend ? `compare__trend compare__trend--${row.trend}` : ''}>{row.trend ? TREND_TEXT[row.trend] : ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <CompareCharts answer={answer} units={units} />
      <div className="compare__maps">
        {pair.map((r, i) => (
          <section className="card" key={r.session.id} aria-label={`Where the time went, ${i === 0 ? 'earlier' : 'later'} session`}>
            <h2>
              {i === 0 ? 'Earlier' : 'Later'}: {when(r)}
            </h2>
            <DwellHeatmap review={r} units={units} compact testId={`compare-heatmap-${i}`} />
          </section>
        ))}
      </div>
    </>
  );
}

function CompareCharts({ answer, units }: { answer: CompareAnswer; units: Units }) {
  const speed = useMemo(() => overlaySpeedConfig(answer.sessions, units), [answer, units]);
  const position = useMemo(() => overlayPositionConfig(answer.sessions, units), [answer, units]);
  const noop = useCallback(() => {}, []);
  const pair = answer.sessions;
  return (
    <section className="card review__charts" aria-labelledby="compare-charts-heading">
      <h2 id="compare-charts-heading">Over time, from each session&apos;s start</h2>
      <ul className="overlay-legend" data-testid="overlay-legend" aria-label="Lines">
        {pair.map((r, i) => (
          <li key={r.session.id}>
            <svg width="48" height="14" aria-hidden="true">
              <line x1="2" y1="7" x2="46" y2="7" stroke={OVERLAY_STYLE[i]!.colour} strokeWidth="4" strokeDasharray={OVERLAY_STYLE[i]!.dash.join(' ')} />
            </svg>
            {OVERLAY_STYLE[i]!.label}: {when(r)}
          </li>
        ))}
      </ul>
      <h3 className="review__chart-title">Speed (later session&apos;s limit dashed)</h3>
      <ReviewChart config={speed} label={`Speed over time of both sessions, from each one's start: earlier ${when(pair[0])}, later ${when(pair[1])}.`} testId="compare-speed-chart" onChart={noop} />
      <h3 className="review__chart-title">Position (bands: the later session&apos;s keep-off zones)</h3>
      <ReviewChart config={position} label={`Position along the back over time of both sessions, from each one's start.`} testId="compare-position-chart" onChart={noop} />
    </section>
  );
}
