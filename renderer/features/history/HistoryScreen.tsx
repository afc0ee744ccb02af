/**
 * History: the last eight weeks as a calendar and charts, today's rolling time against the daily
 * budget, each day's sessions (newest day first) and the weekly trends as a table. "Review" on a session opens its review; two sessions chosen with
 * "Compare" open side by side; a recording can be imported. Back returns here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { routineName, sessionFigureTexts, type History, type PastSession } from '../../bridge/contract';
import { useSnapshot } from '../../app/use-app-state';
import { useServices } from '../../app/services-context';
import { ErrorLine } from '../../common/ErrorLine';
import { errorText } from '../../common/error-text';
import { formatDurationWords } from '../../common/time-format';
import { lengthText, type Units } from '../../common/units';
import { SessionReview } from '../review/SessionReview';
import { CompareSessions } from '../review/CompareSessions';
import { ImportRecording } from './ImportRecording';
import { endReasonView, budgetFraction, dayHeading, daysNewestFirst, localDayOf, percentText, perSessionText, startTimeText, todayTotal, weekLabel, weeksNewestFirst } from './history-format';
import { EndReason } from './EndReason';
import { SessionMarkers } from './SessionMarkers';
import { WeeklyTrends } from './WeeklyTrends';
import './history.css';

const HISTORY_DAYS = 90;

type Load = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ready'; history: History };
type View = { kind: 'list' } | { kind: 'review'; id: number } | { kind: 'compare'; ids: [number, number] };

/** Choosing a session for comparison: a third choice replaces the earlier of the two. */
export function toggleCompare(chosen: readonly number[], id: number): number[] {
  if (chosen.includes(id)) return chosen.filter((x) => x !== id);
  return [...chosen, id].slice(-2);
}

/** `openReview`: a session whose review to show first (Back then leads to the list). */
export function HistoryScreen({ openReview = null }: { openReview?: number | null } = {}) {
  const { bridge } = useServices();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [view, setView] = useState<View>(openReview === null ? { kind: 'list' } : { kind: 'review', id: openReview });
  const [chosen, setChosen] = useState<number[]>([]);
  const lastReviewed = useRef<number | null>(openReview);
  const seq = useRef(0);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    bridge.request('history.get', { days: HISTORY_DAYS }).then(
      (history) => {
        if (mine === seq.current) setLoad({ state: 'ready', history });
      },
      (err: unknown) => {
        if (mine === seq.current) setLoad((l) => (l.state === 'ready' ? l : { state: 'failed', error: errorText(err) }));
      },
    );
  }, [bridge]);

  useEffect(() => {
    reload();
    const off = bridge.subscribe('session', (s) => {
      if (s.state === 'ended') reload();
    });
    return () => {
      off();
      // eslint-disable-next-line react-hooks/exhaustive-deps -- seq counts loads (not a DOM ref): bumping it at cleanup voids the replies still in flight
      seq.current++;
    };
  }, [bridge, reload]);

  // Back from a review: focus returns to that session's Review button.
  useEffect(() => {
    if (view.kind !== 'list' || lastReviewed.current === null) return;
    document.querySelector<HTMLElement>(`[data-testid="review-session-${lastReviewed.current}"]`)?.focus();
  }, [view]);

  const back = () => {
    reload();
    setView({ kind: 'list' });
  };
  if (view.kind === 'review') {
    return (
      <SessionReview
        id={view.id}
        onBack={back}
        onDeleted={(id) => {
          setChosen((c) => c.filter((x) => x !== id));
          lastReviewed.current = null;
          back();
        }}
      />
    );
  }
  if (view.kind === 'compare') {
    return <CompareSessions ids={view.ids} onBack={back} />;
  }
  const open = (id: number) => {
    lastReviewed.current = id;
    setView({ kind: 'review', id });
  };
  const compare = {
    chosen,
    toggle: (id: number) => setChosen((c) => toggleCompare(c, id)),
    clear: () => setChosen([]),
    open: () => chosen.length === 2 && setView({ kind: 'compare', ids: [chosen[0]!, chosen[1]!] }),
  };

  return (
    <div className="history" data-testid="history-screen">
      <h1>History</h1>
      {load.state === 'loading' && <p role="status">Loading your sessions…</p>}
      {load.state === 'failed' && (
        <div>
          <ErrorLine error={`Could not load the history: ${load.error}`} testId="history-error" />
          <button type="button" className="btn btn--primary" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {load.state === 'ready' && <HistoryBody history={load.history} onReview={open} onImported={reload} compare={compare} />}
    </div>
  );
}

interface CompareChoice {
  chosen: readonly number[];
  toggle(id: number): void;
  clear(): void;
  open(): void;
}

function HistoryBody({ history, onReview, onImported, compare }: { history: History; onReview(id: number): void; onImported(): void; compare: CompareChoice }) {
  const { profile } = useSnapshot();
  const today = localDayOf(new Date());
  const total = todayTotal(history, today, profile.dailyBudgetMin * 60);
  const days = daysNewestFirst(history);
  const weeks = weeksNewestFirst(history);
  const fraction = budgetFraction(total);
  return (
    <>
      {weeks.length > 0 && <WeeklyTrends history={history} today={today} />}
      <div className="history__grid">
        <div className="history__main">
          <section className={`card history__today ${total.overBudget ? 'history__today--over' : ''}`} aria-labelledby="history-today-heading" data-testid="history-today">
            <h2 id="history-today-heading">Today</h2>
            <p className="history__today-figure">
              <strong>{formatDurationWords(total.rollingS)}</strong> of {formatDurationWords(total.budgetS)} rolling
              {total.overBudget && <span className="history__over"> — over the daily budget</span>}
            </p>
            <div className="history__bar" role="progressbar" aria-label="Today's rolling time of the daily budget" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
              <div className="history__bar-fill" style={{ width: `${fraction * 100}%` }} />
            </div>
          </section>
          {compare.chosen.length > 0 && (
            <div className="card history__compare-bar" role="region" aria-label="Comparison" data-testid="compare-bar">
              <p>{compare.chosen.length === 1 ? 'One session chosen: choose one more to compare.' : 'Two sessions chosen.'}</p>
              <button type="button" className="btn btn--primary" disabled={compare.chosen.length < 2} onClick={compare.open} data-testid="compare-open">
                Compare side by side
              </button>
              <button type="button" className="btn btn--secondary" onClick={compare.clear}>
                Clear
              </button>
            </div>
          )}
          {days.length === 0 ? (
            <p className="card">No sessions in the last {HISTORY_DAYS} days yet.</p>
          ) : (
            <ol className="history__days" aria-label="Days, newest first">
              {days.map(({ day, sessions }) => (
                <li key={day.day} className="card history__day" data-testid="history-day" data-day={day.day}>
                  <h2 className="history__day-head">
                    {dayHeading(day.day, today)}
                    <span className="history__day-total">
                      {formatDurationWords(day.rollingS)} of {formatDurationWords(day.budgetS)}
                      {day.overBudget && <span className="history__over"> (over budget)</span>}
                    </span>
                  </h2>
                  {day.stoppedForPain > 0 && (
                    <p className="history__pain" role="note">
                      ⚠ Stopped for pain {day.stoppedForPain === 1 ? 'once' : `${day.stoppedForPain} times`} this day.
                    </p>
                  )}
                  <ul className="history__sessions">
                    {sessions.map((s) => (
                      <SessionRow key={s.id} session={s} units={profile.units} onReview={onReview} chosen={compare.chosen.includes(s.id)} onCompare={compare.toggle} />
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="history__side">
          <ImportRecording onImported={onImported} onReview={onReview} />
          <section className="card history__weeks" aria-labelledby="history-weeks-heading">
            <h2 id="history-weeks-heading">Weekly trends</h2>
            {weeks.length === 0 ? (
              <p>No weeks yet.</p>
            ) : (
              <table className="history__table" data-testid="history-weeks">
                <thead>
                  <tr>
                    <th scope="col">Week</th>
                    <th scope="col">Rolling</th>
                    <th scope="col">Within limit</th>
                    <th scope="col">Warnings / 10 min</th>
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((w) => (
                    <tr key={w.weekStart} data-testid="history-week">
                      <th scope="row">
                        {weekLabel(w.weekStart, today)}
                        <span className="history__week-sub">
                          {w.sessions} session{w.sessions === 1 ? '' : 's'}, {w.activeDays} day{w.activeDays === 1 ? '' : 's'}
                        </span>
                      </th>
                      <td>{formatDurationWords(w.rollingS)}</td>
                      <td>{percentText(w.withinLimitShare)}</td>
                      <td>{w.warningsPer10Min === null ? '–' : perSessionText(w.warningsPer10Min)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

function SessionRow({ session, units, onReview, chosen, onCompare }: { session: PastSession; units: Units; onReview(id: number): void; chosen: boolean; onCompare(id: number): void }) {
  const f = session.summary ? sessionFigureTexts(session.summary, (cm) => lengthText(cm, units)) : null;
  const time = startTimeText(session.startedAt);
  const pain = endReasonView(session.endReason).pain;
  const routine = routineName(session.routine);
  return (
    <li className={`history__session ${pain ? 'history__session--pain' : ''}`} data-testid="history-session" data-session-id={session.id}>
      <span className="history__time">{time}</span>
      <SessionMarkers session={session} />
      <dl className="history__facts">
        <div>
          <dt>Length</dt>
          <dd data-testid="history-length">{f?.length ?? '–'}</dd>
        </div>
        <div>
          <dt>Rolling</dt>
          <dd data-testid="history-rolling">{f?.rolling ?? '–'}</dd>
        </div>
        <div>
          <dt>Within limit</dt>
          <dd data-testid="history-within-limit">{f?.withinLimit ?? '–'}</dd>
        </div>
        <div>
          <dt>Longest stay</dt>
          <dd data-testid="history-longest-stay">{f?.longestStay ?? '–'}</dd>
        </div>
        <div>
          <dt>Warnings</dt>
          <dd data-testid="history-warnings">{f?.warnings ?? '–'}</dd>
        </div>
        <div>
          <dt>Ended</dt>
          <EndReason reason={session.endReason} testId="history-end-reason" />
        </div>
      </dl>
      <button
        type="button"
        className="btn btn--primary"
        onClick={() => onReview(session.id)}
        data-testid={`review-session-${session.id}`}
        aria-label={`Review the ${routine ? `${routine} ` : ''}session at ${time}`}
      >
        Review
      </button>
      <button
        type="button"
        className={`btn btn--chip history__compare ${chosen ? 'history__compare--on' : ''}`}
        aria-pressed={chosen}
        onClick={() => onCompare(session.id)}
        data-testid={`compare-session-${session.id}`}
        aria-label={`Compare the session at ${time}`}
      >
        {chosen ? '✓ Compare' : 'Compare'}
      </button>
    </li>
  );
}
