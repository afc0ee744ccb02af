import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';
import { parseRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-reader';
import { parseWellKnownRecordingMetadata } from '../../../sensor-protocol/recording/recording-csv-format';
import { simulationCsvMetadata } from '../../../electron/sim/csv-metadata';
import { BUILT_IN_SCENARIO_NAMES, builtInScenario } from '../../../electron/sim/scenario-catalog';
import { parseScenario, type ScenarioInput } from '../../../electron/sim/scenario-schema';
import { simulate, type SimulationResult } from '../../../electron/sim/simulate';
import { excursions, fastEpisodes, longestDwellS } from './speed-episodes';

const DIR = fileURLToPath(new URL('../../../electron/sim/scenarios/', import.meta.url));
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const FAST_EPISODES: Record<string, number> = { 'too-fast': 4, 'borderline-speeds': 4, 'ten-minute-mixed': 5, 'guided-session': 1 };
const runs = new Map<string, SimulationResult>();
function run(name: string): SimulationResult {
  let r = runs.get(name);
  if (!r) {
    r = simulate(JSON.parse(readFileSync(`${DIR}${name}.json`, 'utf8')) as ScenarioInput);
    runs.set(name, r);
  }
  return r;
}

function maxOf(a: Float64Array): number {
  return a.reduce((m, v) => Math.max(m, v), -Infinity);
}
function minOf(a: Float64Array): number {
  return a.reduce((m, v) => Math.min(m, v), Infinity);
}

describe('scenario files', () => {
  it('ships every scenario the product needs, each in the catalog under its file name', () => {
    const names = FILES.map((f) => f.replace(/\.json$/, ''));
    for (const required of [
      'good-slow-session',
      'too-fast',
      'borderline-speeds',
      'dwell-20s',
      'dwell-40s',
      'lumbar-drift',
      'neck-excursion',
      'high-bias',
      'packet-loss',
      'odd-mount',
      'four-inch-roller',
      'ten-minute-mixed',
    ]) {
      expect(names).toContain(required);
    }
    expect([...BUILT_IN_SCENARIO_NAMES].sort()).toEqual(names);
  });

  it.each(FILES)('%s parses, simulates and starts at rest at 0 cm', (file) => {
    const name = file.replace(/\.json$/, '');
    const json: unknown = JSON.parse(readFileSync(`${DIR}${file}`, 'utf8'));
    const scenario = parseScenario(json);
    expect(scenario.name).toBe(name);
    expect(builtInScenario(name)).toEqual(scenario);
    const r = run(name);
    expect(r.samples.length).toBeGreaterThan(1000);
    expect(r.truth.track.positionCm[0]).toBe(0);
    expect(r.scenario.segments[0]!.kind).toBe('rest');
    // plausible strokes: the back is about ±25 cm around the start spot
    expect(maxOf(r.truth.track.positionCm)).toBeLessThanOrEqual(25);
    expect(minOf(r.truth.track.positionCm)).toBeGreaterThanOrEqual(-25);
    // the first move goes up
    const firstMove = r.truth.track.positionCm.find((p) => Math.abs(p) > 0.5);
    expect(firstMove).toBeGreaterThan(0);
    // no too-fast episode or long dwell except where the scenario is about one
    expect(fastEpisodes(r.truth.track).length).toBe(FAST_EPISODES[name] ?? 0);
    if (!/^dwell-|^ten-minute|^guided-session/.test(name)) expect(longestDwellS(r.truth.track)).toBeLessThan(12.5);
  });

  it('good-slow-session: about 2 min, never faster than 0.9 in/s, upper and mid back only, no long dwell', () => {
    const r = run('good-slow-session');
    expect(r.meta.durationS).toBeGreaterThan(100);
    expect(r.meta.durationS).toBeLessThan(150);
    expect(maxOf(r.truth.track.speedInPerS)).toBeLessThanOrEqual(0.9 + 1e-9);
    expect(new Set(r.truth.track.zone)).toEqual(new Set(['upper-back', 'mid-back']));
    expect(longestDwellS(r.truth.track)).toBeLessThan(12.5); // turnarounds only, well under the 15 s nudge
  });

  it('too-fast: four fast strokes at 2–3 in/s among slow ones', () => {
    const r = run('too-fast');
    const episodes = fastEpisodes(r.truth.track);
    expect(episodes.length).toBe(4);
    expect(maxOf(r.truth.track.speedInPerS)).toBeLessThanOrEqual(3 + 1e-9);
    expect(maxOf(r.truth.track.speedInPerS)).toBeGreaterThan(2.5);
  });

  it('borderline-speeds: plateaus at 0.8, 0.9, 1.1 and 1.2 in/s; only the last four strokes are too fast', () => {
    const r = run('borderline-speeds');
    const t = r.truth.track;
    for (const v of [0.8, 0.9, 1.1, 1.2]) {
      let rows = 0;
      for (let i = 0; i < t.length; i++) if (Math.abs(t.speedInPerS[i]! - v) < 1e-9) rows++;
      expect(rows / 100).toBeGreaterThan(2 * 5); // two strokes, > 5 s each at exactly that speed
    }
    const episodes = fastEpisodes(t);
    expect(episodes.length).toBe(4);
    for (const e of episodes) expect(e.endS - e.startS).toBeGreaterThan(5);
  });

  it('dwell-20s / dwell-40s: one dwell of that length in a 2-inch window (nudge only / nudge and limit)', () => {
    // the window also holds the ends of the strokes in and out (≈ 2.5 s each at 0.7 in/s)
    const d20 = longestDwellS(run('dwell-20s').truth.track);
    const d40 = longestDwellS(run('dwell-40s').truth.track);
    expect(d20).toBeGreaterThanOrEqual(20);
    expect(d20).toBeLessThan(27);
    expect(d40).toBeGreaterThanOrEqual(40);
    expect(d40).toBeLessThan(47);
    expect(maxOf(run('dwell-40s').truth.track.speedInPerS)).toBeLessThan(1);
  });

  it('lumbar-drift: slow strokes that cross below the ribcage twice', () => {
    const r = run('lumbar-drift');
    expect(excursions(r.truth.track, 'lumbar')).toBe(2);
    expect(maxOf(r.truth.track.speedInPerS)).toBeLessThan(1);
  });

  it('neck-excursion: one stroke above the base of the neck', () => {
    const r = run('neck-excursion');
    expect(excursions(r.truth.track, 'neck')).toBe(1);
    expect(maxOf(r.truth.track.positionCm)).toBeGreaterThan(r.meta.spineMap.neckAboveCm);
  });

  it('high-bias: about 15 °/s of gyro bias on every axis, drifting', () => {
    const r = run('high-bias');
    const at = r.truth.track;
    for (const axis of [at.gyroBiasXDps, at.gyroBiasYDps, at.gyroBiasZDps]) {
      expect(Math.abs(axis[0]!)).toBeGreaterThan(13);
      expect(Math.abs(axis[0]!)).toBeLessThan(17);
      expect(Math.abs(axis[axis.length - 1]! - axis[0]!)).toBeGreaterThan(0.05);
    }
  });

  it('packet-loss: 10–20 % of frames lost in bursts and a 2 s hole in the samples', () => {
    const r = run('packet-loss');
    const lost = r.stats.framesLost / r.stats.framesTaken;
    expect(lost).toBeGreaterThan(0.1);
    expect(lost).toBeLessThan(0.2);
    let widest = 0;
    for (let i = 1; i < r.samples.length; i++) widest = Math.max(widest, r.samples[i]!.tS - r.samples[i - 1]!.tS);
    expect(widest).toBeGreaterThan(2);
  });

  it('odd-mount: on the surface at radius R with an oblique orientation; four-inch-roller: 4 in', () => {
    const odd = run('odd-mount');
    expect(odd.meta.mount.radiusCm).toBeCloseTo(7.62, 12);
    expect(odd.meta.mount.orientationDeg).toEqual([37, -61, 112]);
    const small = run('four-inch-roller');
    expect(small.meta.rollerDiameterIn).toBe(4);
    expect(small.meta.effectiveRadiusCm).toBeLessThan(5.08);
  });

  it('ten-minute-mixed: ten minutes with every zone, fast strokes, long dwells and lost frames', () => {
    const r = run('ten-minute-mixed');
    expect(r.meta.durationS).toBeGreaterThan(590);
    expect(r.meta.durationS).toBeLessThan(620);
    expect(new Set(r.truth.track.zone)).toEqual(new Set(['neck', 'upper-back', 'mid-back', 'lumbar']));
    expect(fastEpisodes(r.truth.track).length).toBeGreaterThanOrEqual(5);
    expect(longestDwellS(r.truth.track)).toBeGreaterThanOrEqual(40);
    expect(r.stats.framesLost).toBeGreaterThan(0);
  });

  it('writes a recording CSV whose metadata the reader accepts', () => {
    const r = run('odd-mount');
    const metadata = simulationCsvMetadata(r.meta);
    expect(parseWellKnownRecordingMetadata(metadata).issues).toEqual([]);
    const csv = formatRecordingCsv(r.samples.slice(0, 50), metadata);
    expect(csv).toContain('# roller_diameter_in=6\n');
    const back = parseRecordingCsv(csv);
    expect(back.ok && back.metadata).toEqual(metadata);
    expect(back.ok && back.samples).toEqual(r.samples.slice(0, 50));
  });
});
