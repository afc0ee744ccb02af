/**
 * The two review charts' configurations (speed over time, position over time), built from the
 * review without touching chart.js at run time (type imports only), so they are unit-testable.
 * Values are shown in the user's units; the contract's are in/s and cm.
 */
import type { ChartConfiguration } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { CoachEventKind, SessionReview } from '../../bridge/contract';
import { CM_PER_IN, numberText, speedUnit, type Units } from '../../common/units';
import { ZONE_COLOUR } from '../live/zone-style';
import { overLimitStretches, positionRange, tickTime, toPoints, zoneBands, type Stretch } from './review-data';

export type Point = { x: number; y: number };
export type LineConfig = ChartConfiguration<'line', Point[]>;
export type Annotations = Record<string, AnnotationOptions>;

const TEXT = '#f4f6f8';
const DIM = '#c9d1db';
const GRID = 'rgba(201, 209, 219, 0.18)';
const FONT = { size: 18, family: "system-ui, 'Segoe UI', Roboto, sans-serif" };

/** Marker colour per warning kind (Okabe–Ito, as the warning banners). */
export const EVENT_COLOUR: Record<CoachEventKind, string> = {
  'too-fast': '#F0E442',
  'dwell-nudge': '#56B4E9',
  'dwell-limit': '#E69F00',
  lumbar: '#FF8A57',
  neck: '#FF8A57',
  'time-budget': '#CC79A7',
};

export const EVENT_LABEL: Record<CoachEventKind, string> = {
  'too-fast': 'Too fast',
  'dwell-nudge': 'Move on (nudge)',
  'dwell-limit': 'Stayed too long',
  lumbar: 'Lower back',
  neck: 'Neck',
  'time-budget': 'Daily time used',
};

export const speedScale = (units: Units): number => (units === 'in' ? 1 : CM_PER_IN);
export const positionScale = (units: Units): number => (units === 'in' ? 1 / CM_PER_IN : 1);

function alpha(hex: string, a: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

function baseOptions(yTitle: string, xMax: number): LineConfig['options'] {
  return {
    animation: false,
    parsing: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    scales: {
      x: {
        type: 'linear',
        min: 0,
        max: xMax,
        title: { display: true, text: 'Time (min:s)', color: DIM, font: FONT },
        ticks: { color: TEXT, font: FONT, callback: (v) => tickTime(Number(v)) },
        grid: { color: GRID },
      },
      y: {
        type: 'linear',
        title: { display: true, text: yTitle, color: DIM, font: FONT },
        ticks: { color: TEXT, font: FONT, callback: (v) => numberText(Number(v)) },
        grid: { color: GRID },
      },
    },
    plugins: {
      decimation: { enabled: true, algorithm: 'lttb', samples: 1000 },
      tooltip: { enabled: true, titleFont: FONT, bodyFont: FONT, callbacks: { title: (items) => tickTime(items[0]?.parsed.x ?? 0) } },
      legend: { display: false },
    },
  };
}

const trackEnd = (review: SessionReview): number => {
  const t = review.track.t;
  return Math.max(t[t.length - 1] ?? 0, review.session.summary?.durationS ?? 0, 1);
};

/** Over-limit shading boxes (and the limit line) for the speed chart, in display units. */
export function speedAnnotations(stretches: readonly Stretch[], limitDisplay: number): Annotations {
  const a: Annotations = {
    limit: {
      type: 'line',
      yMin: limitDisplay,
      yMax: limitDisplay,
      borderColor: '#F0E442',
      borderWidth: 3,
      borderDash: [10, 6],
      label: { display: true, content: 'Limit', position: 'start', color: '#000', backgroundColor: '#F0E442', font: { ...FONT, weight: 'bold' } },
    },
  };
  stretches.forEach((s, i) => {
    a[`over${i}`] = {
      type: 'box',
      xMin: s.start,
      xMax: s.end,
      yMin: limitDisplay,
      backgroundColor: 'rgba(240, 228, 66, 0.28)',
      borderWidth: 0,
      drawTime: 'beforeDatasetsDraw',
    };
  });
  return a;
}

export function speedChartConfig(review: SessionReview, units: Units): LineConfig {
  const k = speedScale(units);
  const { t, speedInPerS } = review.track;
  const limit = review.settings.speedLimitInPerS;
  const stretches = overLimitStretches(t, speedInPerS, limit, 0.5);
  const options = baseOptions(`Speed (${speedUnit(units)})`, trackEnd(review));
  if (options?.scales?.y) options.scales.y.min = 0;
  if (options?.plugins) options.plugins.annotation = { annotations: speedAnnotations(stretches, limit * k) };
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: 'Speed',
          data: toPoints(t, speedInPerS, (v) => Math.abs(v) * k),
          borderColor: '#56B4E9',
          backgroundColor: 'rgba(86, 180, 233, 0.15)',
          borderWidth: 2,
          pointRadius: 0,
          fill: 'origin',
          indexAxis: 'x',
        },
      ],
    },
    options,
  };
}

/** Zone bands and warning markers for the position chart, in display units. */
export function positionAnnotations(review: SessionReview, units: Units, range: { min: number; max: number }): Annotations {
  const k = positionScale(units);
  const { neckAboveCm, lumbarBelowCm } = review.settings;
  const a: Annotations = {};
  for (const band of zoneBands(neckAboveCm, lumbarBelowCm, range.min, range.max)) {
    const colour = ZONE_COLOUR[band.zone];
    a[`zone-${band.zone}`] = {
      type: 'box',
      yMin: band.yMin * k,
      yMax: band.yMax * k,
      backgroundColor: alpha(colour, 0.22),
      borderColor: colour,
      borderWidth: 2,
      drawTime: 'beforeDatasetsDraw',
      label: { display: true, content: band.label, position: { x: 'end', y: band.zone === 'neck' ? 'start' : 'end' }, color: TEXT, font: { ...FONT, weight: 'bold' } },
    };
  }
  review.events.forEach((e, i) => {
    a[`event${i}`] = {
      type: 'point',
      xValue: e.t,
      yValue: e.positionCm * k,
      radius: 9,
      pointStyle: e.kind === 'lumbar' || e.kind === 'neck' ? 'triangle' : 'rectRot',
      backgroundColor: EVENT_COLOUR[e.kind],
      borderColor: '#000',
      borderWidth: 2,
    };
  });
  return a;
}

export function positionChartConfig(review: SessionReview, units: Units): LineConfig {
  const k = positionScale(units);
  const { t, positionCm } = review.track;
  const range = positionRange(positionCm, review.settings.neckAboveCm, review.settings.lumbarBelowCm);
  const options = baseOptions(`Position (${units}, + toward head)`, trackEnd(review));
  if (options?.scales?.y) {
    options.scales.y.min = range.min * k;
    options.scales.y.max = range.max * k;
  }
  if (options?.plugins) options.plugins.annotation = { annotations: positionAnnotations(review, units, range) };
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: 'Position',
          data: toPoints(t, positionCm, (v) => v * k),
          borderColor: '#f4f6f8',
          borderWidth: 2,
          pointRadius: 0,
          indexAxis: 'x',
        },
      ],
    },
    options,
  };
}

/** A vertical line at the picked event's time (added to both charts' annotations). */
export function selectedLine(time: number): AnnotationOptions {
  return { type: 'line', xMin: time, xMax: time, borderColor: '#ffd84d', borderWidth: 3, borderDash: [4, 4] };
}
