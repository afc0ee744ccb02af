/**
 * Child process for the kill drill: the app as it runs for real — the composition root
 * (createRollerApp), the real clock, the data folder given — with the simulated roller chosen on
 * the pairing screen, recording a session until the process is killed.
 *
 * Prints `started <session id> <wall-clock ms>` once the session runs, then for every live batch
 * `live <sensor time of its last point, s> <wall-clock ms>`: what the app had received by then.
 * Usage: node --import tsx app-child.ts <dataDir> [scenario]
 */
import { createRollerApp } from '../../electron/app/create-roller-app';

const [dataDir, scenario = 'good-slow-session'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: app-child.ts <dataDir> [scenario]');
const app = createRollerApp({ host: 'browser', dataDir });
app.start();
await app.handle('sensors.useSimulated', { scenario });
app.on('live', ({ points }) => {
  const last = points.at(-1);
  if (last) process.stdout.write(`live ${last.t} ${Date.now()}\n`);
});
const status = await app.handle('session.start', {});
process.stdout.write(`started ${status.sessionId} ${Date.parse(status.startedAt!)}\n`);
