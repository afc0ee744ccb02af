/**
 * Two sessions side by side: their facts in one table (with whether the later one went better),
 * and where the time went along the spine for each.
 */
import { useEffect, useRef, useState } from 'react';
import type { SessionReview } from '../../bridge/contract';
import { useServices } from '../../app/services-context';
import { useSnapshot } from '../../app/use-app-state';
import { ErrorLine } from '../../common/ErrorLine';
import { errorText } from '../../common/error-text';
import { startTimeText } from '../history/history-format';
import { compareRows } from './compare-rows';
import { DwellHeatmap } from './DwellHeatmap';
import './review.css';

type Load = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ready'; pair: [SessionReview, SessionReview] };

const TREND_TEXT = { better: '▲ better', worse: '▼ worse', same: '= same' } as const;

export function CompareSessions({ ids, onBack }: { ids: [number, number]; onBack(): void }) {
  const { bridge } = useServices();
  const { profile } = useSnapshot();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    Promise.all(ids.map((id) => bridge.request('review.get', { id }))).then(
      (reviews) => {
        // The earlier session first.
        const pair = [...reviews].sort((x, y) => x.session.startedAt.localeCompare(y.session.startedAt)) as [SessionReview, SessionReview];
        if (live) setLoad({ state: 'ready', pair });
      },
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
      {load.state === 'ready' && (
        <>
          <section className="card" aria-label="The two sessions' figures">
            <table className="compare__table" data-testid="compare-table">
              <thead>
                <tr>
                  <th scope="col" />
                  {load.pair.map((r, i) => (
                    <th scope="col" key={r.session.id}>
                      {i === 0 ? 'Earlier' : 'Later'}
                      <span className="compare__when">
                        {r.session.day} {startTimeText(r.session.startedAt)}
                      </span>
                    </th>
                  ))}
                  <th scope="col">Later vs earlier</th>
                </tr>
              </thead>
              <tbody>
                {compareRows(load.pair[0], load.pair[1], profile.units)
                  .filter((row) => row.key !== 'when')
                  .map((row) => (
                    <tr key={row.key} data-testid="compare-row" data-key={row.key}>
                      <th scope="row">{row.label}</th>
                      <td>{row.values[0]}</td>
                      <td>{row.values[1]}</td>
                      <td className={row.trend ? `compare__trend compare__trend--${row.trend}` : ''}>{row.trend ? TREND_TEXT[row.trend] : ''}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
          <div className="compare__maps">
            {load.pair.map((r, i) => (
              <section className="card" key={r.session.id} aria-label={`Where the time went, ${i === 0 ? 'earlier' : 'later'} session`}>
                <h2>
                  {i === 0 ? 'Earlier' : 'Later'}: {r.session.day} {startTimeText(r.session.startedAt)}
                </h2>
                <DwellHeatmap review={r} units={profile.units} compact testId={`compare-heatmap-${i}`} />
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
