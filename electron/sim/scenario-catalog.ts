/**
 * The scenarios shipped in `./scenarios/`, bundled as JSON imports (no fs), by name. Each
 * is validated when it is loaded, so a broken file fails with the field named.
 */
import borderlineSpeeds from './scenarios/borderline-speeds.json';
import calibrationPass from './scenarios/calibration-pass.json';
import dwell20s from './scenarios/dwell-20s.json';
import dwell40s from './scenarios/dwell-40s.json';
import fourInchRoller from './scenarios/four-inch-roller.json';
import goodSlowSession from './scenarios/good-slow-session.json';
import guidedSession from './scenarios/guided-session.json';
import handsFree from './scenarios/hands-free.json';
import highBias from './scenarios/high-bias.json';
import lumbarDrift from './scenarios/lumbar-drift.json';
import neckExcursion from './scenarios/neck-excursion.json';
import oddMount from './scenarios/odd-mount.json';
import packetLoss from './scenarios/packet-loss.json';
import tenMinuteMixed from './scenarios/ten-minute-mixed.json';
import tooFast from './scenarios/too-fast.json';
import { parseScenario, type Scenario } from './scenario-schema';

const FILES: Readonly<Record<string, unknown>> = {
  'good-slow-session': goodSlowSession,
  'too-fast': tooFast,
  'borderline-speeds': borderlineSpeeds,
  'dwell-20s': dwell20s,
  'dwell-40s': dwell40s,
  'lumbar-drift': lumbarDrift,
  'neck-excursion': neckExcursion,
  'high-bias': highBias,
  'packet-loss': packetLoss,
  'odd-mount': oddMount,
  'four-inch-roller': fourInchRoller,
  'ten-minute-mixed': tenMinuteMixed,
  'calibration-pass': calibrationPass,
  'guided-session': guidedSession,
  'hands-free': handsFree,
};

/** Names of the built-in scenarios, in a sensible menu order. */
export const BUILT_IN_SCENARIO_NAMES: readonly string[] = Object.freeze(Object.keys(FILES));

/** A built-in scenario, validated, defaults filled. Throws for an unknown name or an invalid file (ZodError). */
export function builtInScenario(name: string): Scenario {
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (file === undefined) {
    throw new RangeError(`no built-in scenario "${name}"; known: ${BUILT_IN_SCENARIO_NAMES.join(', ')}`);
  }
  return parseScenario(file);
}
