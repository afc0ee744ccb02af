/**
 * `roller demo --replay <recording.csv> [--speed N] [--seconds N]` — a recording played back
 * live through the app's own pipeline (RollerApp: the replay source, the live session, its
 * figures, the live batches and coaching events), as the live screen would show it. Nothing is
 * stored: the app runs on a store in memory. Prints the live line twice a second, every warning
 * as it happens, and the session's figures at the end.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { memoryAppStore } from '../app/app-store';
import { RollerApp } from '../app/roller-app';
import { realScheduler } from '../ble/scheduler';
import { durationText, percentText } from '../ipc/figure-text';
import { MAX_REPLAY_CHARS, type LivePoint } from '../ipc/ipc-contract';
import { CliError } from './cli-args';
import type { CliIo } from './cli-io';
import { eventLine, liveLine } from './live-line';
import { sleep } from './sensor-source-options';
import { onStopSignal } from './stop-signals';

export interface ReplayDemoOptions {
  file: string;
  speed: number;
  /** Stop after this long even if the recording goes on, s (default: to its end). */
  seconds?: number;
}

export async function replayDemo(o: ReplayDemoOptions, io: CliIo): Promise<number> {
  const text = readRecording(o.file);
  const app = new RollerApp({
    host: 'browser',
    scheduler: realScheduler,
    store: memoryAppStore(),
    loadSystemNoble: () => ({ ok: false, adapter: { state: 'unavailable', message: 'Bluetooth is not used by a replay', fix: '' } }),
    makeSimulatedNoble: () => {
      throw new Error('a replay uses no simulated roller');
    },
  });
  let last: LivePoint | null = null;
  let t0: number | null = null;
  app.on('live', (b) => {
    t0 ??= b.points[0]?.t ?? null;
    last = b.points.at(-1) ?? last;
  });
  app.on('coach', (e) => io.stdout.write(`${eventLine(e, t0 ?? e.t)}\n`));
  const offSignals = onStopSignal(() => (stop = true));
  let stop = false;
  try {
    await app.handle('sensors.useReplay', { fileName: basename(o.file), text, speed: o.speed }).catch((err: Error) => {
      throw new CliError(err.message);
    });
    const limit = app.snapshot().profile.speedLimitInPerS;
    io.stdout.write(`Roller Companion: replaying ${basename(o.file)} live${o.speed !== 1 ? ` at ${o.speed}× speed` : ''}…\n`);
    await app.handle('session.start', {});
    const end = o.seconds !== undefined ? Date.now() + o.seconds * 1000 : Infinity;
    while (!stop && Date.now() < end && app.snapshot().connection.name === 'streaming') {
      await sleep(500);
      const p = last as LivePoint | null;
      if (p) io.stdout.write(`${liveLine({ ...p, diagnostics: { atRest: p.atRest, gapBridged: p.gapBridged } }, t0 ?? p.t, limit, p.dwellS)}\n`);
    }
    const ended = await app.handle('session.stop', { reason: 'completed' });
    const s = ended.figures;
    if (s) {
      io.stdout.write(
        `\nSession: ${durationText(s.durationS)}, rolling ${durationText(s.rollingS)}, ${percentText(s.withinLimitShare)} within ${limit} in/s, longest stay ${durationText(s.longestDwellS)}, ${s.warnings} warnings.\n`,
      );
    }
    return 0;
  } finally {
    offSignals();
    await app.dispose();
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
