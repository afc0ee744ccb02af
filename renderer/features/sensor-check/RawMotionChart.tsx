/**
 * A live raw view of one sensor (accelerometer or gyroscope): a chart.js line chart made once
 * and given new points whenever a check arrives (and only then: no check is asked while the
 * screen is hidden). The Chart is kept on the canvas as `__chart` for end-to-end tests.
 */
import { useEffect, useRef } from 'react';
import type { Chart } from 'chart.js';
import type { SensorCheck } from '../../bridge/contract';
import { chartClass } from '../review/chart-setup';
import { AXIS_STYLE, rawChartConfig, rawSeries, type RawKind, type RawPoint } from './raw-chart-config';

type RawChart = Chart<'line', RawPoint[]>;

const WINDOW_S = 5;

interface Props {
  kind: RawKind;
  raw: SensorCheck['raw'];
}

export function RawMotionChart({ kind, raw }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<RawChart | null>(null);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ChartJs = chartClass();
    const made = new ChartJs(el, rawChartConfig(kind, WINDOW_S)) as RawChart;
    (el as HTMLCanvasElement & { __chart?: RawChart }).__chart = made;
    chart.current = made;
    return () => {
      chart.current = null;
      delete (el as HTMLCanvasElement & { __chart?: RawChart }).__chart;
      made.destroy();
    };
  }, [kind]);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    rawSeries(raw, kind).forEach((points, i) => {
      const ds = c.data.datasets[i];
      if (ds) ds.data = points;
    });
    c.update('none');
  }, [raw, kind]);
  const title = kind === 'accel' ? 'Accelerometer (g)' : 'Gyroscope (°/s)';
  return (
    <figure className="raw-chart">
      <figcaption>
        {title}
        <span className="raw-chart__legend" aria-hidden="true">
          {AXIS_STYLE.map((a) => (
            <span key={a.name} style={{ color: a.colour }}>
              ■ {a.name}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="raw-chart__box">
        <canvas ref={canvas} role="img" aria-label={`${title}, the last ${WINDOW_S} s`} data-testid={`raw-${kind}-chart`} data-points={raw.t.length} />
      </div>
    </figure>
  );
}
