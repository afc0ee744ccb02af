/**
 * Child process for the drills that need a real process (kill, freeze, hang-up): the app as it
 * runs for real — the composition root (createRollerApp), the real clock, the data folder given —
 * with the simulated roller chosen on the pairing screen, recording a session.
 *
 * Prints `started <session id> <wall-clock ms>` once the session runs, then for every live batch
 * `live <sensor time of its last point, s> <wall-clock ms>`: what the app had received by then.
 * A `stop` line on stdin stops the session as the Stop button does and prints
 * `stopped <session.stop's answer as JSON>` and `notices <the notices as JSON>`, then quits.
 * SIGINT, SIGTERM or SIGHUP quit the app as `roller serve` does on them (the CLI's stop
 * signals, then `dispose`, which ends a running session `completed`), printing `quit <signal>`.
 * Usage: node --import tsx app-child.ts <dataDir> [scenario]
 */
import { createInterface } from 'node:readline';
import { createRollerApp } from '../../electron/app/create-roller-app';
import { untilStopped } from '../../electron/app/stop-signals';

const [dataDir, scenario = 'good-slow-session'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: app-child.ts <dataDir> [scenario]');
const app = createRollerApp({ host: 'browser', dataDir });
const signalled = untilStopped();
app.start();
await app.handle('sensors.useSimulated', { scenario });
app.on('live', ({ points }) => {
  const last = points.at(-1);
  if (last) process.stdout.write(`live ${last.t} ${Date.now()}\n`);
});
const status = await app.handle('session.start', {});
process.stdout.write(`started ${status.sessionId} ${Date.parse(status.startedAt!)}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'stop') return;
  void (async () => {
    const stopped = await app.handle('session.stop', { reason: 'completed' });
    process.stdout.write(`stopped ${JSON.stringify(stopped)}\nnotices ${JSON.stringify(app.snapshot().notices)}\n`);
    await app.dispose();
    process.exit(0);
  })();
});

const signal = await signalled;
await app.dispose();
process.stdout.write(`quit ${signal}\n`);
process.exit(0);
