/** Signal strength over the last minutes as a small line (SVG): the newest reading at the right. */
import type { SensorCheck } from '../../bridge/contract';

const W = 300;
/** Room at the ends, so the newest point's round cap shows whole. */
const PAD = 6;
const H = 80;
/** The dBm shown, bottom to top. */
const LOW_DBM = -100;
const HIGH_DBM = -30;
/** At least this much time across, s. */
const MIN_SPAN_S = 60;

export function SignalChart({ rssi }: { rssi: SensorCheck['link']['rssi'] }) {
  if (rssi.length === 0) return null;
  const spanS = Math.max(MIN_SPAN_S, -(rssi[0]?.tS ?? 0));
  const x = (tS: number) => W - PAD + (tS / spanS) * (W - 2 * PAD);
  const y = (dbm: number) => H - PAD - ((Math.max(LOW_DBM, Math.min(HIGH_DBM, dbm)) - LOW_DBM) / (HIGH_DBM - LOW_DBM)) * (H - 2 * PAD);
  // One reading is drawn as a dot: the line's round caps on a line of no length.
  const shown = rssi.length === 1 ? [rssi[0]!, rssi[0]!] : rssi;
  const points = shown.map((r) => `${x(r.tS).toFixed(1)},${y(r.dbm).toFixed(1)}`).join(' ');
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
    </svg>
  );
}
