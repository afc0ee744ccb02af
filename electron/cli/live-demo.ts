/**
 * `roller demo` through the app's own pipeline (RollerApp: the chosen source, the live session,
 * its figures, the live batches and coaching events), as the live screen would show it: the
 * simulated roller (a scenario) or a recording played back (`--replay`, `--speed`). Nothing is
 * stored: the app runs on a store in memory. Prints the live line twice a second, every warning
 * as it happens, and the session's figures at the end.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { memoryAppStore } from '../app/app-store';
import { RollerApp } from '../app/roller-app';
import { realScheduler } from '../ble/scheduler';
import { createSimulatedNoble } from '../ble/sim-peripheral';
import { durationText, percentText } from '../ipc/figure-text';
import { MAX_REPLAY_CHARS, type LivePoint } from '../ipc/ipc-contract';
import { CliError } from './cli-args';
import type { CliIo } from './cli-io';
import { eventLine, liveLine } from './live-line';
import { speedText } from './units-text';
import type { Units } from '../../renderer/common/units';
import { sleep } from './sensor-source-options';
import { onStopSignal } from '../app/stop-signals';
import { pairFirstRoller } from '../app/pair-first-roller';
import type { PeripheralSpec } from '../ble/sim-peripheral';
import { DBUS_ADDRESS_ENV, startFakeBluezForApp } from './fake-bluez-option';

export type DemoSource =
  /**
   * The simulated roller; `firmwareExecutable`: its motion through the firmware core (host loop
   * executable); `fakeBluez`: served by a fake BlueZ on a private D-Bus and paired through the
   * app's real Bluetooth path, instead of simulated noble bindings.
   */
  { kind: 'simulated'; scenario: string; rateHz: number; firmwareExecutable: string | null; fakeBluez?: boolean } | { kind: 'replay'; file: string; speed: number };

export interface LiveDemoOptions {
  source: DemoSource;
  /** Stop after this long, s (default: when the source stops streaming). */
  seconds?: number;
  /** The units of the printed lines. */
  units: Units;
}

export async function liveDemo(o: LiveDemoOptions, io: CliIo): Promise<number> {
  const text = o.source.kind === 'replay' ? readRecording(o.source.file) : null;
  const rateHz = o.source.kind === 'simulated' ? o.source.rateHz : 100;
  const executable = o.source.kind === 'simulated' ? o.source.firmwareExecutable : null;
  const simulatedRoller = (scenario: string): PeripheralSpec =>
    executable ? { kind: 'firmware-roller', scenario, executable, feedRateHz: rateHz } : { kind: 'roller', scenario, localName: 'Roller (simulated)' };
  // The fake BlueZ first: the app's system Bluetooth is then noble over its private bus.
  const fake = o.source.kind === 'simulated' && o.source.fakeBluez ? await startFakeBluezForApp(simulatedRoller(o.source.scenario)) : null;
  const app = new RollerApp({
    host: 'browser',
    scheduler: realScheduler,
    store: memoryAppStore(),
    loadSystemNoble: fake ? () => fake.loadNoble() : () => ({ ok: false, adapter: { state: 'unavailable', message: 'Bluetooth is not used by the demo', fix: '' } }),
    makeSimulatedNoble: (scenario) => {
      const sim = createSimulatedNoble({ scheduler: realScheduler, peripherals: [simulatedRoller(scenario)] });
      return { noble: sim.noble, dispose: () => sim.dispose() };
    },
    ...(o.source.kind === 'simulated' ? { sampleRateHz: rateHz } : {}),
    ...(io.log ? { log: io.log } : {}),
  });
  // The newest live point, and the first one's time (the line counts from it).
  const seen: { last: LivePoint | null; t0: number | null } = { last: null, t0: null };
  app.on('live', (b) => {
    seen.t0 ??= b.points[0]?.t ?? null;
    seen.last = b.points.at(-1) ?? seen.last;
  });
  // What the source says (the sensor and its rate, drop-outs, reconnects), once each, as it comes.
  let notesSeen: readonly string[] = [];
  let linkWas = '';
  app.on('snapshot', (snap) => {
    for (const note of snap.source.notes) if (!notesSeen.includes(note)) io.stdout.write(`        ${note}\n`);
    notesSeen = snap.source.notes;
    const c = snap.connection;
    if (c.name !== linkWas && (c.name === 'reconnecting' || c.name === 'lost'))
      io.stdout.write(`        sensor ${c.name === 'lost' ? 'lost' : 'dropped out — reconnecting'}${c.reason ? `: ${c.reason}` : ''}\n`);
    linkWas = c.name;
  });
  app.on('coach', (e) => io.stdout.write(`${eventLine(e, seen.t0 ?? e.t, o.units)}\n`));
  let stop = false;
  const offSignals = onStopSignal(() => (stop = true));
  try {
    const s = o.source;
    if (s.kind === 'replay') {
      await app.handle('sensors.useReplay', { fileName: basename(s.file), text: text ?? '', speed: s.speed }).catch((err: Error) => {
        throw new CliError(err.message);
      });
      io.stdout.write(`Roller Companion: replaying ${basename(s.file)} live${s.speed !== 1 ? ` at ${s.speed}× speed` : ''}…\n`);
    } else {
      io.stdout.write(
        `Roller Companion demo: the simulated roller ("${s.scenario}")${s.firmwareExecutable ? ' through the firmware core' : ''}${fake ? `, paired over a fake BlueZ on a private D-Bus (${DBUS_ADDRESS_ENV}=${fake.address})` : ''}${o.seconds !== undefined ? ` for ${o.seconds} s` : ''}. Lie still, then roll up slowly…\n`,
      );
      if (fake) {
        app.start();
        const id = await pairFirstRoller(app, { scheduler: realScheduler }).catch((err: Error) => {
          throw new CliError(`--fake-bluez: ${err.message}`);
        });
        io.stdout.write(`        paired ${id} through BlueZ over D-Bus\n`);
      } else {
        await app.handle('sensors.useSimulated', { scenario: s.scenario }).catch((err: Error) => {
          throw new CliError(err.message);
        });
      }
    }
    const limit = app.snapshot().profile.speedLimitInPerS;
    await app.handle('session.start', {});
    const end = o.seconds !== undefined ? Date.now() + o.seconds * 1000 : Infinity;
    while (!stop && Date.now() < end && app.snapshot().connection.name === 'streaming') {
      await sleep(500);
      const p = seen.last;
      if (p) io.stdout.write(`${liveLine({ ...p, diagnostics: { atRest: p.atRest, gapBridged: p.gapBridged } }, seen.t0 ?? p.t, limit, p.dwellS, o.units)}\n`);
    }
    const ended = await app.handle('session.stop', { reason: 'completed' });
    const f = ended.figures;
    const { source } = app.snapshot();
    if (f) {
      io.stdout.write(
        `\nSession: ${durationText(f.durationS)}, rolling ${durationText(f.rollingS)}, ${percentText(f.withinLimitShare)} within ${speedText(limit, o.units, 1)}, longest stay ${durationText(f.longestDwellS)}, ${f.warnings} warnings; ${source.samples} samples, ${source.gaps} gaps.\n`,
      );
    }
    return 0;
  } finally {
    offSignals();
    await app.dispose();
    await fake?.stop();
  }
}

function readRecording(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file}: is a folder, not a recording` : `${file}: cannot read (${(err as Error).message})`);
  }
  if (text.length > MAX_REPLAY_CHARS) throw new CliError(`${file}: too long to replay (at most ${MAX_REPLAY_CHARS} characters); roller analyze reads it whole`);
  return text;
}
