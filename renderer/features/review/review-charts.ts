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
import { positionTicks, ticksThatFit, timeTicks } from './chart-ticks';

export type Point = { x: number; y: number };
export type LineConfig = ChartConfiguration<'line', Point[]>;
export type Annotations = Record<string, AnnotationOptions>;

/** Colours of a chart: the screen's dark theme, or ink on paper for the printed report. */
export interface ChartTheme {
  text: string;
  dim: string;
  grid: string;
  /** The position line. */
  line: string;
  speed: string;
  speedFill: string;
  fontSize: number;
}

export const SCREEN_THEME: ChartTheme = { text: '#f4f6f8', dim: '#c9d1db', grid: 'rgba(201, 209, 219, 0.18)', line: '#f4f6f8', speed: '#56B4E9', speedFill: 'rgba(86, 180, 233, 0.15)', fontSize: 18 };
export const PRINT_THEME: ChartTheme = { text: '#000000', dim: '#222222', grid: 'rgba(0, 0, 0, 0.15)', line: '#000000', speed: '#0072B2', speedFill: 'rgba(0, 114, 178, 0.12)', fontSize: 13 };

const FAMILY = "system-ui, 'Segoe UI', Roboto, sans-serif";
const FONT = { size: 18, family: FAMILY };

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

/** A warning marker's shape on the position chart: triangles for the keep-off zones, diamonds for the rest. */
export function markerShape(kind: CoachEventKind): 'triangle' | 'rectRot' {
  return kind === 'lumbar' || kind === 'neck' ? 'triangle' : 'rectRot';
}

export const speedScale = (units: Units): number => (units === 'in' ? 1 : CM_PER_IN);
export const positionScale = (units: Units): number => (units === 'in' ? 1 / CM_PER_IN : 1);

function alpha(hex: string, a: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

/** Room per tick label along the time axis and the position axis, in font sizes. */
const X_TICK_EM = 6;
const Y_TICK_EM = 2.4;

function baseOptions(yTitle: string, xMax: number, theme: ChartTheme = SCREEN_THEME): LineConfig['options'] {
  const font = { size: theme.fontSize, family: FAMILY };
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
        title: { display: true, text: 'Time (min:s)', color: theme.dim, font },
        ticks: { color: theme.text, font, autoSkip: false, maxRotation: 0, callback: (v) => tickTime(Number(v)) },
        // Round times (0:00, 0:30, 1:00, …) with a step that fits the width and the span shown.
        afterBuildTicks: (axis) => {
          axis.ticks = timeTicks(axis.min, axis.max, ticksThatFit(axis.width, X_TICK_EM * theme.fontSize)).map((value) => ({ value }));
        },
        grid: { color: theme.grid },
      },
      y: {
        type: 'linear',
        title: { display: true, text: yTitle, color: theme.dim, font },
        ticks: { color: theme.text, font, callback: (v) => numberText(Number(v)) },
        grid: { color: theme.grid },
      },
    },
    plugins: {
      decimation: { enabled: true, algorithm: 'lttb', samples: 1000 },
      tooltip: { enabled: true, titleFont: font, bodyFont: font, callbacks: { title: (items) => tickTime(items[0]?.parsed.x ?? 0) } },
      legend: { display: false },
    },
  };
}

const trackEnd = (review: SessionReview): number => {
  const t = review.track.t;
  return Math.max(t[t.length - 1] ?? 0, review.session.summary?.durationS ?? 0, 1);
};

/** Over-limit shading boxes (and the limit line) for the speed chart, in display units. */
export function speedAnnotations(stretches: readonly Stretch[], limitDisplay: number, fontSize = FONT.size): Annotations {
  const a: Annotations = {
    limit: {
      type: 'line',
      yMin: limitDisplay,
      yMax: limitDisplay,
      borderColor: '#F0E442',
      borderWidth: 3,
      borderDash: [10, 6],
      label: { display: true, content: 'Limit', position: 'start', color: '#000', backgroundColor: '#F0E442', font: { ...FONT, size: fontSize, weight: 'bold' } },
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

export function speedChartConfig(review: SessionReview, units: Units, theme: ChartTheme = SCREEN_THEME): LineConfig {
  const k = speedScale(units);
  const { t, speedInPerS } = review.track;
  const limit = review.settings.speedLimitInPerS;
  const stretches = overLimitStretches(t, speedInPerS, limit, 0.5);
  const options = baseOptions(`Speed (${speedUnit(units)})`, trackEnd(review), theme);
  if (options?.scales?.y) options.scales.y.min = 0;
  if (options?.plugins) options.plugins.annotation = { annotations: speedAnnotations(stretches, limit * k, theme.fontSize) };
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: 'Speed',
          data: toPoints(t, speedInPerS, (v) => Math.abs(v) * k),
          borderColor: theme.speed,
          backgroundColor: theme.speedFill,
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
export function positionAnnotations(review: SessionReview, units: Units, range: { min: number; max: number }, theme: ChartTheme = SCREEN_THEME): Annotations {
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
      label: { display: true, content: band.label, position: { x: 'end', y: band.zone === 'neck' ? 'start' : 'end' }, color: theme.text, font: { ...FONT, size: theme.fontSize, weight: 'bold' } },
    };
  }
  review.events.forEach((e, i) => {
    a[`event${i}`] = {
      type: 'point',
      xValue: e.t,
      yValue: e.positionCm * k,
      radius: 9,
      pointStyle: markerShape(e.kind),
      backgroundColor: EVENT_COLOUR[e.kind],
      borderColor: '#000',
      borderWidth: 2,
    };
  });
  return a;
}

export function positionChartConfig(review: SessionReview, units: Units, theme: ChartTheme = SCREEN_THEME): LineConfig {
  const k = positionScale(units);
  const { t, positionCm } = review.track;
  const range = positionRange(positionCm, review.settings.neckAboveCm, review.settings.lumbarBelowCm);
  const options = baseOptions(`Position (${units}, + toward head)`, trackEnd(review), theme);
  roundPositionAxis(options, range, units, theme);
  if (options?.plugins) options.plugins.annotation = { annotations: positionAnnotations(review, units, range, theme) };
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: 'Position',
          data: toPoints(t, positionCm, (v) => v * k),
          borderColor: theme.line,
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

/** The position axis over `range` (cm) in display units, ticked every 5 or 10 cm / 2 or 5 in. */
function roundPositionAxis(options: LineConfig['options'], range: { min: number; max: number }, units: Units, theme: ChartTheme = SCREEN_THEME): void {
  const y = options?.scales?.y;
  if (!y) return;
  const k = positionScale(units);
  y.min = range.min * k;
  y.max = range.max * k;
  y.afterBuildTicks = (axis) => {
    axis.ticks = positionTicks(axis.min, axis.max, units, ticksThatFit(axis.height, Y_TICK_EM * theme.fontSize)).map((value) => ({ value }));
  };
  if (y.ticks) y.ticks.autoSkip = false;
}

/** Line colour and dash of the earlier and the later session in an overlay (also told apart by the dash). */
export const OVERLAY_STYLE = [
  { colour: '#56B4E9', dash: [12, 6], label: 'Earlier' },
  { colour: '#E69F00', dash: [] as number[], label: 'Later' },
] as const;

/** Times from each session's own start, s. */
const fromStart = (t: readonly number[]): number[] => {
  const t0 = t[0] ?? 0;
  return t.map((x) => x - t0);
};

const overlayEnd = (pair: readonly SessionReview[]): number => Math.max(1, ...pair.map((r) => trackEnd(r) - (r.track.t[0] ?? 0)));

/** Two sessions' speed over time from each one's start, with the later session's limit. */
export function overlaySpeedConfig(pair: readonly [SessionReview, SessionReview], units: Units): LineConfig {
  const k = speedScale(units);
  const options = baseOptions(`Speed (${units === 'in' ? 'in/s' : 'cm/s'})`, overlayEnd(pair));
  if (options?.scales?.y) options.scales.y.min = 0;
  if (options?.plugins) options.plugins.annotation = { annotations: speedAnnotations([], pair[1].settings.speedLimitInPerS * k) };
  return {
    type: 'line',
    data: {
      datasets: pair.map((r, i) =>
        overlayDataset(
          r,
          i,
          toPoints(fromStart(r.track.t), r.track.speedInPerS, (v) => Math.abs(v) * k),
        ),
      ),
    },
    options,
  };
}

/** Two sessions' position over time from each one's start, with the later session's keep-off zones. */
export function overlayPositionConfig(pair: readonly [SessionReview, SessionReview], units: Units): LineConfig {
  const k = positionScale(units);
  const later = pair[1];
  const range = positionRange([...pair[0].track.positionCm, ...later.track.positionCm], later.settings.neckAboveCm, later.settings.lumbarBelowCm);
  const options = baseOptions(`Position (${units}, + toward head)`, overlayEnd(pair));
  roundPositionAxis(options, range, units);
  if (options?.plugins) options.plugins.annotation = { annotations: positionAnnotations({ ...later, events: [] }, units, range) };
  return {
    type: 'line',
    data: {
      datasets: pair.map((r, i) =>
        overlayDataset(
          r,
          i,
          toPoints(fromStart(r.track.t), r.track.positionCm, (v) => v * k),
        ),
      ),
    },
    options,
  };
}

function overlayDataset(r: SessionReview, i: number, data: Point[]): LineConfig['data']['datasets'][number] {
  const style = OVERLAY_STYLE[i === 0 ? 0 : 1];
  return { label: `${style.label} (${r.session.day})`, data, borderColor: style.colour, borderDash: [...style.dash], borderWidth: 3, pointRadius: 0, indexAxis: 'x' };
}
