/**
 * The support report: everything the Sensor check shows, as plain text a user can paste into an
 * e-mail, plus the app version, the system, Bluetooth's condition, the sources' recent notes and
 * the support log's newest lines (from `sensors.diagnostics`). The figures are worded by the
 * same functions as the screen (sensor-check-text.ts). Pure.
 */
import type { Diagnostics } from '../../bridge/contract';
import { connectionText } from '../connection/connection-text';
import { axisText, gapsText, lostText, PROCESSING_MEANS, processingText, rateText, sensorRows, signalText, technicalRows } from './sensor-check-text';

export function diagnosticsReport(d: Diagnostics): string {
  const c = d.check;
  const lines: string[] = [];
  const section = (title: string) => lines.push('', `== ${title} ==`);
  const row = (label: string, value: string) => lines.push(`${label}: ${value}`);

  lines.push('Roller Companion — sensor check report', `Made: ${d.createdAt}`);
  section('App');
  row('Version', d.app.version);
  row('Runs in', d.app.host === 'electron' ? 'the desktop app' : 'a browser (local host)');
  row('System', `${d.system.os} (${d.system.arch}); ${d.system.runtime}`);
  section('Bluetooth');
  row('Adapter', `${d.adapter.state}: ${d.adapter.message}`);
  const conn = connectionText(d.connection);
  row('Connection', `${conn.label} — ${conn.detail}`);
  section('Sensor');
  if (!c.sensor) lines.push('No sensor connected.');
  for (const r of sensorRows(c)) row(r.label, r.value);
  if (c.sensor) {
    section('Link');
    row('Sample rate', rateText(c).value);
    row('Rate chosen', `${c.rate.chosenHz} Hz${c.rate.choicesHz.length > 0 ? ` (this sensor offers ${c.rate.choicesHz.join(' / ')} Hz)` : ''}`);
    row('Messages lost', lostText(c).value);
    row('Gaps and reconnects', gapsText(c));
    row('Signal', signalText(c));
    if (c.link.rssi.length > 0) row('Signal history (s ago: dBm)', c.link.rssi.map((r) => `${Math.round(-r.tS)}: ${Math.round(r.dbm)}`).join(', '));
    row('Processing time', `${processingText(c)} (${PROCESSING_MEANS})`);
    section('Roller axis');
    const axis = axisText(c);
    row('Found', axis.value);
    row('How sure', axis.sure);
    row('Found by', c.axis.from === 'session' ? 'the running session' : 'the check, from the motion since the sensor connected');
  }
  section('Technical');
  const tech = technicalRows(c);
  if (tech.length === 0) lines.push('Nothing to report.');
  for (const r of tech) row(r.label, r.value);
  section('Recent notes from the sensor');
  if (d.notes.length === 0) lines.push('None.');
  for (const n of d.notes) lines.push(`- ${n}`);
  section('Support log (newest lines)');
  if (d.logLines.length === 0) lines.push('None.');
  for (const l of d.logLines) lines.push(l);
  return `${lines.join('\n')}\n`;
}
