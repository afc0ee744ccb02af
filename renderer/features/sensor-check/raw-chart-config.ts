/**
 * The raw view's chart.js set-up: one line chart per sensor (accelerometer in g, gyroscope in
 * °/s), three axes each, the newest seconds with time before now on x. The points come already
 * decimated from main (at most a few hundred per axis), so no animation and no parsing.
 */
import type { ChartConfiguration } from 'chart.js';
import type { SensorCheck } from '../../bridge/contract';

export type RawPoint = { x: number; y: number };
export type RawChartConfig = ChartConfiguration<'line', RawPoint[]>;

/** The three axes' colours (colour-blind safe, on the dark surface) and names. */
export const AXIS_STYLE = [
  { name: 'X', colour: '#56b4e9' },
  { name: 'Y', colour: '#f0e442' },
  { name: 'Z', colour: '#cc79a7' },
] as const;

export type RawKind = 'accel' | 'gyro';

export function rawSeries(raw: SensorCheck['raw'], kind: RawKind): RawPoint[][] {
  const cols = kind === 'accel' ? [raw.ax, raw.ay, raw.az] : [raw.gx, raw.gy, raw.gz];
  return cols.map((col) => col.map((y, i) => ({ x: raw.t[i]!, y })));
}

export function rawChartConfig(kind: RawKind, windowS: number): RawChartConfig {
  return {
    type: 'line',
    data: { datasets: AXIS_STYLE.map((a) => ({ label: a.name, data: [], borderColor: a.colour, borderWidth: 2, pointRadius: 0, tension: 0 })) },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      plugins: { tooltip: { enabled: false } },
      scales: {
        x: { type: 'linear', min: -windowS, max: 0, ticks: { color: '#c9d1db', font: { size: 14 }, callback: (v) => `${Number(v)} s` }, grid: { color: '#2a323c' } },
        y: {
          type: 'linear',
          ...(kind === 'accel' ? { suggestedMin: -1.2, suggestedMax: 1.2 } : { suggestedMin: -60, suggestedMax: 60 }),
          ticks: { color: '#c9d1db', font: { size: 14 } },
          grid: { color: '#2a323c' },
          title: { display: true, text: kind === 'accel' ? 'g' : '°/s', color: '#c9d1db', font: { size: 14 } },
        },
      },
    },
  };
}
