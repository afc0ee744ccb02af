/** Formats an analysis for the CLI: the JSON contract of docs/architecture.md#analyzer-cli, or a human-readable summary. */
import type { Analysis } from '../motion/motion-engine';
import { FLAG_ACCEL_REJECTED, FLAG_AT_REST, FLAG_GAP_BRIDGED } from '../motion/track-columns';
import { ZONES } from '../motion/spine-map';
import type { SessionFigures } from '../motion/session-figures-schema';
import { clockText, durationText, excursionText, percentText } from '../ipc/figure-text';
import { detailInUnits, diameterText, lengthText, positionText, speedText, type Units } from './units-text';

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** The JSON object, produced in chunks (a long session is megabytes). */
export function* formatAnalysisJson(a: Analysis, figures: SessionFigures, diagnostics: boolean): Generator<string> {
  const tr = a.track;
  yield '{"track":[';
  let buf: string[] = [];
  for (let i = 0; i < tr.length; i++) {
    const point: Record<string, unknown> = {
      t: round(tr.t[i]!, 4),
      positionCm: round(tr.positionCm[i]!, 3),
      speedInPerS: round(tr.speedInPerS[i]!, 4),
      zone: ZONES[tr.zone[i]!],
    };
    if (diagnostics) {
      const f = tr.flags[i]!;
      point['diagnostics'] = {
        atRest: (f & FLAG_AT_REST) !== 0,
        biasDps: [round(tr.bias[3 * i]!, 3), round(tr.bias[3 * i + 1]!, 3), round(tr.bias[3 * i + 2]!, 3)],
        axisConfidence: round(tr.axisConfidence[i]!, 3),
        gapBridged: (f & FLAG_GAP_BRIDGED) !== 0,
        accelRejected: (f & FLAG_ACCEL_REJECTED) !== 0,
      };
    }
    buf.push((i > 0 ? ',' : '') + JSON.stringify(point));
    if (buf.length >= 2000) {
      yield buf.join('');
      buf = [];
    }
  }
  yield buf.join('');
  const events = a.events.map((e) =>
    diagnostics ? { t: round(e.t, 4), kind: e.kind, positionCm: round(e.positionCm, 3), detail: e.detail } : { t: round(e.t, 4), kind: e.kind, positionCm: round(e.positionCm, 3) },
  );
  yield `],"events":${JSON.stringify(events)},"summary":${JSON.stringify(figures)}}\n`;
}

/**
 * The readable summary: durations and shares in the shared figure text (../ipc/figure-text.ts, as
 * every screen shows them), every length, position and speed in `units`, `−` for negatives
 * (./units-text.ts).
 */
export function formatAnalysisText(file: string, a: Analysis, s: SessionFigures, units: Units): string {
  const length = (cm: number) => lengthText(cm, units);
  const lines: string[] = [];
  const st = a.settings;
  lines.push(`Recording   ${file}`);
  lines.push(
    `Settings    ${diameterText(st.rollerDiameterIn, units)} roller, speed limit ${speedText(st.speedLimitInPerS, units, 1)}, neck above ${positionText(a.spineMap.neckAboveCm, units)}, lumbar below ${positionText(-a.spineMap.lumbarBelowCm, units)} (${a.spineMap.source})`,
  );
  lines.push(`Samples     ${a.counters.samples} (${a.counters.gaps} gaps bridged, ${a.counters.outOfOrder} skipped, ${a.counters.accelRejected} accelerometer readings not gravity)`);
  lines.push(`Duration    ${clockText(s.durationS)} (rolling ${clockText(s.rollingS)})`);
  lines.push(`Travel      ${lengthText(s.distanceCm, units, 0)} between ${positionText(s.topCm, units)} and ${positionText(s.bottomCm, units)}`);
  lines.push(`Speed       ${percentText(s.withinLimitShare)} of rolling time within ${speedText(st.speedLimitInPerS, units, 1)}, top ${speedText(s.maxSpeedInPerS, units)}`);
  lines.push(`Longest     ${durationText(s.longestDwellS)} on one spot`);
  lines.push(`Past lines  lower back ${excursionText(s.excursions.lumbar, length)}, neck ${excursionText(s.excursions.neck, length)}`);
  lines.push(`Zones       ${ZONES.map((z) => `${z} ${clockText(s.zoneTimeS[z])}`).join(', ')}`);
  lines.push(`Warnings    ${s.warnings === 0 ? 'none' : s.warnings}${s.eventCounts['time-budget'] > 0 ? ' (and the daily budget reached)' : ''}`);
  for (const e of a.events) lines.push(`  ${clockText(e.t - (a.track.t[0] ?? 0)).padStart(6)}  ${e.kind.padEnd(11)} at ${positionText(e.positionCm, units)}  ${detailInUnits(e.detail, units)}`);
  return lines.join('\n') + '\n';
}
