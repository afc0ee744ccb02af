/**
 * The `roller` command line: dispatches sub-commands, turns every expected failure (bad flags,
 * bad files, a data folder or database that cannot be used; see cli-failure.ts) into one clear
 * message on stderr and a non-zero exit code.
 */
import { expectedFailureMessage } from './cli-failure';
import type { CliIo } from './cli-io';

const USAGE = `usage: roller <command> [arguments]

commands:
  analyze <recording.csv> [--diameter-in D] [--neck-above-cm N] [--lumbar-below-cm L]
          [--height-cm H] [--speed-limit-in-per-s V] [--track-rate-hz R]
          [--format json|text] [--diagnostics]
      position, speed, zones and coaching events of a recording
  simulate <scenario.json | built-in name> --out <recording.csv> [--truth <truth.json>] [--seed N]
      a session with the simulated roller: the recording, and optionally its ground truth
  scan [--seconds N] [--simulated]
      sensors in range, with signal strength and battery
  record --device ID|first --out <recording.csv> [--seconds N] [--simulated]
      records a sensor to a recording CSV
  demo [--seconds N] [--scenario NAME]
      a live session in the terminal with the simulated roller
  demo --replay <recording.csv> [--speed N] [--seconds N]
      a recording played live through the app
  serve [--port N] [--simulated] [--seconds N]
      the app in a browser (prints the address to open)
  launch [--demo] [--port N]
      the desktop app (Electron), or the browser host where Electron is not installed
  sessions list | history | export ID | import FILE | delete ID --yes | reanalyze ID
      the recorded sessions (ROLLER_DATA_DIR chooses the data folder)
  help    this text
`;

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/**
 * Each command's module is imported when that command runs, not before: `roller --help` loads
 * none of them, and the engine, SQLite and Bluetooth load only for the commands that use them.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./analyze-command')).analyzeCommand,
  simulate: async () => (await import('./simulate-command')).simulateCommand,
  scan: async () => (await import('./scan-command')).scanCommand,
  record: async () => (await import('./record-command')).recordCommand,
  demo: async () => (await import('./demo-command')).demoCommand,
  serve: async () => (await import('./serve-command')).serveCommand,
  launch: async () => (await import('./launch-command')).launchCommand,
  sessions: async () => {
    const { sessionsCommand } = await import('./sessions-command');
    return (argv, io) => sessionsCommand(argv, io);
  },
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr).write(USAGE);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr.write(`roller: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const command = await load();
  try {
    return await command(rest, io);
  } catch (err) {
    const message = expectedFailureMessage(err);
    if (message === null) throw err;
    io.stderr.write(`roller ${name}: ${message}\n`);
    return 1;
  }
}
