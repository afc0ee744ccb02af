/** One weekly trend bar chart on a canvas (the Chart kept on it as `__chart` for end-to-end tests). */
import { useEffect, useRef } from 'react';
import { chartClass } from '../review/chart-setup';
import type { BarConfig } from './trend-charts';

export function TrendChart({ config, label, testId }: { config: BarConfig; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ChartJs = chartClass();
    const chart = new ChartJs(el, config);
    (el as HTMLCanvasElement & { __chart?: unknown }).__chart = chart;
    return () => {
      delete (el as HTMLCanvasElement & { __chart?: unknown }).__chart;
      chart.destroy();
    };
  }, [config]);
  return (
    <div className="trend-chart">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
