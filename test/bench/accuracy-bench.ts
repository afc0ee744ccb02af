/**
 * Accuracy over the scenario suite: the engine against ground truth from the simulated roller,
 * side by side with a naive estimator and an AHRS (Madgwick) peer. Prints measured figures.
 */
import { analyzeSamples } from '../../electron/motion/motion-engine';
import { motionSettings, type MotionSettings } from '../../electron/motion/motion-settings';
import { EVENT_KINDS, type CoachEvent } from '../../electron/motion/motion-types';
import { BUILT_IN_SCENARIO_NAMES, builtInScenario } from '../../electron/sim/scenario-catalog';
import { simulate, type SimulationResult } from '../../electron/sim/simulate';
import { ahrsPositions, detectGyroAxis } from './peers/ahrs-estimator';
import { naivePositions } from './peers/naive-estimator';
import { emptyScore, f1, percentile, precision, recall, scoreEvents, type EventScore } from './event-matching';
import { interpolate, trackFromPositions } from './position-track';
import { truthEvents } from '../../electron/sim/truth-events';

export const ACCURACY_TARGETS = { positionRmsCm: 1.0, speedRmsInPerS: 0.1, eventF1: 0.97, onsetLatencyP95S: 0.3 };
const ESTIMATORS = ['engine', 'naive', 'ahrs'] as const;
type Estimator = (typeof ESTIMATORS)[number];

interface Tally {
  posSq: number;
  speedSq: number;
  n: number;
  scores: Map<string, EventScore>;
}

export interface AccuracyReport {
  rows: {
    estimator: Estimator;
    positionRmsCm: number;
    speedRmsInPerS: number;
    eventF1: number;
    latencyP50S: number;
    latencyP95S: number;
    earlyP95S: number;
    perKind: Record<string, { precision: number; recall: number; f1: number; n: number }>;
  }[];
  perScenario: { scenario: string; seed: number; estimator: Estimator; positionRmsCm: number; speedRmsInPerS: number; f1: number }[];
}

function newTally(): Tally {
  return { posSq: 0, speedSq: 0, n: 0, scores: new Map(EVENT_KINDS.map((k) => [k, emptyScore()])) };
}

function settingsFor(sim: SimulationResult): MotionSettings {
  return motionSettings({
    rollerDiameterIn: sim.meta.rollerDiameterIn,
    neckAboveCm: sim.meta.spineMap.neckAboveCm,
    lumbarBelowCm: sim.meta.spineMap.lumbarBelowCm,
  });
}

function accumulate(tally: Tally, t: ArrayLike<number>, p: ArrayLike<number>, v: ArrayLike<number>, n: number, sim: SimulationResult, events: CoachEvent[], truth: CoachEvent[]) {
  const tr = sim.truth.track;
  const hp = { i: 0 };
  const hv = { i: 0 };
  let posSq = 0;
  let speedSq = 0;
  for (let i = 0; i < n; i++) {
    const dp = p[i]! - interpolate(tr.tS, tr.positionCm, t[i]!, hp);
    const dv = v[i]! - interpolate(tr.tS, tr.speedInPerS, t[i]!, hv);
    posSq += dp * dp;
    speedSq += dv * dv;
  }
  tally.posSq += posSq;
  tally.speedSq += speedSq;
  tally.n += n;
  let all = emptyScore();
  for (const k of EVENT_KINDS) {
    if (k === 'time-budget') continue;
    scoreEvents(events, truth, k, tally.scores.get(k));
    all = scoreEvents(events, truth, k, all);
  }
  return { positionRmsCm: Math.sqrt(posSq / n), speedRmsInPerS: Math.sqrt(speedSq / n), f1: f1(all) };
}

export function runAccuracyBench(seeds: readonly number[] = [1, 2, 3]): AccuracyReport {
  const tallies = new Map<Estimator, Tally>(ESTIMATORS.map((e) => [e, newTally()]));
  const perScenario: AccuracyReport['perScenario'] = [];
  for (const name of BUILT_IN_SCENARIO_NAMES) {
    for (const seed of seeds) {
      const sim = simulate(builtInScenario(name), { seed });
      const settings = settingsFor(sim);
      const tr = sim.truth.track;
      const truth = truthEvents(tr, settings);
      const radiusCm = (settings.rollerDiameterIn * 2.54) / 2;

      const a = analyzeSamples(sim.samples, settings);
      const row = (estimator: Estimator, r: { positionRmsCm: number; speedRmsInPerS: number; f1: number }) => perScenario.push({ scenario: name, seed, estimator, ...r });
      row('engine', accumulate(tallies.get('engine')!, a.track.t, a.track.positionCm, a.track.speedInPerS, a.track.length, sim, a.events, truth));

      const times = sim.samples.map((s) => s.tS);
      const naive = trackFromPositions(times, naivePositions(sim.samples, radiusCm), settings);
      row('naive', accumulate(tallies.get('naive')!, naive.t, naive.positionCm, naive.speedInPerS, naive.t.length, sim, naive.events, truth));

      const ahrs = trackFromPositions(times, ahrsPositions(sim.samples, detectGyroAxis(sim.samples), radiusCm), settings);
      row('ahrs', accumulate(tallies.get('ahrs')!, ahrs.t, ahrs.positionCm, ahrs.speedInPerS, ahrs.t.length, sim, ahrs.events, truth));
    }
  }
  const rows = ESTIMATORS.map((estimator) => {
    const t = tallies.get(estimator)!;
    const all = emptyScore();
    const perKind: AccuracyReport['rows'][number]['perKind'] = {};
    for (const [kind, s] of t.scores) {
      if (kind === 'time-budget') continue;
      all.truePositives += s.truePositives;
      all.falsePositives += s.falsePositives;
      all.falseNegatives += s.falseNegatives;
      all.latenciesS.push(...s.latenciesS);
      perKind[kind] = { precision: precision(s), recall: recall(s), f1: f1(s), n: s.truePositives + s.falseNegatives };
    }
    const late = all.latenciesS.map((l) => Math.max(0, l));
    return {
      estimator,
      positionRmsCm: Math.sqrt(t.posSq / t.n),
      speedRmsInPerS: Math.sqrt(t.speedSq / t.n),
      eventF1: f1(all),
      latencyP50S: percentile(late, 0.5),
      latencyP95S: percentile(late, 0.95),
      earlyP95S: percentile(
        all.latenciesS.map((l) => Math.max(0, -l)),
        0.95,
      ),
      perKind,
    };
  });
  return { rows, perScenario };
}
