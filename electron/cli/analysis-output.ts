/** Formats an analysis for the CLI: the JSON contract of docs/architecture.md#analyzer-cli, or a human-readable summary. */
import type { Analysis } from '../motion/motion-engine';
import { FLAG_ACCEL_REJECTED, FLAG_AT_REST, FLAG_GAP_BRIDGED } from '../motion/track-columns';
import { ZONES } from '../motion/spine-map';
import type { TrackSummary } from '../motion/track-summary';
import { detailInUnits, diameterText, lengthText, positionText, speedText, type Units } from './units-text';

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** The JSON object, produced in chunks (a long session is megabytes). */
export function* formatAnalysisJson(a: Analysis, diagnostics: boolean): Generator<string> {
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
  const events = a.events.map((e) => (diagnostics ? { t: round(e.t, 4), kind: e.kind, positionCm: round(e.positionCm, 3), detail: e.detail } : { t: round(e.t, 4), kind: e.kind, positionCm: round(e.positionCm, 3) }));
  yield `],"events":${JSON.stringify(events)}}\n`;
}

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/** The readable summary: every length, position and speed in `units`, `−` for negatives (./units-text.ts). */
export function formatAnalysisText(file: string, a: Analysis, s: TrackSummary, units: Units): string {
  const lines: string[] = [];
  const st = a.settings;
  lines.push(`Recording   ${file}`);
  lines.push(`Settings    ${diameterText(st.rollerDiameterIn, units)} roller, speed limit ${speedText(st.speedLimitInPerS, units, 1)}, neck above ${positionText(a.spineMap.neckAboveCm, units)}, lumbar below ${positionText(-a.spineMap.lumbarBelowCm, units)} (${a.spineMap.source})`);
  lines.push(`Samples     ${a.counters.samples} (${a.counters.gaps} gaps bridged, ${a.counters.outOfOrder} skipped, ${a.counters.accelRejected} accelerometer readings not gravity)`);
  lines.push(`Duration    ${mmss(s.durationS)} (rolling ${mmss(s.rollingS)})`);
  lines.push(`Travel      ${lengthText(s.distanceCm, units, 0)} between ${positionText(s.topCm, units)} and ${positionText(s.bottomCm, units)}`);
  lines.push(`Speed       ${(s.withinLimitShare * 100).toFixed(0)} % of rolling time within ${speedText(st.speedLimitInPerS, units, 1)}, top ${speedText(s.maxSpeedInPerS, units)}`);
  lines.push(`Longest     ${s.longestDwellS.toFixed(0)} s on one spot`);
  lines.push(`Zones       ${ZONES.map((z) => `${z} ${mmss(s.zoneTimeS[z])}`).join(', ')}`);
  lines.push(`Warnings    ${a.events.length === 0 ? 'none' : a.events.length}`);
  for (const e of a.events) lines.push(`  ${mmss(e.t - (a.track.t[0] ?? 0)).padStart(6)}  ${e.kind.padEnd(11)} at ${positionText(e.positionCm, units)}  ${detailInUnits(e.detail, units)}`);
  return lines.join('\n') + '\n';
}
