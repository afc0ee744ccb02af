/**
 * The History screen's weekly trend charts (chart.js bar charts, configs only: type imports, so
 * they are unit-testable): rolling time per week against the weekly budget, the share of rolling
 * time within the speed limit, and warnings per 10 minutes of rolling — each as main computed it
 * for the week. A week without sessions has no bar.
 */
import type { ChartConfiguration } from 'chart.js';
import type { WeekSlot } from './trend-data';

export type BarConfig = ChartConfiguration<'bar', (number | null)[], string>;

const TEXT = '#f4f6f8';
const DIM = '#c9d1db';
const GRID = 'rgba(201, 209, 219, 0.18)';
const FONT = { size: 16, family: "system-ui, 'Segoe UI', Roboto, sans-serif" };
const SKY = '#56B4E9';
const ORANGE = '#FF8A57';
const BUDGET = '#F0E442';

function barOptions(yTitle: string, tick: (v: number) => string, max?: number): BarConfig['options'] {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    scales: {
      x: { type: 'category', ticks: { color: TEXT, font: FONT, maxRotation: 0, autoSkip: true }, grid: { display: false } },
      y: {
        type: 'linear',
        min: 0,
        ...(max === undefined ? {} : { max }),
        title: { display: true, text: yTitle, color: DIM, font: FONT },
        ticks: { color: TEXT, font: FONT, maxTicksLimit: 5, callback: (v) => tick(Number(v)) },
        grid: { color: GRID },
      },
    },
    plugins: { legend: { display: false }, tooltip: { enabled: true, titleFont: FONT, bodyFont: FONT, callbacks: { label: (item) => tick(Number(item.parsed.y)) } } },
  };
}

const minutes = (s: number): number => s / 60;

/** Rolling minutes per week; bars past the weekly budget in orange, the budget as a dashed line. */
export function rollingChartConfig(weeks: readonly WeekSlot[]): BarConfig {
  const budgetS = weeks.reduce<number | null>((b, w) => w.week?.budgetS ?? b, null);
  const data = weeks.map((w) => (w.week ? minutes(w.week.rollingS) : null));
  const top = Math.max(1, ...data.map((v) => v ?? 0), budgetS !== null ? minutes(budgetS) * 1.1 : 0);
  const options = barOptions('Minutes', (v) => `${Math.round(v)} min`, Math.ceil(top / 10) * 10);
  if (options?.plugins && budgetS !== null) {
    options.plugins.annotation = {
      annotations: {
        budget: {
          type: 'line',
          yMin: minutes(budgetS),
          yMax: minutes(budgetS),
          borderColor: BUDGET,
          borderWidth: 3,
          borderDash: [10, 6],
          label: { display: true, content: 'Weekly budget', position: 'start', color: '#000', backgroundColor: BUDGET, font: { ...FONT, weight: 'bold' } },
        },
      },
    };
  }
  return {
    type: 'bar',
    data: {
      labels: weeks.map((w) => w.label),
      datasets: [{ label: 'Rolling', data, backgroundColor: weeks.map((w) => (w.week && budgetS !== null && w.week.rollingS > budgetS ? ORANGE : SKY)), borderWidth: 0 }],
    },
    options,
  };
}

/** Share of rolling time within the speed limit per week, 0–100 %. */
export function withinLimitChartConfig(weeks: readonly WeekSlot[]): BarConfig {
  return {
    type: 'bar',
    data: {
      labels: weeks.map((w) => w.label),
      datasets: [{ label: 'Within the limit', data: weeks.map((w) => (w.week?.withinLimitShare == null ? null : w.week.withinLimitShare * 100)), backgroundColor: '#009E73', borderWidth: 0 }],
    },
    options: barOptions('% of rolling', (v) => `${Math.round(v)} %`, 100),
  };
}

/** Coaching warnings per 10 minutes of rolling, per week. */
export function warningRateChartConfig(weeks: readonly WeekSlot[]): BarConfig {
  return {
    type: 'bar',
    data: {
      labels: weeks.map((w) => w.label),
      datasets: [{ label: 'Warnings per 10 min', data: weeks.map((w) => w.week?.warningsPer10Min ?? null), backgroundColor: '#E69F00', borderWidth: 0 }],
    },
    options: barOptions('per 10 min', (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1))),
  };
}
