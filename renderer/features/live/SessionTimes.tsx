/**
 * Session time (running between status updates) and today's rolling time against the daily
 * budget, as a progress bar. Updated per animation frame; the text changes once a second.
 */
import { useRef } from 'react';
import { useServices } from '../../app/services-context';
import type { SessionStatus } from '../../bridge/contract';
import { formatClock } from '../../common/time-format';
import { useFrame } from '../../common/use-frame';
import { budgetProgress } from './budget-progress';
import { sessionElapsedS, todayRollingS } from './session-clock';

interface Props {
  session: SessionStatus;
  receivedAtMs: number;
}

export function SessionTimes({ session, receivedAtMs }: Props) {
  const { liveFeed } = useServices();
  const clock = useRef<HTMLParagraphElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const fill = useRef<SVGRectElement>(null);
  const text = useRef<HTMLParagraphElement>(null);
  const shown = useRef({ clock: '', text: '', scale: '', over: false });

  useFrame((now) => {
    const last = shown.current;
    const c = formatClock(sessionElapsedS(session, receivedAtMs, now));
    if (c !== last.clock && clock.current) {
      clock.current.textContent = c;
      last.clock = c;
    }
    const b = budgetProgress(todayRollingS(session, liveFeed.rolling), session.dailyBudgetS);
    if (b.text !== last.text) {
      if (text.current) text.current.textContent = b.text;
      bar.current?.setAttribute('aria-valuenow', String(Math.round(b.fraction * 100)));
      bar.current?.setAttribute('aria-valuetext', b.text);
      last.text = b.text;
    }
    const scale = `scale(${b.fraction.toFixed(3)} 1)`;
    if (scale !== last.scale && fill.current) {
      fill.current.setAttribute('transform', scale);
      last.scale = scale;
    }
    if (b.over !== last.over) {
      bar.current?.classList.toggle('budget--over', b.over);
      last.over = b.over;
    }
  });

  const initial = budgetProgress(session.todayRollingS, session.dailyBudgetS);
  return (
    <section className="times" aria-labelledby="times-heading">
      <h2 id="times-heading" className="panel-heading">
        Session
      </h2>
      <p ref={clock} className="times__clock" data-testid="session-time">
        {formatClock(session.elapsedS)}
      </p>
      <div
        ref={bar}
        className="budget"
        role="progressbar"
        aria-label="Rolling today against the daily budget"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(initial.fraction * 100)}
        data-testid="budget-progress"
      >
        <svg className="budget__svg" viewBox="0 0 1000 40" preserveAspectRatio="none" aria-hidden="true">
          <rect className="budget__track" x="0" y="0" width="1000" height="40" rx="8" />
          <rect ref={fill} className="budget__fill" x="0" y="0" width="1000" height="40" rx="8" transform={`scale(${initial.fraction} 1)`} />
        </svg>
      </div>
      <p ref={text} className="times__budget-text">
        {initial.text}
      </p>
    </section>
  );
}
