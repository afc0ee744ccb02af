import { signalStrength } from './signal-strength';

/** Signal bars plus the dBm figure and a word (not bars alone). */
export function SignalBars({ rssiDbm }: { rssiDbm: number }) {
  const s = signalStrength(rssiDbm);
  return (
    <span className="signal" data-bars={s.bars}>
      <svg className="signal__bars" viewBox="0 0 40 32" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <rect key={i} className={i < s.bars ? 'signal__bar signal__bar--on' : 'signal__bar'} x={i * 10 + 1} y={24 - i * 7} width="7" height={8 + i * 7} rx="1.5" />
        ))}
      </svg>
      <span className="signal__text">
        {Math.round(rssiDbm)} dBm <span className="signal__word">({s.word})</span>
      </span>
    </span>
  );
}
