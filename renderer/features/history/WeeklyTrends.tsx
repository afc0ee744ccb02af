/**
 * The last eight weeks at a glance: a calendar with the days rolled marked, and three weekly
 * charts — rolling time against the weekly budget, the share of it within the speed limit, and
 * warnings per 10 minutes of rolling. Every number is main's (the week's figures as sent); a
 * week without sessions shows no bar.
 */
import { useMemo } from 'react';
import type { History } from '../../bridge/contract';
import { formatDurationWords } from '../../common/time-format';
import { dayHeading, percentText } from './history-format';
import { calendarWeeks, daysRolled, recentWeeks, shortDate, type CalendarDay } from './trend-data';
import { rollingChartConfig, warningRateChartConfig, withinLimitChartConfig } from './trend-charts';
import { TrendChart } from './TrendChart';

const WEEKS = 8;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function WeeklyTrends({ history, today }: { history: History; today: string }) {
  const weeks = useMemo(() => recentWeeks(history, today, WEEKS), [history, today]);
  const calendar = useMemo(() => calendarWeeks(history, today, WEEKS), [history, today]);
  const configs = useMemo(() => ({ rolling: rollingChartConfig(weeks), within: withinLimitChartConfig(weeks), rate: warningRateChartConfig(weeks) }), [weeks]);
  const thisWeek = weeks[weeks.length - 1]?.week ?? null;
  const budgetS = weeks.reduce<number | null>((b, w) => w.week?.budgetS ?? b, null);
  const rolled = daysRolled(calendar);

  return (
    <section className="card trends" aria-labelledby="trends-heading" data-testid="history-trends">
      <h2 id="trends-heading">The last {WEEKS} weeks</h2>
      <div className="trends__grid">
        <figure className="trends__item trends__calendar-box">
          <figcaption>
            Days rolled: <strong data-testid="calendar-days-rolled">{rolled}</strong>
          </figcaption>
          <table className="calendar" data-testid="history-calendar" aria-label={`Calendar of the last ${WEEKS} weeks: ${rolled} days rolled`}>
            <thead>
              <tr>
                <th scope="col" className="calendar__week-head">
                  Week
                </th>
                {WEEKDAYS.map((d) => (
                  <th scope="col" key={d}>
                    {d.slice(0, 2)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {calendar.map((w) => (
                <tr key={w.weekStart}>
                  <th scope="row" className="calendar__week-head">
                    {shortDate(w.weekStart)}
                  </th>
                  {w.days.map((d) => (
                    <td key={d.day}>
                      <CalendarCell d={d} today={today} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="calendar__key" aria-hidden="true">
            <span>
              <span className="calendar__cell calendar__cell--rolled" /> rolled
            </span>
            <span>
              <span className="calendar__cell calendar__cell--over" /> over the daily budget
            </span>
            <span>
              <span className="calendar__cell calendar__cell--pain">!</span> stopped for pain
            </span>
          </p>
        </figure>
        <figure className="trends__item">
          <figcaption>Rolling time per week{budgetS !== null && <> (budget {formatDurationWords(budgetS)})</>}</figcaption>
          <TrendChart
            config={configs.rolling}
            testId="trend-rolling"
            label={`Rolling time per week over the last ${WEEKS} weeks${budgetS !== null ? `, against the weekly budget of ${formatDurationWords(budgetS)}` : ''}. This week: ${thisWeek ? formatDurationWords(thisWeek.rollingS) : 'none yet'}.`}
          />
        </figure>
        <figure className="trends__item">
          <figcaption>Within the speed limit</figcaption>
          <TrendChart config={configs.within} testId="trend-within" label={`Share of rolling time within the speed limit per week. This week: ${percentText(thisWeek?.withinLimitShare ?? null)}.`} />
        </figure>
        <figure className="trends__item">
          <figcaption>Warnings per 10 min of rolling</figcaption>
          <TrendChart
            config={configs.rate}
            testId="trend-warning-rate"
            label={`Warnings per 10 minutes of rolling per week. This week: ${thisWeek?.warningsPer10Min != null ? thisWeek.warningsPer10Min.toFixed(1) : 'none'}.`}
          />
        </figure>
      </div>
    </section>
  );
}

function CalendarCell({ d, today }: { d: CalendarDay; today: string }) {
  const pain = (d.total?.stoppedForPain ?? 0) > 0;
  const cls = [
    'calendar__cell',
    d.rolled ? 'calendar__cell--rolled' : '',
    d.total?.overBudget ? 'calendar__cell--over' : '',
    pain ? 'calendar__cell--pain' : '',
    d.isToday ? 'calendar__cell--today' : '',
    d.future ? 'calendar__cell--future' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const what = d.future ? 'not yet' : d.rolled ? `rolled ${formatDurationWords(d.total!.rollingS)}${d.total!.overBudget ? ', over the budget' : ''}${pain ? ', stopped for pain' : ''}` : 'no rolling';
  return (
    <span className={cls} data-testid="calendar-day" data-day={d.day} data-rolled={d.rolled} title={`${dayHeading(d.day, today)}: ${what}`} aria-label={`${dayHeading(d.day, today)}: ${what}`}>
      {pain ? '!' : ''}
    </span>
  );
}
