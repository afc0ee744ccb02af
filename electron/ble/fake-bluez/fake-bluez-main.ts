/**
 * `npm run fake-bluez [-- --scenario NAME] [--witmotion] [--speed N]`: a private dbus-daemon
 * with the fake BlueZ serving the simulated roller (and, with --witmotion, a simulated
 * WitMotion unit). Prints `DBUS_SYSTEM_BUS_ADDRESS=<address>` as its first line, then runs
 * until stopped (Ctrl-C). Export that line and `npx roller scan` / `record` use it.
 */
import { parseArgs } from 'node:util';
import { BUILT_IN_SCENARIO_NAMES } from '../../sim/scenario-catalog';
import type { PeripheralSpec } from '../sim-peripheral';
import { startFakeBluezSession } from './index';

async function main(): Promise<number> {
  let values: { scenario?: string; witmotion?: boolean; speed?: string };
  try {
    ({ values } = parseArgs({ options: { scenario: { type: 'string' }, witmotion: { type: 'boolean' }, speed: { type: 'string' } }, strict: true }));
  } catch (err) {
    process.stderr.write(`fake-bluez: ${(err as Error).message}\nusage: npm run fake-bluez -- [--scenario NAME] [--witmotion] [--speed N]\n`);
    return 2;
  }
  const scenario = values.scenario ?? 'ten-minute-mixed';
  if (!BUILT_IN_SCENARIO_NAMES.includes(scenario)) {
    process.stderr.write(`fake-bluez: no scenario "${scenario}"; known: ${BUILT_IN_SCENARIO_NAMES.join(', ')}\n`);
    return 2;
  }
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!(speed > 0 && speed <= 100)) {
    process.stderr.write(`fake-bluez: --speed must be a number in (0, 100], got ${values.speed}\n`);
    return 2;
  }
  const peripherals: PeripheralSpec[] = [{ kind: 'roller', scenario }];
  if (values.witmotion) peripherals.push({ kind: 'witmotion', scenario });
  let session;
  try {
    session = await startFakeBluezSession({ peripherals, speed });
  } catch (err) {
    process.stderr.write(`fake-bluez: ${(err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`DBUS_SYSTEM_BUS_ADDRESS=${session.address}\n`);
  process.stderr.write(`fake BlueZ on a private bus: ${peripherals.map((p) => p.kind).join(' and ')}, scenario ${scenario}${speed !== 1 ? `, clock ×${speed}` : ''}. Ctrl-C stops it.\n`);
  const s = session;
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await s.stop();
  return 0;
}

void main().then((code) => process.exit(code));
