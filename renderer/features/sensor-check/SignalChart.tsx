/** Signal strength over the last minutes as a small line (SVG): the newest reading at the right. */
import type { SensorCheck } from '../../bridge/contract';

const W = 300;
const H = 80;
/** The dBm shown, bottom to top. */
const LOW_DBM = -100;
const HIGH_DBM = -30;
/** At least this much time across, s. */
const MIN_SPAN_S = 60;

export function SignalChart({ rssi }: { rssi: SensorCheck['link']['rssi'] }) {
  if (rssi.length === 0) return null;
  const spanS = Math.max(MIN_SPAN_S, -(rssi[0]?.tS ?? 0));
  const x = (tS: number) => W + (tS / spanS) * W;
  const y = (dbm: number) => H - ((Math.max(LOW_DBM, Math.min(HIGH_DBM, dbm)) - LOW_DBM) / (HIGH_DBM - LOW_DBM)) * H;
  const points = rssi.map((r) => `${x(r.tS).toFixed(1)},${y(r.dbm).toFixed(1)}`).join(' ');
  const last = rssi[rssi.length - 1]!;
  return (
    <svg
      className="signal-chart"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Signal strength over the last ${Math.round(spanS)} s, now ${Math.round(last.dbm)} dBm`}
      data-testid="signal-chart"
    >
      <line className="signal-chart__fair" x1="0" x2={W} y1={y(-80)} y2={y(-80)} />
      <polyline className="signal-chart__line" points={points} data-points={rssi.length} />
      <circle className="signal-chart__now" cx={x(last.tS)} cy={y(last.dbm)} r="4" />
    </svg>
  );
}
