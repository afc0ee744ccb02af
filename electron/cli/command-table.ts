/**
 * Every `roller` command: its usage (arguments, flags, help; light modules) and a loader for its
 * code. A command's module is imported when that command runs, not before: `roller --help` and
 * `roller <command> --help` load none of them, and the engine, SQLite and Bluetooth load only
 * for the commands that use them.
 */
import type { CliIo } from './cli-io';
import type { CommandUsage } from './command-usage';
import { ANALYZE_USAGE } from './analyze-usage';
import { DEMO_USAGE } from './demo-usage';
import { LAUNCH_USAGE } from './launch-usage';
import { RECORD_USAGE } from './record-usage';
import { SCAN_USAGE } from './scan-usage';
import { SERVE_USAGE } from './serve-usage';
import { SESSIONS_USAGE } from './sessions-usage';
import { SIMULATE_USAGE } from './simulate-usage';

export type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

export interface CommandEntry {
  usage: CommandUsage;
  load: () => Promise<Command>;
}

export const COMMAND_TABLE: readonly CommandEntry[] = [
  { usage: ANALYZE_USAGE, load: async () => (await import('./analyze-command')).analyzeCommand },
  { usage: SIMULATE_USAGE, load: async () => (await import('./simulate-command')).simulateCommand },
  { usage: SCAN_USAGE, load: async () => (await import('./scan-command')).scanCommand },
  { usage: RECORD_USAGE, load: async () => (await import('./record-command')).recordCommand },
  { usage: DEMO_USAGE, load: async () => (await import('./demo-command')).demoCommand },
  { usage: SERVE_USAGE, load: async () => (await import('./serve-command')).serveCommand },
  { usage: LAUNCH_USAGE, load: async () => (await import('./launch-command')).launchCommand },
  {
    usage: SESSIONS_USAGE,
    load: async () => {
      const { sessionsCommand } = await import('./sessions-command');
      return (argv, io) => sessionsCommand(argv, io, io.env ? { env: io.env } : {});
    },
  },
];

export const COMMAND_NAMES: readonly string[] = COMMAND_TABLE.map((c) => c.usage.name);

export function findCommand(name: string): CommandEntry | undefined {
  return COMMAND_TABLE.find((c) => c.usage.name === name);
}
