/**
 * One chart.js line chart on a canvas. The Chart instance is created once per config and kept on
 * the canvas as `__chart` (end-to-end tests read it) and handed to `onChart` for the x-range.
 */
import { useEffect, useRef } from 'react';
import type { Chart } from 'chart.js';
import { chartClass } from './chart-setup';
import type { LineConfig, Point } from './review-charts';

export type LineChart = Chart<'line', Point[]>;

interface Props {
  config: LineConfig;
  label: string;
  testId: string;
  onChart(chart: LineChart | null): void;
}

export function ReviewChart({ config, label, testId, onChart }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const onChartRef = useRef(onChart);
  useEffect(() => {
    onChartRef.current = onChart;
  });
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ChartJs = chartClass();
    const chart = new ChartJs(el, config) as LineChart;
    (el as HTMLCanvasElement & { __chart?: LineChart }).__chart = chart;
    onChartRef.current(chart);
    return () => {
      onChartRef.current(null);
      delete (el as HTMLCanvasElement & { __chart?: LineChart }).__chart;
      chart.destroy();
    };
  }, [config]);
  return (
    <div className="review-chart">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
