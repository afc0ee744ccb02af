/**
 * The Sensor check's figures in words, one function per figure: the screen shows these and the
 * support report prints the same text (diagnostics-report.ts), so the two never disagree. The
 * figures themselves come computed from main (`sensors.check`); nothing is worked out here but
 * wording and rounding.
 */
import type { SensorCheck } from '../../bridge/contract';
import { signalStrength } from '../pair/signal-strength';
import { batteryText } from '../pair/device-order';

export interface FigureRow {
  /** A stable key (test ids, the report). */
  id: string;
  label: string;
  value: string;
  /** Something the user should look at. */
  warn?: boolean;
}

const KIND_TEXT: Record<NonNullable<SensorCheck['sensor']>['kind'], string> = {
  roller: 'Roller Companion sensor',
  witmotion: 'WitMotion sensor',
  simulated: 'Simulated roller (no hardware)',
  replay: 'A recording played back',
};

/** Measured rates this far below the asked one are worth a look, as a share. */
const RATE_SHORTFALL = 0.1;
/** Lost frames above this share are worth a look, %. */
const LOST_WARN_PERCENT = 1;

const hz = (v: number): string => `${Math.round(v)} Hz`;

export function sensorRows(c: SensorCheck): FigureRow[] {
  const s = c.sensor;
  if (!s) return [];
  return [
    { id: 'name', label: 'Name', value: s.name },
    { id: 'kind', label: 'Kind', value: KIND_TEXT[s.kind] },
    { id: 'firmware', label: 'Firmware', value: s.firmwareVersion ?? (s.kind === 'replay' ? 'not a sensor' : 'not reported') },
    {
      id: 'battery',
      label: 'Battery',
      value: s.kind === 'replay' ? 'not a sensor' : capitalise(batteryText(s.batteryPercent).replace(/^battery /, '')),
      warn: s.batteryPercent !== null && s.batteryPercent < 20,
    },
  ];
}

/** "Measured 98 Hz (asked for 100 Hz)". */
export function rateText(c: SensorCheck): { value: string; warn: boolean } {
  const { askedHz, measuredHz, sensorHz } = c.rate;
  if (askedHz === null) return { value: 'No samples', warn: false };
  const asked = sensorHz !== null && sensorHz !== askedHz ? `asked for ${hz(askedHz)}; the sensor runs at ${hz(sensorHz)}` : `asked for ${hz(askedHz)}`;
  if (measuredHz === null) return { value: `Measuring… (${asked})`, warn: false };
  return { value: `${hz(measuredHz)} measured (${asked})`, warn: measuredHz < (sensorHz ?? askedHz) * (1 - RATE_SHORTFALL) };
}

export function lostText(c: SensorCheck): { value: string; warn: boolean } {
  const { lostPercent, lostFrames, frames } = c.link;
  if (lostPercent === null) return { value: c.sensor?.kind === 'replay' ? 'Not counted for a recording' : 'Not counted (this sensor numbers no frames)', warn: false };
  const share = lostPercent === 0 ? '0 %' : lostPercent < 0.1 ? 'under 0.1 %' : `${lostPercent.toFixed(1)} %`;
  return { value: `${share} (${lostFrames} of ${frames + lostFrames} messages)`, warn: lostPercent > LOST_WARN_PERCENT };
}

export function gapsText(c: SensorCheck): string {
  const { gaps, reconnects } = c.link;
  const g = gaps === 0 ? 'No gaps' : `${gaps} ${gaps === 1 ? 'gap' : 'gaps'}`;
  const r = reconnects === 0 ? 'no reconnects' : `${reconnects} ${reconnects === 1 ? 'reconnect' : 'reconnects'}`;
  return `${g}, ${r}`;
}

/** What the processing time is, said once for the screen and the report. */
export const PROCESSING_MEANS = 'from a message reaching the app to its samples having gone through the coaching engine; the radio’s own delay before that cannot be measured here';

export function processingText(c: SensorCheck): string {
  const p = c.link.processingMs;
  if (!p) return c.sensor?.kind === 'replay' ? 'Not measured for a recording' : 'Not measured yet';
  return `${ms(p.median)} typical, ${ms(p.p95)} at worst (95 %)`;
}

const ms = (v: number): string => (v < 1 ? `${v < 0.1 ? 'under 0.1' : v.toFixed(1)} ms` : `${Math.round(v)} ms`);

export function signalText(c: SensorCheck): string {
  const last = c.link.rssi[c.link.rssi.length - 1];
  if (!last) return c.sensor?.kind === 'replay' ? 'No radio (a recording)' : 'Not read yet';
  return `${capitalise(signalStrength(last.dbm).word)} (${Math.round(last.dbm)} dBm)`;
}

export function axisText(c: SensorCheck): { value: string; sure: string } {
  const a = c.axis;
  const sure = a.confidence >= 0.8 ? 'sure' : a.confidence >= 0.5 ? 'fairly sure' : 'not sure yet';
  if (!a.found || a.sensorAxis === null) return { value: 'Not found yet: roll a few slow strokes', sure: 'not found' };
  const along = (a.alignment ?? 0) >= 0.9 ? `along the sensor’s ${a.sensorAxis.toUpperCase()} axis` : `closest to the sensor’s ${a.sensorAxis.toUpperCase()} axis (the sensor sits tilted)`;
  return { value: `The roller turns ${along}`, sure: `${capitalise(sure)} (${Math.round(a.confidence * 100)} %)` };
}

/** The technical facts, for the screen's details and the report. */
export function technicalRows(c: SensorCheck): FigureRow[] {
  const t = c.technical;
  const rows: FigureRow[] = [];
  const add = (id: string, label: string, value: string | number | null, warn = false) => {
    if (value !== null) rows.push({ id, label, value: String(value), warn });
  };
  add('mtu', 'MTU', t.mtu !== null ? `${t.mtu} bytes` : null);
  add('samples-per-frame', 'Samples per frame', t.samplesPerFrame);
  add('ranges', 'Ranges', t.accelRangeG !== null && t.gyroRangeDps !== null ? `±${t.accelRangeG} g, ±${t.gyroRangeDps} °/s` : null);
  add('clock', 'Sample times', t.clock === null ? null : t.clock === 'sensor' ? 'sensor clock' : 'arrival on this computer (the sensor has no clock)');
  add('frames', 'Messages received', c.link.frames);
  add('samples', 'Samples received', c.link.samples);
  add('refused', 'Refused messages', `${t.refusedFrames}${t.lastRefused ? ` (last: ${t.lastRefused})` : ''}`, t.refusedFrames > 0);
  add('sensor-state', 'Sensor state', t.sensorState);
  add('sensor-error', 'Sensor error code', t.sensorError, t.sensorError !== null && t.sensorError !== 'none');
  add('sensor-dropped', 'Samples the sensor dropped', t.droppedBySensor, (t.droppedBySensor ?? 0) > 0);
  if (t.engine) {
    const e = t.engine;
    add('engine', 'Engine counters', `samples ${e.samples}, out of order ${e.outOfOrder}, gaps ${e.gaps}, accel rejected ${e.accelRejected}`);
  }
  return rows;
}

function capitalise(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}
