/** Registers only the chart.js parts the review and the History trends use (tree-shakable), once. */
import { BarController, BarElement, CategoryScale, Chart, Decimation, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';

let registered = false;

export function chartClass(): typeof Chart {
  if (!registered) {
    Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Decimation, Tooltip, BarController, BarElement, CategoryScale, annotationPlugin);
    registered = true;
  }
  return Chart;
}
